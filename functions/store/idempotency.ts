/**
 * Every mutation is idempotent. Field workers sync from villages with poor connectivity, so a
 * retried request must not count twice: the first run writes its items and an idempotency record
 * (request hash + answer) in ONE transaction; a replay with the same key finds the record and gets
 * the stored answer without writing; the same key with a different request is refused.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ContentionError, DomainError, IdempotencyKeyReusedError, RememberedRejection } from '#core/errors.ts';
import { backoff, getItem, transactWrite, type Db, type TransactItem } from './db.ts';
import { keys } from './keys.ts';
import { TTL_ATTRIBUTE } from './table.ts';

/** Long enough for a device that syncs after months offline to replay safely. */
const RETENTION_SECONDS = 400 * 24 * 3600;
/** Enough for dozens of concurrent writers on one group's books to all get through. */
const MAX_ATTEMPTS = 40;

/** One write of a transaction, with the domain error to raise if its condition fails. */
export interface GuardedWrite {
  write: TransactItem;
  onConditionFailed?: () => DomainError;
}

export interface WritePlan<R> {
  writes: GuardedWrite[];
  result: R;
  /** Runs once, when these writes commit — never on a replay (metrics count changes, not requests). */
  afterCommit?: () => void;
}

export interface IdempotentRequest {
  /** Whose key space: the verified subject. Keys of different users never collide. */
  actor: string;
  key: string;
  /** Which mutation: the same key sent to two different mutations is a reuse, not a replay. */
  operation: string;
  /** The request as the client meant it (without the key); hashed to recognise a replay. */
  request: unknown;
  now: Date;
  /**
   * Remember rejections (rule breaks, not races) under the key, so a replay is refused the same
   * way even after later writes would have let it through. Used where requests are replayed
   * from offline batches, whose answers must not change.
   */
  rememberRejections?: boolean;
}

interface IdempotencyRecord {
  requestHash: string;
  result?: string;
  rejection?: { code: DomainError['code']; message: string; messageKm: string; field?: string };
}

/** Rejections worth remembering: the request itself is at fault, not the moment. */
const REMEMBERED: DomainError['code'][] = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];

/**
 * Runs `plan` (reads and rules, no writes) and commits its writes together with the idempotency
 * record, all or nothing. A replay returns the first answer. A transaction that loses a race with
 * another writer is planned again from fresh reads.
 */
export async function writeOnce<R>(db: Db, req: IdempotentRequest, plan: () => Promise<WritePlan<R>>): Promise<R> {
  const key = keys.idempotency(req.actor, req.key);
  const requestHash = hashRequest(req.operation, req.request);
  for (let attempt = 1; ; attempt++) {
    const previous = await getItem<IdempotencyRecord & Record<string, unknown>>(db, key, true);
    if (previous) return replay<R>(previous, requestHash);

    let planned: WritePlan<R>;
    try {
      planned = await plan();
    } catch (error) {
      if (req.rememberRejections && error instanceof DomainError && REMEMBERED.includes(error.code)) {
        await remember(db, key, requestHash, error, req.now);
      }
      throw error;
    }
    const { writes, result } = planned;
    const record = {
      ...key,
      requestHash,
      result: encodeJson(result),
      [TTL_ATTRIBUTE]: Math.floor(req.now.getTime() / 1000) + RETENTION_SECONDS,
    };
    const items: TransactItem[] = [
      ...writes.map((w) => w.write),
      { Put: { TableName: db.table, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    ];
    try {
      await transactWrite(db, items);
      planned.afterCommit?.();
      return result;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const codes = reasons.map((r) => r.Code ?? 'None');
      // The record's own condition failed: a concurrent twin committed first; answer as a replay.
      if (codes[items.length - 1] === 'ConditionalCheckFailed') {
        const winner = await getItem<IdempotencyRecord & Record<string, unknown>>(db, key, true);
        if (winner) return replay<R>(winner, requestHash);
      }
      // A guard with a domain meaning (a duplicate, an overdraft) is final; a plain guard means
      // another writer changed what the plan read, so the plan runs again on fresh reads.
      const failed = codes.findIndex((c, i) => c === 'ConditionalCheckFailed' && i < writes.length);
      const meaning = failed >= 0 ? writes[failed]!.onConditionFailed : undefined;
      if (meaning) {
        const rejection = meaning();
        if (req.rememberRejections && REMEMBERED.includes(rejection.code))
          await remember(db, key, requestHash, rejection, req.now);
        throw rejection;
      }
      const raced = failed >= 0 || codes.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError');
      if (raced && attempt < MAX_ATTEMPTS) {
        await backoff(attempt);
        continue;
      }
      if (raced) throw new ContentionError();
      throw error;
    }
  }
}

function replay<R>(record: IdempotencyRecord, requestHash: string): R {
  if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
  if (record.rejection) {
    const r = record.rejection;
    throw new RememberedRejection(r.code, { en: r.message, km: r.messageKm }, r.field);
  }
  return decodeJson(record.result!) as R;
}

async function remember(
  db: Db,
  key: { pk: string; sk: string },
  requestHash: string,
  error: DomainError,
  now: Date,
): Promise<void> {
  const rejection = {
    code: error.code,
    message: error.message,
    messageKm: error.messageKm,
    ...(error.field ? { field: error.field } : {}),
  };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...key, requestHash, rejection, [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (e) {
    // A concurrent twin already recorded its answer; that one stands.
    if (!(e instanceof ConditionalCheckFailedException)) throw e;
  }
}

/** Stable hash of a request: object keys sorted, bigints as decimal strings. */
export function hashRequest(operation: string, request: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(request)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(`${value}n`);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** JSON that keeps bigints (money) exact through a round trip. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && typeof v.$bigint === 'string' && Object.keys(v).length === 1 ? BigInt(v.$bigint) : v,
  );
}
