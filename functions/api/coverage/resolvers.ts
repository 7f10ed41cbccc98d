/** NGOs' services and deliveries, and coverage and gaps by place × sector, suppressed below 3 groups. */
import {
  correctDeliveryInputSchema,
  coverageGrid,
  coverageHolder,
  recordDeliveryInputSchema,
  SECTORS,
  shownCoverage,
  registerServiceInputSchema,
  setSectorsInputSchema,
  suppress,
  withdrawDeliveryInputSchema,
  type CoverageSum,
  type RecordDeliveryInput,
  type Sector,
} from '#core/coverage.ts';
import { ConflictError, ValidationError } from '#core/errors.ts';
import type { Group } from '#core/groups.ts';
import { allCommunesIn, childrenOf, findPlace, type Place } from '#core/places.ts';
import { cambodiaDate, parseInput, placeArgument } from '#core/validation.ts';
import {
  communeRollups,
  deliveryEndWrites,
  deliveryWrites,
  getDelivery,
  getNgoSectors,
  getService,
  listDeliveries,
  listServices,
  ngoSectorsWrite,
  putServiceWrite,
  type Delivery,
} from '#store/coverage.ts';
import { coverageItems } from '#store/coverage-counts.ts';
import { getOrganisation } from '#store/organisations.ts';
import { allowed, authorize, groupTarget, notFound } from '#api/authorize.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import { loadAll, type Context } from '#api/context.ts';
import { commit, newId } from '#api/mutation.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import { say } from '#core/messages.ts';

function place(code: string) {
  placeArgument(code, 'placeCode');
  return findPlace(code)!;
}

async function ngoOf(ctx: Context, ngoId: string) {
  authorize(ctx, { action: 'ngo.manage', ngoId });
  const ngo = await getOrganisation(ctx.db, 'NGO', ngoId);
  if (!ngo) throw notFound('NGO', 'input.ngoId');
  return ngo;
}

/** The groups a delivery names, each one the NGO may see in the directory; unknown ones are NOT_FOUND. */
async function groupsReached(ctx: Context, ids: string[]) {
  const groups = await loadAll(ctx.loaders.group, ids);
  const found = [];
  for (const [i, group] of groups.entries()) {
    if (!group || !allowed(ctx, { action: 'group.readProfile', group: await groupTarget(ctx, group) }))
      throw notFound('group', `input.groupIds.${i}`);
    found.push(group);
  }
  return found;
}

/** A delivery as `data` describes it, checked against the places, the NGO's services and the groups it may see. */
async function plannedDelivery(
  ctx: Context,
  ngoId: string,
  data: RecordDeliveryInput,
  corrects: string | null,
): Promise<{ delivery: Delivery; groups: Group[]; commune: { groups: number; members: number } }> {
  if (data.communeCode && !findPlace(data.communeCode)) throw ValidationError.at('input.communeCode', say.notACommune);
  if (data.date > cambodiaDate(ctx.now())) throw ValidationError.at('input.date', say.notInFuture);
  const service = await getService(ctx.db, ngoId, data.serviceId);
  if (!service) throw notFound('service', 'input.serviceId');
  const groups = await groupsReached(ctx, data.groupIds ?? []);
  const delivery: Delivery = {
    id: newId(ctx, data.idempotencyKey),
    ngoId,
    serviceId: service.id,
    sector: service.sector,
    date: data.date,
    communeCodes: data.communeCode
      ? [data.communeCode]
      : [...new Set(groups.map((g) => g.placeCode.slice(0, 6)))].sort(),
    groupIds: groups.map((g) => g.id),
    participants: data.participants,
    women: data.women,
    status: 'RECORDED',
    corrects,
    ending: null,
  };
  // A whole commune is reached with the groups and members it has as the delivery is recorded.
  const counted = data.communeCode ? (await communeRollups(ctx.db, [data.communeCode])).get(data.communeCode) : null;
  const commune = { groups: Number(counted?.groups ?? 0n), members: Number(counted?.members ?? 0n) };
  return { delivery, groups, commune };
}

/** The delivery named by id and date, read fresh; one already corrected or withdrawn cannot end again. */
async function recordedDelivery(
  ctx: Context,
  ngoId: string,
  ref: { deliveryId: string; deliveryDate: string },
): Promise<Delivery> {
  const found = await getDelivery(ctx.db, ngoId, ref.deliveryDate, ref.deliveryId);
  if (!found) throw notFound('delivery', 'input.deliveryId');
  if ((found.status ?? 'RECORDED') !== 'RECORDED') throw new ConflictError(say.deliveryEnded, 'input.deliveryId');
  return found;
}

/** A place's coverage of each sector and that of the places one level down: one batch of small items, whatever lies behind them. */
async function gridOf(ctx: Context, where: Place, sectors: readonly Sector[]) {
  const holder = coverageHolder(where.code);
  const entries = await coverageItems(ctx.db, [holder], sectors);
  const children = where.code.length < 6 ? childrenOf(where.code) : [];
  const grid = coverageGrid(
    where.code,
    children.map((c) => c.code),
    sectors,
    (s) => entries(holder, s),
  );
  const cell = (p: Place) => (f: CoverageSum, i: number) => ({ place: p, sector: sectors[i]!, ...shownCoverage(f) });
  return {
    place: where,
    sectors: [...sectors],
    total: grid.total.map(cell(where)),
    rows: grid.rows.map((r, i) => ({ place: children[i]!, cells: r.cells.map(cell(children[i]!)) })),
  };
}

