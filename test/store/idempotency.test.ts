/** Integration tier (DynamoDB Local): writeOnce commits once, replays the answer, refuses reuse. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#core/errors.ts';
import { decodeJson, encodeJson, hashRequest, writeOnce } from '#store/idempotency.ts';
import { getItem, type Db } from '#store/db.ts';
import { integrationEnv } from '../helpers/integration.ts';

let db: Db;
beforeAll(async () => {
  db = (await integrationEnv()).db;
});

const now = new Date('2026-11-22T03:00:00Z');
const put = (pk: string, extra: Record<string, unknown> = {}) => ({
  write: {
    Put: { TableName: db.table, Item: { pk, sk: 'X', ...extra }, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  onConditionFailed: () => new ConflictError({ en: 'exists', km: 'មានរួចហើយ' }),
});
const count = async (prefix: string) =>
  ((await db.doc.send(new ScanCommand({ TableName: db.table }))).Items ?? []).filter((i) =>
    String(i.pk).startsWith(prefix),
  ).length;

describe('writeOnce', () => {
  it('writes the items and the record in one transaction, and a replay returns the first answer without writing', async () => {
    let planned = 0;
    const run = (id: string) =>
      writeOnce(db, { actor: 'u1', key: 'key-00001', operation: 'op', request: { a: 1 }, now }, async () => {
        planned++;
        return { writes: [put(`T1#${id}`)], result: { id, amount: 12_000_000_000n } };
      });
    const first = await run('first');
    const second = await run('second');
    expect(second).toEqual(first);
    expect(first.amount).toBe(12_000_000_000n);
    expect(planned).toBe(1);
    expect(await count('T1#')).toBe(1);
    const record = await getItem(db, { pk: 'IDEM#u1#key-00001', sk: 'IDEM' });
    expect(record?.expiresAt).toBeGreaterThan(now.getTime() / 1000);
  });

  it('the same key for a different request, or another operation, is refused', async () => {
    const req = (operation: string, request: unknown) =>
      writeOnce(db, { actor: 'u1', key: 'key-00002', operation, request, now }, async () => ({
        writes: [put(`T2#${Math.random()}`)],
        result: 1,
      }));
    await req('op', { a: 1 });
    await expect(req('op', { a: 2 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(req('other', { a: 1 })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('T2#')).toBe(1);
  });

  it('keys of different people never collide', async () => {
    for (const actor of ['u1', 'u2']) {
      await writeOnce(db, { actor, key: 'key-00003', operation: 'op', request: {}, now }, async () => ({
        writes: [put(`T3#${actor}`)],
        result: actor,
      }));
    }
    expect(await count('T3#')).toBe(2);
  });

  it('a guard with a meaning raises its domain error, writes nothing, and leaves the key free for a corrected retry', async () => {
    await writeOnce(db, { actor: 'u1', key: 'key-00004a', operation: 'op', request: {}, now }, async () => ({
      writes: [put('T4#taken')],
      result: 0,
    }));
    const attempt = (pk: string) =>
      writeOnce(db, { actor: 'u1', key: 'key-00004b', operation: 'op', request: {}, now }, async () => ({
        writes: [put(`T4#new`), put(pk)],
        result: pk,
      }));
    await expect(attempt('T4#taken')).rejects.toBeInstanceOf(ConflictError);
    expect(await count('T4#')).toBe(1);
    expect(await getItem(db, { pk: 'IDEM#u1#key-00004b', sk: 'IDEM' })).toBeUndefined();
    await expect(attempt('T4#free')).resolves.toBe('T4#free');
    expect(await count('T4#')).toBe(3);
  });

  it('a plain guard that fails means a race: the plan runs again on fresh reads', async () => {
    let attempts = 0;
    const result = await writeOnce(
      db,
      { actor: 'u1', key: 'key-00005', operation: 'op', request: {}, now },
      async () => {
        attempts++;
        const guard = {
          write: {
            ConditionCheck: {
              TableName: db.table,
              Key: { pk: 'T5#flag', sk: 'X' },
              ConditionExpression: attempts === 1 ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
            },
          },
        };
        return { writes: [guard, put(`T5#${attempts}`)], result: attempts };
      },
    );
    expect(result).toBe(2);
    expect(await count('T5#')).toBe(1);
  });
});

describe('request hashing and JSON', () => {
  it('ignores key order and undefined, and tells bigints from numbers', () => {
    expect(hashRequest('op', { a: 1, b: { c: 2, d: undefined } })).toBe(hashRequest('op', { b: { c: 2 }, a: 1 }));
    expect(hashRequest('op', { a: 1n })).not.toBe(hashRequest('op', { a: 1 }));
    expect(hashRequest('op', { a: 1 })).not.toBe(hashRequest('op2', { a: 1 }));
  });
  it('keeps bigints exact through JSON', () => {
    const value = { total: 123456789012345678901234n, list: [1n, 2], name: 'ក' };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });
});
