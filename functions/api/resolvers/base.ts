/** The viewer, people and roles, and places. */
import * as z from 'zod';
import { ConflictError, ForbiddenError, ValidationError } from '#core/errors.ts';
import { allProvinces, childrenOf, findPlace } from '#core/places.ts';
import { dutyConflict, isRoleOfTenant, TENANT_TYPES, ROLES_BY_TENANT, PLATFORM_ID } from '#core/roles.ts';
import { idempotencyKeySchema, idSchema, parseInput, textSchema } from '#core/validation.ts';
import { getRolesForChange, getUser, putRoleWrite, putUserWrite, rolesChangedWrite } from '#store/users.ts';
import { getOrganisation } from '#store/organisations.ts';
import { authorize, notFound } from '../authorize.ts';
import { commit } from '../mutation.ts';
import type { Resolvers } from '../generated/schema.ts';
import { denied, say } from '#core/messages.ts';


const createUserInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  userId: idSchema,
  displayName: textSchema(120),
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
      // The tenant must exist.
      switch (data.tenantType) {
        case 'PLATFORM':
          if (data.tenantId !== PLATFORM_ID) throw notFound('tenant', 'input.tenantId');
          break;
        case 'FEDERATION':
          if (!(await ctx.loaders.federation.load(data.tenantId))) throw notFound('federation', 'input.tenantId');
          break;
        case 'BANK':
        case 'NGO':
          if (!(await getOrganisation(ctx.db, data.tenantType, data.tenantId))) throw notFound('organisation', 'input.tenantId');
          break;
      }
      if (data.userId === ctx.viewer.userId) throw new ForbiddenError(say.notAllowed(denied.selfAppointment), 'input.userId');
      if (!(await getUser(ctx.db, data.userId))) throw notFound('user', 'input.userId');
      const grant = { tenantType: data.tenantType, tenantId: data.tenantId, role };
      return commit(ctx, 'assignRole', data, async () => {
        const duties = await getRolesForChange(ctx.db, data.userId);
        const conflict = dutyConflict(duties.roles, grant);
        if (conflict) throw ConflictError.at('input.userId', conflict);
        return { writes: [putRoleWrite(ctx.db, data.userId, grant, ctx.now()), rolesChangedWrite(ctx.db, data.userId, duties.version)], result: grant };
      });
    },
  },
};

