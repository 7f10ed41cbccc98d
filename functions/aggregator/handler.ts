/**
 * The stream aggregator: turns a batch of DynamoDB stream records into rollup changes. Records of
 * a group's own item or its books name a group to recount; everything else (rollups themselves,
 * idempotency records, journals) is ignored. Groups that could not be counted are reported back
 * so Lambda retries just their records (partial batch response).
 */
import type { Db } from '#store/db.ts';
import { applyRollups } from '#store/rollups.ts';

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

const COUNTED_ITEMS = new Set(['GROUP', 'BOOKS']);

/** The group a record is about, if its change can move a rollup. */
export function groupOf(record: StreamRecordLike): string | undefined {
  const pk = record.dynamodb?.Keys?.pk?.S;
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (!pk?.startsWith('GROUP#') || !sk || !COUNTED_ITEMS.has(sk)) return undefined;
  return pk.slice('GROUP#'.length);
}

export async function handleStreamBatch(db: Db, records: StreamRecordLike[], asOf: string): Promise<BatchResponse> {
  const groups = [...new Set(records.map(groupOf).filter((g): g is string => !!g))];
  if (!groups.length) return { batchItemFailures: [] };
  let failed: Set<string>;
  try {
    failed = new Set(await applyRollups(db, groups, asOf));
  } catch {
    failed = new Set(groups);
  }
  return {
    batchItemFailures: records
      .filter((r) => {
        const g = groupOf(r);
        return g !== undefined && failed.has(g);
      })
      .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? r.eventID ?? '' })),
  };
}
