/** Federations: readable by their coordinators and those of any federation above them. */
import {
  checkFederationMove,
  createFederationInputSchema,
  federationChain,
  MAX_FEDERATION_DEPTH,
  moveFederationInputSchema,
  moveGroupInputSchema,
} from '#core/groups.ts';
import { findPlace } from '#core/places.ts';
import { cambodiaDate, parseInput, placeArgument } from '#core/validation.ts';
import { REPORT_HEADER, csvDocument, reportLine, summarise } from '#core/attention.ts';
import type { Group } from '#core/groups.ts';
import { loadAll, type Context } from '#api/context.ts';
import { ConflictError, ValidationError } from '#core/errors.ts';
import {
  federatedPart,
  HISTORY_MONTHS,
  monthlySeries,
  monthOf,
  ROLLUP_FIGURES,
  rollupTarget,
  rollupView,
  zeroFigures,
} from '#core/rollups.ts';
import { getRollup, getRollupHistories, sumRollups } from '#store/rollups.ts';
import type { Readable } from './views.ts';
import {
  federationMoveWrites,
  getFederation,
  getGroup,
  listChildFederations,
  listFederationHistory,
  listFederations,
  listGroupsOfFederation,
  listParentHistory,
  federationsBelow,
  parentMoveWrites,
  planCreateFederation,
} from '#store/groups.ts';
import {
  allowed,
  authorize,
  authorizeOnGroup,
  federationTarget,
  groupTarget,
  namedFederationTarget,
  notFound,
} from '#api/authorize.ts';
import { commit, newId } from '#api/mutation.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import type { Page } from '#store/db.ts';
import type { Federation } from '#core/groups.ts';
import { say } from '#core/messages.ts';

