/**
 * Access requests, grants and the read log. Grants are read from the base table with strongly
 * consistent reads when a bank reads, so a revocation holds from the very next request.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, AccessScope, DataRange, Grant, Transition } from '#core/access.ts';
import { ConflictError, RateLimitedError } from '#core/errors.ts';
import { getItem, queryAll, queryPage, type Db, type Item, type Page } from './db.ts';
import { accessRequestRecord, grantRecord, readLogRecord, readRecord } from './records.ts';
import { TTL_ATTRIBUTE } from './table.ts';
import type { GuardedWrite } from './idempotency.ts';
import { isId, keys, prefixes, tenantKey } from './keys.ts';
import { say } from '#core/messages.ts';

export interface ReadLogEntry {
  id: string;
  groupId: string;
  bankId: string;
  grantId: string;
  officerId: string;
  scopes: AccessScope[];
  dataRange: DataRange;
  at: string;
}

const request = (item: Item): AccessRequest => readRecord(accessRequestRecord, item);
const grant = (item: Item): Grant => readRecord(grantRecord, item);
const readLogEntry = (item: Item): ReadLogEntry => readRecord(readLogRecord, item);

export async function getAccessRequest(db: Db, groupId: string, id: string): Promise<AccessRequest | undefined> {
  if (!isId(groupId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.accessRequest(groupId, id), true);
  return item ? request(item) : undefined;
}

export async function getGrant(db: Db, groupId: string, id: string): Promise<Grant | undefined> {
  if (!isId(groupId) || !isId(id)) return undefined;
  const item = await getItem(db, keys.grant(groupId, id), true);
  return item ? grant(item) : undefined;
}

export async function listGroupRequests(db: Db, groupId: string): Promise<AccessRequest[]> {
  return (
    await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.accessRequests, consistent: true })
  ).map(request);
}

/** Every grant a group ever made, strongly consistent: the enforcement point reads this. */
export async function listGroupGrants(db: Db, groupId: string): Promise<Grant[]> {
  return (await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.grants, consistent: true })).map(
    grant,
  );
}

export async function listBankRequests(db: Db, bankId: string): Promise<AccessRequest[]> {
  return (
    await queryAll(db, { index: 'byParent', partition: tenantKey('BANK', bankId), sortPrefix: prefixes.accessRequests })
  ).map(request);
}

export async function listBankGrants(db: Db, bankId: string): Promise<Grant[]> {
  return (
    await queryAll(db, { index: 'byParent', partition: tenantKey('BANK', bankId), sortPrefix: prefixes.grants })
  ).map(grant);
}

export async function listGroupReadLog(
  db: Db,
  groupId: string,
  limit: number,
  cursor: string | null,
): Promise<Page<ReadLogEntry>> {
  const page = await queryPage(db, {
    partition: keys.group(groupId).pk,
    sortPrefix: prefixes.readLog,
    limit,
    cursor,
    forward: false,
    consistent: true,
  });
  return { items: page.items.map(readLogEntry), cursor: page.cursor };
}

export async function listBankReadLog(
  db: Db,
  bankId: string,
  limit: number,
  cursor: string | null,
): Promise<Page<ReadLogEntry>> {
  const page = await queryPage(db, {
    index: 'byParent',
    partition: tenantKey('BANK', bankId),
    sortPrefix: prefixes.readLog,
    limit,
    cursor,
    forward: false,
  });
  return { items: page.items.map(readLogEntry), cursor: page.cursor };
}

export function putRequestWrite(db: Db, r: AccessRequest): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.accessRequest(r.groupId, r.id),
          ...keys.accessRequestOfBank(r.bankId, r.createdAt, r.id),
          entity: 'AccessRequest',
          ...r,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export function putGrantWrite(db: Db, g: Grant): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.grant(g.groupId, g.id), ...keys.grantOfBank(g.bankId, g.groupId, g.id), entity: 'Grant', ...g },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** Moves a request or grant from `expected` to `transition.to`, appending the transition, only if still in `expected`. */
/** Moves any record with a `state`-like status and a history (requests, grants, bank loans). */
export function transitionWrite(
  db: Db,
  key: { pk: string; sk: string },
  expected: string,
  transition: Transition,
  extra: Record<string, unknown> = {},
  stateAttribute = 'state',
): GuardedWrite {
  const names: Record<string, string> = { '#s': stateAttribute, '#h': 'history' };
  const values: Record<string, unknown> = { ':to': transition.to, ':expected': expected, ':t': [transition] };
  const sets = ['#s = :to', '#h = list_append(#h, :t)'];
  Object.entries(extra).forEach(([k, v], i) => {
    names[`#x${i}`] = k;
    values[`:x${i}`] = v;
    sets.push(`#x${i} = :x${i}`);
  });
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#s = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: () => new ConflictError(say.changedMeanwhile(expected)),
  };
}

/**
 * Records a bank's read, before any of the data is read, so no read goes unlogged. First it counts
 * the read against the officer's reads of the group that day: past `dailyCap` the read is refused
 * and nothing is logged. Two plain writes, not a transaction: two reads at once by one officer
 * (a page asking for two panels) then queue on the counter instead of cancelling each other, and a
 * log write that fails after the count costs her one read of her day, never an unlogged read.
 */
export async function logRead(
  db: Db,
  entry: Omit<ReadLogEntry, 'id'>,
  day: string,
  dailyCap: number,
): Promise<ReadLogEntry> {
  const logged = { ...entry, id: randomUUID() };
  // The counter outlives its day by one more, for the day boundary's clock skew; TTL removes it.
  const expires = Math.floor(Date.parse(`${day}T00:00:00+07:00`) / 1000) + 2 * 86_400;
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.readCount(entry.groupId, day, entry.officerId),
        UpdateExpression: 'ADD #n :one SET #e = :expires, entity = :entity',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
        ExpressionAttributeNames: { '#n': 'reads', '#e': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':cap': dailyCap, ':expires': expires, ':entity': 'ReadCount' },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new RateLimitedError(say.readCap(dailyCap), 'groupId');
    throw error;
  }
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.readLog(entry.groupId, entry.at, logged.id),
        ...keys.readLogOfBank(entry.bankId, entry.at, logged.id),
        entity: 'ReadLog',
        ...logged,
      },
    }),
  );
  return logged;
}
