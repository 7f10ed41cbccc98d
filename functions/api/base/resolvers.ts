/** The viewer, people and roles, and places. */
import * as z from 'zod';
import { ConflictError, ForbiddenError, ValidationError } from '#core/errors.ts';
import { allProvinces, childrenOf, findPlace } from '#core/places.ts';
import { dutyConflict, isRoleOfTenant, TENANT_TYPES, ROLE_NAMES, ROLES_BY_TENANT } from '#core/roles.ts';
import { invitePersonInputSchema } from '#core/people.ts';
import { idempotencyKeySchema, idSchema, parseInput, textSchema } from '#core/validation.ts';
import {
  deleteRoleWrite,
  getRoles,
  getRolesForChange,
  getUser,
  listRoleChanges,
  listUsers,
  putRoleWrite,
  putUserWrite,
  roleChangeWrite,
  rolesChangedWrite,
} from '#store/users.ts';
import { authorize, notFound } from '#api/authorize.ts';
import { invitePerson, tenantMustExist } from '#api/base/people.ts';
import { commit } from '#api/mutation.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import { denied, say } from '#core/messages.ts';

const createUserInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  userId: idSchema,
  displayName: textSchema(120),
});

const revokeRoleInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  userId: idSchema,
  tenantType: z.enum(TENANT_TYPES),
  tenantId: idSchema,
  role: z.enum(ROLE_NAMES),
  reason: textSchema(1000),
});

const assignRoleInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  userId: idSchema,
  tenantType: z.enum(TENANT_TYPES),
  tenantId: idSchema,
  role: z.string(),
});

export const baseResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, ctx) => ctx.viewer,
    place: (_p, { code }) => findPlace(code) ?? null,
    provinces: () => [...allProvinces()],
    person: async (_p, { id }, ctx) => {
      authorize(ctx, { action: 'platform.administer' });
      const user = idSchema.safeParse(id).success ? await getUser(ctx.db, id) : undefined;
      return user ?? null;
    },
    people: async (_p, args, ctx) => {
      authorize(ctx, { action: 'platform.administer' });
      const { limit, cursor } = pageArgs(args);
      return connection(await listUsers(ctx.db, limit, cursor));
    },
  },
  Role: {
    // Where the role is held, by name: the group, federation, bank or NGO (batched loads).
    tenantName: async (r, _a, ctx) => {
      switch (r.tenantType) {
        case 'PLATFORM':
          return 'Krom';
        case 'GROUP':
          return (await ctx.loaders.group.load(r.tenantId))?.name ?? null;
        case 'FEDERATION':
          return (await ctx.loaders.federation.load(r.tenantId))?.name ?? null;
        case 'BANK':
          return (await ctx.loaders.bank.load(r.tenantId))?.name ?? null;
        case 'NGO':
          return (await ctx.loaders.ngo.load(r.tenantId))?.name ?? null;
      }
    },
  },
  Person: {
    roles: (u, _a, ctx) => getRoles(ctx.db, u.id),
    roleHistory: (u, _a, ctx) => listRoleChanges(ctx.db, u.id),
  },
  Viewer: {
    id: (v) => v.userId,
    displayName: async (v, _a, ctx) => (await ctx.loaders.user.load(v.userId))?.displayName ?? null,
    roles: (v) => v.roles,
  },
  Place: {
    parent: (p) => (p.parentCode ? (findPlace(p.parentCode) ?? null) : null),
    children: (p) => childrenOf(p.code),
  },
  Mutation: {
    createUser: async (_p, { input }, ctx) => {
      const data = parseInput(createUserInputSchema, input);
      authorize(ctx, { action: 'platform.administer' });
      return commit(ctx, 'createUser', data, () => {
        const user = { id: data.userId, displayName: data.displayName, createdAt: ctx.now().toISOString() };
        return { writes: [putUserWrite(ctx.db, user)], result: user };
      });
    },
    invitePerson: async (_p, { input }, ctx) => invitePerson(ctx, parseInput(invitePersonInputSchema, input)),
    assignRole: async (_p, { input }, ctx) => {
      const data = parseInput(assignRoleInputSchema, input);
      if (!isRoleOfTenant(data.tenantType, data.role)) {
        throw ValidationError.at('input.role', say.roleOfTenant(data.tenantType, ROLES_BY_TENANT[data.tenantType]));
      }
      const role = data.role;
      if (data.tenantType === 'GROUP') {
        throw ValidationError.at('input.tenantType', say.groupOfficesHaveTerms);
      }
      // Authorise before looking the tenant up: to anyone who may not assign roles, an unknown
      // tenant and an existing one must answer alike, or the mutation would tell which exist.
      authorize(ctx, { action: 'role.assign', tenantType: data.tenantType, tenantId: data.tenantId });
      await tenantMustExist(ctx, data.tenantType, data.tenantId);
      if (data.userId === ctx.viewer.userId)
        throw new ForbiddenError(say.notAllowed(denied.selfAppointment), 'input.userId');
      const grant = { tenantType: data.tenantType, tenantId: data.tenantId, role };
      return commit(ctx, 'assignRole', data, async () => {
        const duties = await getRolesForChange(ctx.db, data.userId);
        if (!duties.exists) throw notFound('user', 'input.userId');
        const conflict = dutyConflict(duties.roles, grant);
        if (conflict) throw ConflictError.at('input.userId', conflict);
        return {
          writes: [
            putRoleWrite(ctx.db, data.userId, grant, ctx.now()),
            rolesChangedWrite(ctx.db, data.userId, duties.version),
            roleChangeWrite(
              ctx.db,
              data.userId,
              { action: 'ASSIGNED', ...grant, by: ctx.viewer.userId, at: ctx.now().toISOString(), reason: null },
              duties.version + 1,
            ),
          ],
          result: grant,
        };
      });
    },
    revokeRole: async (_p, { input }, ctx) => {
      const data = parseInput(revokeRoleInputSchema, input);
      authorize(ctx, { action: 'role.assign', tenantType: data.tenantType, tenantId: data.tenantId });
      if (data.tenantType === 'GROUP') throw ValidationError.at('input.tenantType', say.groupOfficesHaveTerms);
      if (data.userId === ctx.viewer.userId)
        throw new ForbiddenError(say.notAllowed(denied.selfRevocation), 'input.userId');
      const grant = { tenantType: data.tenantType, tenantId: data.tenantId, role: data.role };
      return commit(ctx, 'revokeRole', data, async () => {
        const duties = await getRolesForChange(ctx.db, data.userId);
        if (!duties.exists) throw notFound('user', 'input.userId');
        if (
          !duties.roles.some(
            (r) => r.tenantType === grant.tenantType && r.tenantId === grant.tenantId && r.role === grant.role,
          )
        ) {
          throw ConflictError.at('input.role', say.roleNotHeld(grant.role, grant.tenantType));
        }
        return {
          writes: [
            deleteRoleWrite(ctx.db, data.userId, grant, () => new ConflictError(say.roleGone, 'input.role')),
            rolesChangedWrite(ctx.db, data.userId, duties.version),
            roleChangeWrite(
              ctx.db,
              data.userId,
              { action: 'REVOKED', ...grant, by: ctx.viewer.userId, at: ctx.now().toISOString(), reason: data.reason },
              duties.version + 1,
            ),
          ],
          result: grant,
        };
      });
    },
  },
};
