/**
 * Coverage kept per place and sector, so reading it never reads deliveries: each district's item
 * holds an entry per commune a sector reached, each province's item an entry per district (the sum
 * of that district's entries — communes partition groups, so sums never count a group twice).
 *
 * Reach items (written with each delivery) are the source; a commune's entry is recounted from
 * them by the stream aggregator whenever a reach of that commune is written or deleted, and by the
 * nightly job on the day a counted delivery turns 12 months old. A recount writes the district
 * and province items in one transaction guarded by each item's version, so two recounts in one
 * district never lose each other's change: the loser reads again and recounts. A recount that
 * finds nothing changed writes nothing, so replays of stream records are harmless.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  communeCoverage,
  sumCoverage,
  type CommuneCoverage,
  type CoverageSum,
  type Reach,
  type Sector,
} from '#core/coverage.ts';
import { addMonths } from '#core/loans.ts';
import { backoff, batchGet, getItem, queryAll, transactWrite, type Db, type TransactItem } from './db.ts';
import { communeRollups } from './coverage.ts';
import { keys, prefixes } from './keys.ts';
import { coverageItemRecord, reachRecord, readRecord, type CoverageItem } from './records.ts';

const EMPTY: CoverageItem = { version: 0, children: {} };

/** The coverage item of a district or province for a sector (empty when none was written). */
async function readCoverageItem(db: Db, placeCode: string, sector: Sector, consistent: boolean) {
  const item = await getItem(db, keys.coverage(placeCode, sector), consistent);
  return { exists: !!item, ...(item ? readRecord(coverageItemRecord, item) : EMPTY) };
}

/** Coverage items for each place × sector asked, in one batch per 100; a missing item reads as empty. */
export async function coverageItems(
  db: Db,
  placeCodes: readonly string[],
  sectors: readonly Sector[],
): Promise<(place: string, sector: Sector) => CoverageItem['children']> {
  const wanted = placeCodes.flatMap((p) => sectors.map((s) => ({ p, s })));
  const found = await batchGet(
    db,
    wanted.map(({ p, s }) => keys.coverage(p, s)),
  );
  const byKey = new Map(
    wanted.map(({ p, s }, i) => [
      `${p}|${s}`,
      found[i] ? readRecord(coverageItemRecord, found[i]).children : ({} as CoverageItem['children']),
    ]),
  );
  return (place, sector) => byKey.get(`${place}|${sector}`) ?? {};
}

/** A commune's reach items of a sector dated within the 12 months up to `today` (a bounded range of its partition). */
async function countedReaches(db: Db, sector: Sector, communeCode: string, today: string): Promise<Reach[]> {
  const items = await queryAll(db, {
    partition: prefixes.sectorReach(sector),
    sortBetween: [`${communeCode}#${addMonths(today, -12)}`, `${communeCode}#${today}#\uffff`],
    consistent: true,
  });
  return items.map((i) => readRecord(reachRecord, i));
}

/** Whether a recount changes nothing (no entry is kept where nothing counts). */
const same = (was: CommuneCoverage | undefined, now: CommuneCoverage) =>
  was === undefined
    ? now.changesOn === null
    : was.communesReached === now.communesReached &&
      was.groups === now.groups &&
      was.members === now.members &&
      was.changesOn === now.changesOn;

/** The entry map with `code`'s entry replaced, or removed when nothing counts there. */
function withEntry<T extends CoverageSum>(children: Record<string, T>, code: string, entry: T, counts: boolean) {
  const next = { ...children };
  if (counts) next[code] = entry;
  else delete next[code];
  return next;
}

