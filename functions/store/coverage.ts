/** NGOs' services and deliveries, and the commune rollups coverage is counted from. */
import type { Sector } from '#core/coverage.ts';
import type { Figures } from '#core/rollups.ts';
import { ROLLUP_FIGURES, rollupTarget, zeroFigures } from '#core/rollups.ts';
import { batchGet, getItem, queryAll, queryPage, type Db, type Page } from './db.ts';
import { deliveryRecord, ngoSectorsRecord, readRecord, serviceRecord } from './records.ts';
import type { GuardedWrite } from './idempotency.ts';
import { ConflictError } from '#core/errors.ts';
import { say } from '#core/messages.ts';
import { isId, keys, prefixes, tenantKey } from './keys.ts';

export interface Service {
  id: string;
  ngoId: string;
  name: string;
  sector: Sector;
}

/** RECORDED until the NGO corrects it (a new delivery replaces it) or withdraws it. */
export type DeliveryStatus = 'RECORDED' | 'CORRECTED' | 'WITHDRAWN';

/** How a delivery stopped counting: who, when, why, and the delivery that replaced it (corrections). */
export interface DeliveryEnding {
  by: string;
  at: string;
  reason: string;
  replacedBy: string | null;
}

export interface Delivery {
  id: string;
  ngoId: string;
  serviceId: string;
  sector: Sector;
  date: string;
  /** The commune delivered to, or each group's commune. */
  communeCodes: string[];
  /** Empty for a delivery to a whole commune. */
  groupIds: string[];
  participants: number;
  women: number;
  /** Absent on deliveries recorded before corrections existed: they read as RECORDED. */
  status?: DeliveryStatus;
  /** The delivery this one corrects, if it is a correction. */
  corrects?: string | null;
  ending?: DeliveryEnding | null;
}

/** A group as a delivery records it: where it meets and how many members it had then. */
export interface GroupReached {
  id: string;
  placeCode: string;
  memberCount: number;
}

export async function getService(db: Db, ngoId: string, id: string): Promise<Service | undefined> {
  if (!isId(ngoId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.service(ngoId, id));
  return item ? readRecord(serviceRecord, item) : undefined;
}

export async function listServices(db: Db, ngoId: string): Promise<Service[]> {
  const items = await queryAll(db, { partition: tenantKey('NGO', ngoId), sortPrefix: prefixes.services });
  return items.map((i) => readRecord(serviceRecord, i));
}

export function putServiceWrite(db: Db, s: Service): GuardedWrite {
  return { write: { Put: { TableName: db.table, Item: { ...keys.service(s.ngoId, s.id), entity: 'Service', ...s } } } };
}

/**
 * A delivery: its record in the NGO's partition, and a reach item per commune (or per group) in
 * the sector's partition, which coverage is counted from. A delivery names at most 25 groups, so
 * the whole write is one transaction. A delivery to a whole commune records how many groups and
 * members it had then (`commune`, from its rollup), as a delivery to groups records each group's
 * members.
 */
export function deliveryWrites(
  db: Db,
  d: Delivery,
  groups: readonly GroupReached[],
  commune: { groups: number; members: number },
): GuardedWrite[] {
  const put = (Item: Record<string, unknown>): GuardedWrite => ({
    write: { Put: { TableName: db.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
  });
  const reaches: Record<string, unknown>[] = groups.length
    ? groups.map((g) => {
        const communeCode = g.placeCode.slice(0, 6);
        return {
          ...keys.deliveryReach(d.sector, communeCode, d.date, d.id, g.id),
          entity: 'DeliveryReach',
          communeCode,
          date: d.date,
          groupId: g.id,
          members: g.memberCount,
        };
      })
    : d.communeCodes.map((c) => ({
        ...keys.deliveryReach(d.sector, c, d.date, d.id, null),
        entity: 'DeliveryReach',
        communeCode: c,
        date: d.date,
        groupId: null,
        groups: commune.groups,
        members: commune.members,
      }));
  return [put({ ...keys.delivery(d.ngoId, d.date, d.id), entity: 'Delivery', ...d }), ...reaches.map(put)];
}

export async function getDelivery(db: Db, ngoId: string, date: string, id: string): Promise<Delivery | undefined> {
  if (!isId(ngoId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.delivery(ngoId, date, id), true);
  return item ? readRecord(deliveryRecord, item) : undefined;
}

/** The reach items a delivery wrote: per commune it names, the range of its date and id. */
async function reachKeysOf(db: Db, d: Delivery): Promise<{ pk: string; sk: string }[]> {
  const found = await Promise.all(
    d.communeCodes.map((c) =>
      queryAll(db, {
        partition: prefixes.sectorReach(d.sector),
        sortPrefix: prefixes.reachOfDelivery(c, d.date, d.id),
        consistent: true,
      }),
    ),
  );
  return found.flat().map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
}

/**
 * A delivery stops counting: it is marked CORRECTED or WITHDRAWN (with who, when and why) only if
 * it still counts, and every place it reached is taken out of coverage in the same transaction.
 */
export async function deliveryEndWrites(
  db: Db,
  d: Delivery,
  status: Exclude<DeliveryStatus, 'RECORDED'>,
  ending: DeliveryEnding,
): Promise<GuardedWrite[]> {
  const reaches = await reachKeysOf(db, d);
  return [
    {
      write: {
        Update: {
          TableName: db.table,
          Key: keys.delivery(d.ngoId, d.date, d.id),
          UpdateExpression: 'SET #s = :s, ending = :ending',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#s) OR #s = :recorded)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': status, ':ending': ending, ':recorded': 'RECORDED' },
        },
      },
      onConditionFailed: () => new ConflictError(say.deliveryEnded, 'input.deliveryId'),
    },
    ...reaches.map((Key): GuardedWrite => ({ write: { Delete: { TableName: db.table, Key } } })),
  ];
}

/** An NGO's deliveries, newest first. */
export async function listDeliveries(
  db: Db,
  ngoId: string,
  limit: number,
  cursor?: string | null,
): Promise<Page<Delivery>> {
  const page = await queryPage(db, {
    partition: tenantKey('NGO', ngoId),
    sortPrefix: prefixes.deliveries,
    limit,
    cursor,
    forward: false,
  });
  return { items: page.items.map((i) => readRecord(deliveryRecord, i)), cursor: page.cursor };
}

export function ngoSectorsWrite(db: Db, ngoId: string, sectors: Sector[]): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.organisation('NGO', ngoId),
        UpdateExpression: 'SET sectors = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': sectors },
      },
    },
  };
}

export async function getNgoSectors(db: Db, ngoId: string): Promise<Sector[]> {
  const item = await getItem(db, keys.organisation('NGO', ngoId));
  return item ? readRecord(ngoSectorsRecord, item).sectors : [];
}

/** Commune rollups (groups and members counted by the aggregator), in one batch per 100. */
export async function communeRollups(db: Db, communes: string[]): Promise<Map<string, Figures>> {
  const found = await batchGet(
    db,
    communes.map((c) => keys.rollup(rollupTarget.place(c))),
  );
  return new Map(
    communes.map((c, i) => {
      const f = zeroFigures();
      for (const k of ROLLUP_FIGURES) f[k] = BigInt((found[i]?.[k] as number | undefined) ?? 0);
      return [c, f];
    }),
  );
}
