/** NGOs' services and deliveries, and coverage and gaps by place × sector, suppressed below 3 groups. */
import {
  correctDeliveryInputSchema,
  coverageFigures,
  reachOf,
  recordDeliveryInputSchema,
  registerServiceInputSchema,
  setSectorsInputSchema,
  suppress,
  withdrawDeliveryInputSchema,
  type RecordDeliveryInput,
} from '#core/coverage.ts';
import { ConflictError, ValidationError } from '#core/errors.ts';
import type { Group } from '#core/groups.ts';
import { addMonths } from '#core/loans.ts';
import { allCommunesIn, findPlace } from '#core/places.ts';
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
  reachesIn,
  type Delivery,
} from '#store/coverage.ts';
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
): Promise<{ delivery: Delivery; groups: Group[] }> {
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
  return { delivery, groups };
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
      const where = place(args.placeCode);
      const since = addMonths(cambodiaDate(ctx.now()), -12);
      const reach = reachOf(await reachesIn(ctx.db, args.sector, where.code, since));
      const counts = [...(await communeRollups(ctx.db, reach.wholeCommunes)).values()];
      return { place: where, sector: args.sector, ...coverageFigures(reach, counts) };
    },
    coverageGaps: async (_p, args, ctx) => {
      authorize(ctx, { action: 'coverage.read' });
      const where = place(args.placeCode);
      const since = addMonths(cambodiaDate(ctx.now()), -12);
      const reached = new Set((await reachesIn(ctx.db, args.sector, where.code, since)).map((r) => r.communeCode));
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
        writes: deliveryWrites(ctx.db, planned.delivery, planned.groups),
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
            ...deliveryWrites(ctx.db, planned.delivery, planned.groups),
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
