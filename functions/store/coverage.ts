/** NGOs' services and deliveries, and the commune rollups coverage is counted from. */
import type { Sector } from '#core/coverage.ts';
import type { Figures } from '#core/rollups.ts';
import { ROLLUP_FIGURES, zeroFigures } from '#core/rollups.ts';
import { batchGet, queryAll, type Db } from './db.ts';
import type { GuardedWrite } from './idempotency.ts';
import { isId, keys, prefixes, tenantKey } from './keys.ts';
import { getItem } from './db.ts';

export interface Service {
  id: string;
  ngoId: string;
  name: string;
  sector: Sector;
}

export interface Delivery {
  id: string;
  ngoId: string;
  serviceId: string;
  sector: Sector;
  date: string;
  communeCode: string;
  participants: number;
  women: number;
}

export async function getService(db: Db, ngoId: string, id: string): Promise<Service | undefined> {
  if (!isId(ngoId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.service(ngoId, id));
  return item ? ({ id: item.id, ngoId: item.ngoId, name: item.name, sector: item.sector } as Service) : undefined;
}

export async function listServices(db: Db, ngoId: string): Promise<Service[]> {
  const items = await queryAll(db, { partition: tenantKey('NGO', ngoId), sortPrefix: prefixes.services });
  return items.map((i) => ({ id: i.id, ngoId: i.ngoId, name: i.name, sector: i.sector }) as Service);
}

export function putServiceWrite(db: Db, s: Service): GuardedWrite {
  return { write: { Put: { TableName: db.table, Item: { ...keys.service(s.ngoId, s.id), entity: 'Service', ...s } } } };
}

export function putDeliveryWrite(db: Db, d: Delivery): GuardedWrite {
  return {
    write: { Put: { TableName: db.table, Item: { ...keys.delivery(d.sector, d.communeCode, d.date, d.id), ...keys.deliveryOfNgo(d.ngoId, d.date, d.id), entity: 'Delivery', ...d } } },
  };
}

export function ngoSectorsWrite(db: Db, ngoId: string, sectors: Sector[]): GuardedWrite {
  return {
    write: {
      Update: { TableName: db.table, Key: keys.organisation('NGO', ngoId), UpdateExpression: 'SET sectors = :s', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':s': sectors } },
    },
  };
}

export async function getNgoSectors(db: Db, ngoId: string): Promise<Sector[]> {
  return ((await getItem(db, keys.organisation('NGO', ngoId)))?.sectors as Sector[] | undefined) ?? [];
}

/** Deliveries of a sector in a place (any level) dated from `since` on. */
export async function deliveriesIn(db: Db, sector: Sector, placeCode: string, since: string): Promise<Delivery[]> {
  const items = await queryAll(db, { partition: `${prefixes.deliveries}${sector}`, sortPrefix: placeCode });
  return (items as unknown as Delivery[]).filter((d) => d.date >= since);
}

/** Commune rollups (groups and members counted by the aggregator), in one batch per 100. */
export async function communeRollups(db: Db, communes: string[]): Promise<Map<string, Figures>> {
  const found = await batchGet(db, communes.map((c) => keys.rollup(`PLACE#${c}`)));
  return new Map(
    communes.map((c, i) => {
      const f = zeroFigures();
      for (const k of ROLLUP_FIGURES) f[k] = BigInt((found[i]?.[k] as number | undefined) ?? 0);
      return [c, f];
    }),
  );
}