/** Puts a coverage item back, guarded by the version it was read at. */
function putCoverageItem(
  db: Db,
  placeCode: string,
  sector: Sector,
  read: { exists: boolean; version: number },
  children: CoverageItem['children'],
): TransactItem {
  const changing = Object.values(children)
    .map((c) => c.changesOn)
    .filter((d): d is string => d !== null)
    .sort()[0];
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.coverage(placeCode, sector),
        ...(changing ? keys.coverageChanging(changing, placeCode, sector) : {}),
        entity: 'Coverage',
        placeCode,
        sector,
        version: read.version + 1,
        children,
      },
      ...(read.exists
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': read.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

const MAX_ATTEMPTS = 8;

/**
 * Recounts one commune's coverage of a sector on `today` from its reach items, and its district's
 * and province's with it. Answers whether anything changed; throws after repeated conflicts (the
 * caller retries later).
 */
export async function recountCommuneCoverage(
  db: Db,
  sector: Sector,
  communeCode: string,
  today: string,
): Promise<boolean> {
  const district = communeCode.slice(0, 4);
  const province = communeCode.slice(0, 2);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [districtItem, provinceItem, reaches] = await Promise.all([
      readCoverageItem(db, district, sector, true),
      readCoverageItem(db, province, sector, true),
      countedReaches(db, sector, communeCode, today),
    ]);
    // Only a commune reached before its groups were counted on the reach needs its rollup.
    const legacy = reaches.some((r) => r.groupId === null && r.groups === null);
    const rollup = legacy ? (await communeRollups(db, [communeCode])).get(communeCode)! : null;
    const now = communeCoverage(reaches, today, () => ({
      groups: Number(rollup?.groups ?? 0n),
      members: Number(rollup?.members ?? 0n),
    }));
    if (same(districtItem.children[communeCode], now)) return false;
    const communes = withEntry(districtItem.children, communeCode, now, now.changesOn !== null);
    const districtSum = sumCoverage(Object.values(communes));
    const districts = withEntry(
      provinceItem.children,
      district,
      { ...districtSum, changesOn: null },
      Object.keys(communes).length > 0,
    );
    try {
      await transactWrite(db, [
        putCoverageItem(db, district, sector, districtItem, communes),
        putCoverageItem(db, province, sector, provinceItem, districts),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      // Another recount in this district or province wrote first: read again and recount.
      await backoff(attempt);
    }
  }
  throw new Error(`coverage of ${sector} in ${communeCode} kept conflicting`);
}

/**
 * The nightly part: recounts every commune whose counts change with the calendar by `today` (a
 * delivery counted there turned 12 months old). Answers how many communes were recounted.
 */
export async function recountChangingCoverage(db: Db, today: string): Promise<number> {
  const items = await queryAll(db, {
    index: 'byParent',
    partition: prefixes.coverageChanging,
    sortBetween: ['0', `${today}#\uffff`],
  });
  let recounted = 0;
  for (const item of items) {
    const { children } = readRecord(coverageItemRecord, item);
    const sector = item.sector as Sector;
    for (const [commune, entry] of Object.entries(children))
      if (entry.changesOn !== null && entry.changesOn <= today) {
        await recountCommuneCoverage(db, sector, commune, today);
        recounted++;
      }
  }
  return recounted;
}

/**
 * Recounts every commune any sector's deliveries ever reached, or that coverage counts now: builds
 * the coverage items for a table written before they were kept, and puts right any the stream
 * missed. A maintenance task; reads every reach item.
 */
export async function recountAllCoverage(db: Db, sectors: readonly Sector[], today: string): Promise<number> {
  const pairs = new Set<string>();
  for (const sector of sectors)
    for (const item of await queryAll(db, { partition: prefixes.sectorReach(sector) }))
      pairs.add(`${sector}|${readRecord(reachRecord, item).communeCode}`);
  for (const item of await queryAll(db, { index: 'byParent', partition: prefixes.coverageChanging }))
    for (const commune of Object.keys(readRecord(coverageItemRecord, item).children))
      pairs.add(`${item.sector as string}|${commune}`);
  for (const pair of pairs) {
    const [sector, commune] = pair.split('|') as [Sector, string];
    await recountCommuneCoverage(db, sector, commune, today);
  }
  return pairs.size;
}
