/**
 * Integration tier: the write recorder the sweeps rely on sees every kind of write Krom makes
 * (document and low-level client, single items, transactions, batches), and nothing refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BatchWriteCommand,
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { recordWrites, type WriteRecorder } from '../helpers/writes.ts';

let env: IntegrationEnv;
let writes: WriteRecorder;
beforeAll(async () => {
  env = await integrationEnv();
  writes = recordWrites(env.db.client);
});

const item = (pk: string) => ({ pk, sk: 'S', v: 1 });
const send = (command: any) => env.db.doc.send(command);

describe('the write recorder', () => {
  it.each([
    ['Put', () => send(new PutCommand({ TableName: env.table, Item: item('A#1') })), ['A#1|S']],
    [
      'Update',
      () =>
        send(
          new UpdateCommand({
            TableName: env.table,
            Key: { pk: 'A#1', sk: 'S' },
            UpdateExpression: 'SET v = :v',
            ExpressionAttributeValues: { ':v': 2 },
          }),
        ),
      ['A#1|S'],
    ],
    ['Delete', () => send(new DeleteCommand({ TableName: env.table, Key: { pk: 'A#1', sk: 'S' } })), ['A#1|S']],
    [
      'a transaction of Put, Update, Delete and ConditionCheck',
      () =>
        send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: env.table, Item: item('T#1') } },
              { Put: { TableName: env.table, Item: item('T#2') } },
              { Delete: { TableName: env.table, Key: { pk: 'T#3', sk: 'S' } } },
              {
                Update: {
                  TableName: env.table,
                  Key: { pk: 'T#4', sk: 'S' },
                  UpdateExpression: 'SET v = :v',
                  ExpressionAttributeValues: { ':v': 1 },
                },
              },
              {
                ConditionCheck: {
                  TableName: env.table,
                  Key: { pk: 'T#5', sk: 'S' },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        ),
      ['T#1|S', 'T#2|S', 'T#3|S', 'T#4|S'],
    ],
    [
      'a batch',
      () =>
        send(
          new BatchWriteCommand({
            RequestItems: {
              [env.table]: [{ PutRequest: { Item: item('B#1') } }, { DeleteRequest: { Key: { pk: 'B#2', sk: 'S' } } }],
            },
          }),
        ),
      ['B#1|S', 'B#2|S'],
    ],
    [
      'a low-level PutItem',
      () =>
        env.db.client.send(new PutItemCommand({ TableName: env.table, Item: { pk: { S: 'L#1' }, sk: { S: 'S' } } })),
      ['L#1|S'],
    ],
    [
      'a low-level transaction',
      () =>
        env.db.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [{ Put: { TableName: env.table, Item: { pk: { S: 'L#2' }, sk: { S: 'S' } } } }],
          }),
        ),
      ['L#2|S'],
    ],
  ])('sees %s', async (_label, write, expected) => {
    writes.take();
    await write();
    expect(writes.written()).toEqual(expected);
    expect(writes.calls()).toHaveLength(1);
  });

  it('records nothing a refused write did not change: a failed condition, a cancelled transaction', async () => {
    await send(new PutCommand({ TableName: env.table, Item: item('R#1') }));
    writes.take();
    await expect(
      send(
        new PutCommand({ TableName: env.table, Item: item('R#1'), ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    ).rejects.toThrow();
    await expect(
      send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: env.table, Item: item('R#2') } },
            {
              ConditionCheck: {
                TableName: env.table,
                Key: { pk: 'R#1', sk: 'S' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      ),
    ).rejects.toThrow();
    expect(writes.calls()).toEqual([]);
  });

  it('tells idempotency records from the domain', async () => {
    writes.take();
    await send(new PutCommand({ TableName: env.table, Item: item('IDEM#u#k') }));
    expect(writes.domainCalls()).toEqual([]);
    await send(new PutCommand({ TableName: env.table, Item: item('GROUP#g') }));
    expect(writes.domainCalls().map((c) => c.keys)).toEqual([['GROUP#g|S']]);
  });
});
