/**
 * The stream aggregator: turns a batch of DynamoDB stream records into rollup changes. Records of
 * a group's own item or its books name a group to recount; a federation's own item (created, or
 * moved under another parent) names every group below it, since their chains of rollups changed;
 * a delivery's reach item names a commune whose coverage of the sector to recount; everything
 * else (rollups themselves, idempotency records, journals) is ignored. Groups and communes that
 * could not be counted are reported back so Lambda retries just their records (partial batch
 * response).
 */
import type { Db } from '#store/db.ts';
import { applyRollups } from '#store/rollups.ts';
import { parseKey } from '#store/keys.ts';
import { groupsBelow } from '#store/groups.ts';
import { recountCommuneCoverage } from '#store/coverage-counts.ts';
import type { Sector } from '#core/coverage.ts';
import { logger } from './log.ts';

/** The part of a stream record (Lambda's event, or DynamoDB Streams' GetRecords) that matters here. */
export interface StreamRecordLike {
  eventID?: string;
  dynamodb?: {
    Keys?: Record<string, { S?: string }>;
    SequenceNumber?: string;
  };
}

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** The group a record is about, if its change can move a rollup (the group's own item or its books). */
export function groupOf(record: StreamRecordLike): string | undefined {
  const key = parseKey(record.dynamodb?.Keys?.pk?.S, record.dynamodb?.Keys?.sk?.S);
  return key.item === 'group' || key.item === 'books' ? key.groupId : undefined;
}

/** The federation a record is about, if it is a federation's own item. */
export function federationOf(record: StreamRecordLike): string | undefined {
  const key = parseKey(record.dynamodb?.Keys?.pk?.S, record.dynamodb?.Keys?.sk?.S);
  return key.item === 'federation' ? key.federationId : undefined;
}

/** The sector and commune whose coverage a record moves, if it is a delivery's reach item. */
export function coverageTouchedBy(record: StreamRecordLike): { sector: Sector; communeCode: string } | undefined {
  const key = parseKey(record.dynamodb?.Keys?.pk?.S, record.dynamodb?.Keys?.sk?.S);
  return key.item === 'reach' ? { sector: key.sector as Sector, communeCode: key.communeCode } : undefined;
}

/** Recounts the coverage of each commune and sector the records reached, once each; answers the records that failed. */
async function recountCoverage(db: Db, records: StreamRecordLike[], asOf: string): Promise<StreamRecordLike[]> {
  const byCommune = new Map<string, StreamRecordLike[]>();
  for (const record of records) {
    const reach = coverageTouchedBy(record);
    if (!reach) continue;
    const key = `${reach.sector}|${reach.communeCode}`;
    byCommune.set(key, [...(byCommune.get(key) ?? []), record]);
  }
  const failed: StreamRecordLike[] = [];
  for (const [key, its] of byCommune) {
    const [sector, communeCode] = key.split('|') as [Sector, string];
    try {
      await recountCommuneCoverage(db, sector, communeCode, asOf);
    } catch (error) {
      logger.error('coverage of a commune could not be recounted; its records will be retried', {
        sector,
        communeCode,
        error: error as Error,
      });
      failed.push(...its);
    }
  }
  return failed;
}

export async function handleStreamBatch(db: Db, records: StreamRecordLike[], asOf: string): Promise<BatchResponse> {
  const failedRecords = new Set<StreamRecordLike>(await recountCoverage(db, records, asOf));
  const byGroup = new Map<string, StreamRecordLike[]>();
  const note = (groupId: string, record: StreamRecordLike) =>
    byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), record]);
  for (const record of records) {
    const groupId = groupOf(record);
    if (groupId) note(groupId, record);
    const federationId = federationOf(record);
    if (!federationId) continue;
    try {
      for (const g of await groupsBelow(db, federationId)) note(g, record);
    } catch (error) {
      logger.error('could not list the groups below a changed federation; its record will be retried', {
        federationId,
        sequenceNumber: sequenceOf(record),
        error: error as Error,
      });
      failedRecords.add(record);
    }
  }
  if (byGroup.size) {
    let failed: Set<string>;
    try {
      failed = new Set(await applyRollups(db, [...byGroup.keys()], asOf));
      if (failed.size)
        logger.error('rollups of some groups kept conflicting; their records will be retried', {
          groupIds: [...failed],
        });
    } catch (error) {
      logger.error('rollups could not be applied; the batch’s records will be retried', {
        groupIds: [...byGroup.keys()],
        error: error as Error,
      });
      failed = new Set(byGroup.keys());
    }
    for (const g of failed) for (const r of byGroup.get(g)!) failedRecords.add(r);
  }
  return {
    batchItemFailures: records.filter((r) => failedRecords.has(r)).map((r) => ({ itemIdentifier: sequenceOf(r) })),
  };
}

const sequenceOf = (r: StreamRecordLike) => r.dynamodb?.SequenceNumber ?? r.eventID ?? '';