export const federationResolvers: Resolvers = {
  Query: {
    federation: async (_p, { id }, ctx) => {
      const federation = await ctx.loaders.federation.load(id);
      if (
        !federation ||
        !allowed(ctx, { action: 'federation.read', federation: await federationTarget(ctx, federation) })
      )
        return null;
      return federation;
    },
    placeRollup: async (_p, { code }, ctx) => {
      authorize(ctx, { action: 'rollup.readPlace' });
      placeArgument(code, 'code');
      const target = rollupTarget.place(code);
      const readable = await readableInPlace(ctx, code);
      const figures = await getRollup(ctx.db, target);
      const mine = typeof readable === 'string' ? federatedPart(figures) : await sumRollups(ctx.db, readable.targets);
      return { scope: `place:${code}`, target, readable, view: rollupView(figures, mine) };
    },
    federations: async (_p, args, ctx) => {
      authorize(ctx, { action: 'platform.administer' });
      const place = args.placeCode ? placeArgument(args.placeCode, 'placeCode') : null;
      const { limit, cursor } = pageArgs(args);
      return connection(await listFederations(ctx.db, place, limit, cursor));
    },
    myFederations: async (_p, _a, ctx) => {
      const ids = ctx.viewer.roles.filter((r) => r.tenantType === 'FEDERATION').map((r) => r.tenantId);
      return (await loadAll(ctx.loaders.federation, ids)).filter((f): f is Federation => f !== undefined);
    },
  },
  Federation: {
    place: (f) => findPlace(f.placeCode)!,
    // The parent is shown only to those who may read it: a coordinator below does not see above.
    parent: async (f, _a, ctx) => {
      if (!f.parentId) return null;
      const parent = await ctx.loaders.federation.load(f.parentId);
      return parent && allowed(ctx, { action: 'federation.read', federation: await federationTarget(ctx, parent) })
        ? parent
        : null;
    },
    // The same rule as `parent`: a parent she may not read is not named in the history either.
    parentHistory: async (f, _a, ctx) =>
      Promise.all(
        (await listParentHistory(ctx.db, f.id)).map(async (m) => {
          const parent = await ctx.loaders.federation.load(m.federationId);
          const visible =
            parent && allowed(ctx, { action: 'federation.read', federation: await federationTarget(ctx, parent) });
          return { ...m, federationId: visible ? m.federationId : null };
        }),
      ),
    children: async (f, args, ctx) => {
      const { limit, cursor } = pageArgs(args);
      return connection(await listChildFederations(ctx.db, f.id, limit, cursor));
    },
    dashboard: async (f, args, ctx) => {
      const { limit, cursor } = pageArgs(args);
      const page = await listGroupsOfFederation(ctx.db, f.id, limit, cursor);
      return connection({ items: await summaries(ctx, page.items), cursor: page.cursor });
    },
    reportCsv: async (f, _a, ctx) => {
      const lines = [REPORT_HEADER];
      let cursor: string | null = null;
      do {
        const page: Page<Group> = await listGroupsOfFederation(ctx.db, f.id, 100, cursor);
        for (const { group, summary } of await summaries(ctx, page.items)) {
          lines.push(reportLine(group, findPlace(group.placeCode.slice(0, 6))?.nameEn ?? group.placeCode, summary));
        }
        cursor = page.cursor;
      } while (cursor);
      return csvDocument(lines);
    },
    // Federation objects reach a viewer only through the federation.read check above.
    // Its readers (coordinators of it or above, administrators) read every group below it.
    rollup: async (f, _a, ctx) => ({
      scope: `federation:${f.id}`,
      target: rollupTarget.federation(f.id),
      readable: 'all',
      view: rollupView(await getRollup(ctx.db, rollupTarget.federation(f.id)), 'all'),
    }),
    groups: async (f, args, ctx) => {
      const { limit, cursor } = pageArgs(args);
      const page = await listGroupsOfFederation(ctx.db, f.id, limit, cursor);
      return connection(page);
    },
  },
  GroupSummary: {
    currency: (s) => s.group.currency,
    savings: (s) => s.summary.savings,
    loansOutstanding: (s) => s.summary.loansOutstanding,
    par30BasisPoints: (s) => s.summary.par30BasisPoints,
    lastMeetingOn: (s) => s.summary.lastMeetingOn,
    needsAttention: (s) => s.summary.needsAttention,
    attentionReasons: (s) => s.summary.reasons.map((r) => r.en),
    attentionReasonsKm: (s) => s.summary.reasons.map((r) => r.km),
  },
  Rollup: {
    groups: (r) => r.view.groups,
    members: (r) => r.view.members,
    suppressed: (r) => r.view.suppressed,
    women: (r) => r.view.women,
    groupsNeedingAttention: (r) => r.view.needingAttention,
    byCurrency: (r) => r.view.byCurrency,
    history: async (r, { months }, ctx) => {
      if (months < 1 || months > HISTORY_MONTHS) throw ValidationError.at('months', say.historyMonths(HISTORY_MONTHS));
      const thisMonth = monthOf(cambodiaDate(ctx.now()));
      // The rollup and, for a coordinator reading a place, her federations' shares of it: one read.
      const shares = typeof r.readable === 'string' ? [] : r.readable.targets;
      const [own, ...theirs] = (await getRollupHistories(ctx.db, [r.target, ...shares])).map((h) =>
        monthlySeries(h, thisMonth, months),
      );
      return own!.map(({ month, figures }, i) => {
        if (!figures) return { month, view: null };
        if (r.readable === 'all') return { month, view: rollupView(figures, 'all') };
        if (r.readable === 'federated') return { month, view: rollupView(figures, federatedPart(figures)) };
        const mine = zeroFigures();
        for (const series of theirs) for (const k of ROLLUP_FIGURES) mine[k] += series[i]!.figures?.[k] ?? 0n;
        return { month, view: rollupView(figures, mine) };
      });
    },
  },
  RollupMonth: {
    known: (m) => m.view !== null,
    groups: (m) => m.view?.groups ?? null,
    members: (m) => m.view?.members ?? null,
    suppressed: (m) => m.view?.suppressed ?? false,
    women: (m) => m.view?.women ?? null,
    groupsNeedingAttention: (m) => m.view?.needingAttention ?? null,
    byCurrency: (m) => m.view?.byCurrency ?? [],
  },
  Group: {
    federationHistory: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readOfficers');
      return listFederationHistory(ctx.db, g.id);
    },
  },
  Mutation: {
    moveGroupToFederation: async (_p, { input }, ctx) => {
      const data = parseInput(moveGroupInputSchema, input);
      const group = await ctx.loaders.group.load(data.groupId);
      if (!group || !allowed(ctx, { action: 'group.readProfile', group: await groupTarget(ctx, group) }))
        throw notFound('group', 'input.groupId');
      const current = group.federationId ? await ctx.loaders.federation.load(group.federationId) : undefined;
      const next = data.federationId ? await ctx.loaders.federation.load(data.federationId) : undefined;
      authorize(ctx, {
        action: 'group.move',
        from: current ? await federationTarget(ctx, current) : null,
        to: await namedFederationTarget(ctx, next, data.federationId),
      });
      if (data.federationId && !next) throw notFound('federation', 'input.federationId');
      if (data.from < group.formedOn || data.from > cambodiaDate(ctx.now())) {
        throw ValidationError.at('input.from', say.betweenFormingAndToday(group.formedOn));
      }
      return commit(ctx, 'moveGroupToFederation', data, async () => {
        // Checked here, on fresh reads, so that a replay is answered from the first run instead.
        const fresh = (await getGroup(ctx.db, group.id))!;
        if ((data.federationId ?? null) === fresh.federationId)
          throw new ConflictError(say.groupAlreadyThere, 'input.federationId');
        const history = await listFederationHistory(ctx.db, group.id);
        const open = history.find((h) => h.until === null && h.federationId === fresh.federationId);
        if (open && data.from < open.from) throw ValidationError.at('input.from', say.notBeforeJoined(open.from));
        return {
          writes: federationMoveWrites(ctx.db, fresh, open, data.federationId ?? null, data.from),
          result: { ...fresh, federationId: data.federationId ?? null },
        };
      });
    },
    createFederation: async (_p, { input }, ctx) => {
      const data = parseInput(createFederationInputSchema, input);
      authorize(ctx, { action: 'federation.create', parent: null });
      const parent = data.parentId ? await ctx.loaders.federation.load(data.parentId) : undefined;
      if (data.parentId && !parent) throw notFound('federation', 'input.parentId');
      if (
        parent &&
        (await federationChain(parent, (id) => ctx.loaders.federation.load(id))).length >= MAX_FEDERATION_DEPTH
      ) {
        throw ValidationError.at('input.parentId', say.tooDeep(MAX_FEDERATION_DEPTH));
      }
      return commit(ctx, 'createFederation', data, () =>
        planCreateFederation(
          ctx.db,
          newId(ctx, data.idempotencyKey),
          data,
          parent ?? null,
          ctx.now(),
          cambodiaDate(ctx.now()),
        ),
      );
    },
    moveFederation: async (_p, { input }, ctx) => {
      const data = parseInput(moveFederationInputSchema, input);
      const load = (id: string) => ctx.loaders.federation.load(id);
      const federation = await load(data.federationId);
      if (
        !federation ||
        !allowed(ctx, { action: 'federation.read', federation: await federationTarget(ctx, federation) })
      )
        throw notFound('federation', 'input.federationId');
      const current = federation.parentId ? await load(federation.parentId) : undefined;
      const next = data.parentId ? await load(data.parentId) : undefined;
      authorize(ctx, {
        action: 'federation.move',
        federation: await federationTarget(ctx, federation),
        from: current ? await federationTarget(ctx, current) : null,
        to: next ? await federationTarget(ctx, next) : data.parentId ? { federationIds: [data.parentId] } : null,
      });
      if (data.parentId && !next) throw notFound('federation', 'input.parentId');
      if (data.from > cambodiaDate(ctx.now())) throw ValidationError.at('input.from', say.notInFuture);
      return commit(ctx, 'moveFederation', data, async () => {
        // Fresh, consistent reads: the transaction then checks that none of them moved meanwhile.
        const fresh = await getFederation(ctx.db, federation.id, true);
        if (!fresh) throw notFound('federation', 'input.federationId');
        if ((data.parentId ?? null) === fresh.parentId)
          throw new ConflictError(say.federationAlreadyThere, 'input.parentId');
        const freshLoad = (id: string) => getFederation(ctx.db, id, true);
        const parent = data.parentId ? await freshLoad(data.parentId) : undefined;
        if (data.parentId && !parent) throw notFound('federation', 'input.parentId');
        const newParentChain = parent ? await federationChain(parent, freshLoad) : [];
        const refusal = checkFederationMove(
          fresh.id,
          newParentChain,
          (await federationsBelow(ctx.db, fresh.id)).height,
        );
        if (refusal) throw ValidationError.at('input.parentId', refusal);
        const open = (await listParentHistory(ctx.db, fresh.id)).find(
          (h) => h.until === null && h.federationId === fresh.parentId,
        );
        if (open && data.from < open.from) throw ValidationError.at('input.from', say.notBeforeJoined(open.from));
        return {
          writes: parentMoveWrites(ctx.db, fresh, open, newParentChain, data.from),
          result: { ...fresh, parentId: data.parentId ?? null },
        };
      });
    },
  },
};

