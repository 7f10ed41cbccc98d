/** Integration tier: the tests' table fingerprint sees the whole table, however large. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { snapshot } from '../helpers/mutations.ts';

let env: IntegrationEnv;
beforeAll(async () => {
  env = await integrationEnv();
});

describe('snapshot', () => {
  it('changes with a write to an item beyond the first 1 MB Scan page', async () => {
    // Four items of ~300 KB: more than one Scan page (1 MB) holds.
    for (let i = 0; i < 4; i++) {
      await env.db.doc.send(
        new PutCommand({ TableName: env.table, Item: { pk: `BIG#${i}`, sk: 'X', blob: 'x'.repeat(300_000), n: 0 } }),
      );
    }
    let previous = await snapshot(env);
    expect(JSON.parse(previous)).toHaveLength(4);
    // Each item changed on its own, so the one on the last page must be seen by itself.
    for (let i = 0; i < 4; i++) {
      await env.db.doc.send(
        new PutCommand({ TableName: env.table, Item: { pk: `BIG#${i}`, sk: 'X', blob: 'x'.repeat(300_000), n: 1 } }),
      );
      const after = await snapshot(env);
      expect(after).not.toBe(previous);
      previous = after;
    }
  });
});
