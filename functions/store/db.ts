/**
 * The DynamoDB client and the few primitives every repository uses. Only functions/store
 * imports the AWS SDK; the rest of Krom sees repositories.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '#core/errors.ts';
import { INDEXES, KEY, type IndexName } from './table.ts';
import { say } from '#core/messages.ts';

export type Item = Record<string, unknown>;

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Db {
  /** The low-level client, for table administration (dev and tests). */
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  table: string;
}

export interface DbConfig {
  table: string;
  region?: string;
  /** DynamoDB Local's URL; unset in AWS. */
  endpoint?: string;
}

/**
 * Creates the document client once (module scope in the Lambda). Bigints marshal to DynamoDB
 * numbers; empty values are dropped rather than stored.
 */
export function createDb(config: DbConfig): Db {
  const clientConfig: DynamoDBClientConfig = { region: config.region ?? process.env.AWS_REGION ?? 'ap-southeast-1' };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // DynamoDB Local accepts any credentials; fixed ones keep local runs independent of ~/.aws.
    clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  const client = new DynamoDBClient(clientConfig);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { client, doc, table: config.table };
}

export async function getItem<T extends Item>(db: Db, key: { pk: string; sk: string }, consistent = false) {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: consistent }));
  return out.Item as T | undefined;
}

/** Reads many items by key in as few requests as DynamoDB allows (100 keys a request), in key order. */
export async function batchGet<T extends Item>(
  db: Db,
  keyList: { pk: string; sk: string }[],
  consistent = false,
): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keyList.slice(i, i + 100);
    // Unprocessed keys come back under load; retry them until none remain.
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const out: BatchGetCommandOutput = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.table]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      for (const item of out.Responses?.[db.table] ?? []) found.set(`${item.pk}|${item.sk}`, item as T);
      pending = out.UnprocessedKeys?.[db.table]?.Keys;
    }
  }
  return keyList.map((k) => found.get(`${k.pk}|${k.sk}`));
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null at the end. */
  cursor: string | null;
}

export interface QuerySpec {
  index?: IndexName;
  partition: string;
  /** Items whose sort key starts with this. */
  sortPrefix?: string;
  /** Items whose sort key lies between these, inclusive (a date range). */
  sortBetween?: [string, string];
  limit: number;
  cursor?: string | null;
  forward?: boolean;
  /** Strongly consistent read (base table only). */
  consistent?: boolean;
  /**
   * Only items whose attribute has this value. DynamoDB filters after it reads, so a page keeps
   * reading until it holds `limit` matches or the range ends; every item looked at costs a read.
   */
  only?: { attribute: string; value: string };
}

/**
 * One page of a key-condition query. The cursor is the last key read, encoded; a cursor from a
 * different partition is refused, so a client cannot steer a query into data it did not ask for.
 */
export async function queryPage<T extends Item>(db: Db, spec: QuerySpec): Promise<Page<T>> {
  const names = spec.index ? INDEXES[spec.index] : KEY;
  const input: QueryCommandInput = {
    TableName: db.table,
    IndexName: spec.index,
    ...keyCondition(names, spec),
    ScanIndexForward: spec.forward ?? true,
    ConsistentRead: spec.consistent,
  };
  if (spec.cursor)
    input.ExclusiveStartKey = decodeCursor(spec.cursor, names.partition, spec.partition, names.sort, (sk) =>
      sortKeyInRange(spec, sk),
    );
  if (spec.only) {
    input.FilterExpression = '#only = :only';
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#only': spec.only.attribute };
    input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':only': spec.only.value };
  }
  // One extra item tells whether another page exists, so hasNextPage is never a false promise.
  input.Limit = spec.limit + 1;
  const items: T[] = [];
  // A filtered read (or DynamoDB's 1 MB cap) can stop short with more to read: read on until the
  // page is full or the range ends.
  let start = input.ExclusiveStartKey;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as T[]));
    start = out.LastEvaluatedKey;
  } while (start && items.length <= spec.limit);
  if (items.length <= spec.limit) return { items, cursor: null };
  const page = items.slice(0, spec.limit);
  const last = page[page.length - 1]!;
  const keyNames = spec.index ? [KEY.partition, KEY.sort, names.partition, names.sort] : [KEY.partition, KEY.sort];
  return { items: page, cursor: encodeCursor(Object.fromEntries(keyNames.map((k) => [k, last[k]]))) };
}

/** Reads every item of a partition (small, bounded partitions only: a user's roles). */
export async function queryAll<T extends Item>(db: Db, spec: Omit<QuerySpec, 'limit' | 'cursor'>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await queryPage<T>(db, { ...spec, limit: 500, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function keyCondition(names: { partition: string; sort: string }, spec: QuerySpec) {
  const attributeNames = { '#p': names.partition, '#s': names.sort };
  if (spec.sortPrefix) {
    return {
      KeyConditionExpression: '#p = :p AND begins_with(#s, :s)',
      ExpressionAttributeNames: attributeNames,
      ExpressionAttributeValues: { ':p': spec.partition, ':s': spec.sortPrefix },
    };
  }
  if (spec.sortBetween) {
    return {
      KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi',
      ExpressionAttributeNames: attributeNames,
      ExpressionAttributeValues: { ':p': spec.partition, ':lo': spec.sortBetween[0], ':hi': spec.sortBetween[1] },
    };
  }
  return {
    KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': names.partition },
    ExpressionAttributeValues: { ':p': spec.partition },
  };
}

function sortKeyInRange(spec: QuerySpec, sk: string): boolean {
  if (spec.sortPrefix && !sk.startsWith(spec.sortPrefix)) return false;
  if (spec.sortBetween && (sk < spec.sortBetween[0] || sk > spec.sortBetween[1])) return false;
  return true;
}

function decodeCursor(
  cursor: string,
  partitionName: string,
  partition: string,
  sortName: string,
  sortOk: (sk: string) => boolean,
) {
  const bad = () => new ValidationError(say.badCursor, 'after');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof key !== 'object' || key === null) throw bad();
  const record = key as Record<string, unknown>;
  if (!Object.values(record).every((v) => typeof v === 'string')) throw bad();
  if (record[partitionName] !== partition) throw bad();
  const sort = record[sortName];
  if (typeof sort !== 'string' || !sortOk(sort)) throw bad();
  return record;
}

/** Waits a random, growing while before a retry after a lost race (full jitter, at most 200 ms). */
export function backoff(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));
}

export async function transactWrite(db: Db, items: TransactItem[]): Promise<void> {
  await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
}