/** Summaries of a page of groups: their books come in one batch through the loader. */
async function summaries(ctx: Context, groups: Group[]) {
  const asOf = cambodiaDate(ctx.now());
  const books = await loadAll(
    ctx.loaders.books,
    groups.map((g) => g.id),
  );
  return groups.map((group, i) => {
    const b = books[i];
    if (!b) throw new Error(`no books for ${group.id}`);
    return { group, summary: summarise(group, b, asOf) };
  });
}

/**
 * What of a place's groups the viewer may read the finances of anyway: an administrator, every
 * federated group (she reads every federation's dashboard); a coordinator, the groups under the
 * federations she coordinates, counted once (a federation inside another of hers is left out).
 */
async function readableInPlace(ctx: Context, code: string): Promise<Readable> {
  if (allowed(ctx, { action: 'platform.administer' })) return 'federated';
  const mine = ctx.viewer.roles
    .filter((r) => r.tenantType === 'FEDERATION' && r.role === 'COORDINATOR')
    .map((r) => r.tenantId);
  const tops: string[] = [];
  for (const id of new Set(mine)) {
    const federation = await ctx.loaders.federation.load(id);
    if (!federation) continue;
    const above = (await federationTarget(ctx, federation)).federationIds.slice(1);
    if (!above.some((a) => mine.includes(a))) tops.push(id);
  }
  return { targets: tops.map((id) => rollupTarget.federationPlace(id, code)) };
}