/** The communes of a place that a sector reached in the last 12 months (any entry counts). */
async function reachedCommunes(ctx: Context, where: Place, sector: Sector): Promise<Set<string>> {
  const districts = where.code.length === 2 ? childrenOf(where.code).map((d) => d.code) : [where.code.slice(0, 4)];
  const entries = await coverageItems(ctx.db, districts, [sector]);
  return new Set(districts.flatMap((d) => Object.keys(entries(d, sector))).filter((c) => c.startsWith(where.code)));
}

export const coverageResolvers: Resolvers = {
  Ngo: {
    sectors: (n, _a, ctx) => getNgoSectors(ctx.db, n.id),
    services: (n, _a, ctx) => listServices(ctx.db, n.id),
    deliveries: async (n, args, ctx) => {
      authorize(ctx, { action: 'ngo.manage', ngoId: n.id });
      const { limit, cursor } = pageArgs(args);
      return connection(await listDeliveries(ctx.db, n.id, limit, cursor));
    },
  },
  Delivery: {
    communes: (d) => d.communeCodes.map((c) => findPlace(c)!),
    status: (d) => d.status ?? 'RECORDED',
    corrects: (d) => d.corrects ?? null,
    ending: (d) => d.ending ?? null,
  },
  Query: {
    coverage: async (_p, args, ctx) => {
      authorize(ctx, { action: 'coverage.read' });
      return (await gridOf(ctx, place(args.placeCode), [args.sector])).total[0]!;
    },
    coverageGrid: async (_p, args, ctx) => {
      authorize(ctx, { action: 'coverage.read' });
      const where = place(args.placeCode);
      return gridOf(ctx, where, [...new Set(args.sectors ?? SECTORS)]);
    },
    coverageGaps: async (_p, args, ctx) => {
      authorize(ctx, { action: 'coverage.read' });
      const where = place(args.placeCode);
      const reached = await reachedCommunes(ctx, where, args.sector);
      const communes = allCommunesIn(where.code)
        .map((c) => c.code)
        .filter((c) => !reached.has(c));
      const rollups = await communeRollups(ctx.db, communes);
      return communes
        .filter((c) => rollups.get(c)!.groups > 0n)
        .map((c) => {
          const groups = Number(rollups.get(c)!.groups);
          return { commune: findPlace(c)!, sector: args.sector, activeGroups: suppress(groups, groups) };
        });
    },
  },
  Mutation: {
    setNgoSectors: async (_p, { input }, ctx) => {
      const data = parseInput(setSectorsInputSchema, input);
      const ngo = await ngoOf(ctx, data.ngoId);
      const sectors = [...new Set(data.sectors)].sort();
      const request = { ...data, sectors };
      return commit(ctx, 'setNgoSectors', request, () => ({
        writes: [ngoSectorsWrite(ctx.db, ngo.id, sectors)],
        result: ngo,
      }));
    },
    registerService: async (_p, { input }, ctx) => {
      const data = parseInput(registerServiceInputSchema, input);
      const ngo = await ngoOf(ctx, data.ngoId);
      return commit(ctx, 'registerService', data, () => {
        const service = { id: newId(ctx, data.idempotencyKey), ngoId: ngo.id, name: data.name, sector: data.sector };
        return { writes: [putServiceWrite(ctx.db, service)], result: service };
      });
    },
    recordDelivery: async (_p, { input }, ctx) => {
      const data = parseInput(recordDeliveryInputSchema, input);
      const ngo = await ngoOf(ctx, data.ngoId);
      const planned = await plannedDelivery(ctx, ngo.id, data, null);
      return commit(ctx, 'recordDelivery', data, () => ({
        writes: deliveryWrites(ctx.db, planned.delivery, planned.groups, planned.commune),
        result: planned.delivery,
      }));
    },
    correctDelivery: async (_p, { input }, ctx) => {
      const data = parseInput(correctDeliveryInputSchema, input);
      const ngo = await ngoOf(ctx, data.ngoId);
      const planned = await plannedDelivery(ctx, ngo.id, data, data.deliveryId);
      return commit(ctx, 'correctDelivery', data, async () => {
        const old = await recordedDelivery(ctx, ngo.id, data);
        const ending = {
          by: ctx.viewer.userId,
          at: ctx.now().toISOString(),
          reason: data.reason,
          replacedBy: planned.delivery.id,
        };
        return {
          writes: [
            ...(await deliveryEndWrites(ctx.db, old, 'CORRECTED', ending)),
            ...deliveryWrites(ctx.db, planned.delivery, planned.groups, planned.commune),
          ],
          result: planned.delivery,
        };
      });
    },
    withdrawDelivery: async (_p, { input }, ctx) => {
      const data = parseInput(withdrawDeliveryInputSchema, input);
      const ngo = await ngoOf(ctx, data.ngoId);
      return commit(ctx, 'withdrawDelivery', data, async () => {
        const old = await recordedDelivery(ctx, ngo.id, data);
        const ending = { by: ctx.viewer.userId, at: ctx.now().toISOString(), reason: data.reason, replacedBy: null };
        return {
          writes: await deliveryEndWrites(ctx.db, old, 'WITHDRAWN', ending),
          result: { ...old, status: 'WITHDRAWN' as const, ending },
        };
      });
    },
  },
};
