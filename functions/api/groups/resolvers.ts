/** Groups and members. Public facts for the directory; member records for the group's officers. */
import {
  addMemberInputSchema,
  checkJoinDate,
  correctMember,
  correctMemberInputSchema,
  createGroupInputSchema,
  type Group,
} from '#core/groups.ts';
import { ValidationError } from '#core/errors.ts';
import { findPlace } from '#core/places.ts';
import { describeSchedule } from '#core/schedule.ts';
import { cambodiaDate, parseInput, placeArgument } from '#core/validation.ts';
import {
  getMember,
  listGroupsAtPlace,
  listMembers,
  memberCorrectionWrites,
  planAddMember,
  planCreateGroup,
} from '#store/groups.ts';
import {
  allowed,
  authorize,
  authorizeOnGroup,
  groupFor,
  groupTarget,
  namedFederationTarget,
  notFound,
} from '#api/authorize.ts';
import { loadAll } from '#api/context.ts';
import { commit, newId } from '#api/mutation.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import type { Resolvers } from '#api/generated/schema.ts';

/** Whole months between two YYYY-MM-DD dates. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

export const groupResolvers: Resolvers = {
  Query: {
    group: async (_p, { id }, ctx) => {
      const group = await ctx.loaders.group.load(id);
      if (!group || !allowed(ctx, { action: 'group.readProfile', group: await groupTarget(ctx, group) })) return null;
      return group;
    },
    myGroups: async (_p, _a, ctx) => {
      const ids = ctx.viewer.roles.filter((r) => r.tenantType === 'GROUP').map((r) => r.tenantId);
      return (await loadAll(ctx.loaders.group, ids)).filter((g): g is Group => g !== undefined);
    },
    groupDirectory: async (_p, args, ctx) => {
      authorize(ctx, { action: 'group.browseDirectory' });
      const placeCode = placeArgument(args.placeCode, 'placeCode', { villages: true });
      const { limit, cursor } = pageArgs(args);
      return connection(await listGroupsAtPlace(ctx.db, placeCode, limit, cursor));
    },
  },
  Group: {
    place: (g) => findPlace(g.placeCode.slice(0, 6))!,
    ageInMonths: (g, _a, ctx) => monthsBetween(g.formedOn, cambodiaDate(ctx.now())),
    members: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readMembers');
      const { limit, cursor } = pageArgs(args);
      return connection(await listMembers(ctx.db, g.id, limit, cursor));
    },
  },
  Member: {
    corrections: (m) => m.corrections ?? [],
    // A member is only ever reached through her group's officer-only fields, so her savings are too.
    savings: async (m, _a, ctx) => (await ctx.loaders.books.load(m.groupId)).members[m.id]?.savings ?? 0n,
  },
  MeetingSchedule: {
    description: (s) => describeSchedule(s).en,
    descriptionKm: (s) => describeSchedule(s).km,
  },
  Mutation: {
    createGroup: async (_p, { input }, ctx) => {
      const data = parseInput(createGroupInputSchema, input);
      const federation = data.federationId ? await ctx.loaders.federation.load(data.federationId) : undefined;
      authorize(ctx, {
        action: 'group.create',
        federation: await namedFederationTarget(ctx, federation, data.federationId),
      });
      if (data.federationId && !federation) throw notFound('federation', 'input.federationId');
      return commit(ctx, 'createGroup', data, () =>
        planCreateGroup(ctx.db, newId(ctx, data.idempotencyKey), data, ctx.now()),
      );
    },
    addMember: async (_p, { input }, ctx) => {
      const data = parseInput(addMemberInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'group.writeMembers');
      const problem = checkJoinDate(group, data.joinedOn, cambodiaDate(ctx.now()));
      if (problem) throw ValidationError.at('input.joinedOn', problem);
      return commit(ctx, 'addMember', data, () =>
        planAddMember(ctx.db, newId(ctx, data.idempotencyKey), data, ctx.now()),
      );
    },
    correctMember: async (_p, { input }, ctx) => {
      const data = parseInput(correctMemberInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'group.correctRecords');
      return commit(ctx, 'correctMember', data, async () => {
        const member = await getMember(ctx.db, group.id, data.memberId, true);
        if (!member) throw notFound('member', 'input.memberId');
        const corrected = correctMember(member, data, ctx.viewer.userId, ctx.now().toISOString());
        return { writes: memberCorrectionWrites(ctx.db, member, corrected), result: corrected };
      });
    },
  },
};
