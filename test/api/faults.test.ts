/**
 * Integration tier: injected faults. Every mutation is run with a DynamoDB failure injected at
 * each of its calls in turn — throttled, a cancelled transaction, a timeout after the call went
 * through. Afterwards the table equals what it was before or what one clean run makes, never
 * anything between; a retry with the same idempotency key completes, and a further retry writes
 * nothing more (exactly once). Internal failures are masked, never a stack or a message of AWS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../dev/graphql-client.ts';
import { FAULT_KINDS, injectFaults, type FaultInjector } from '../helpers/faults.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { mutationCases, snapshot, type MutationWorld } from '../helpers/mutations.ts';
import { B, constitution } from '../helpers/books.ts';
import { buildWorld } from '../helpers/world.ts';
import { graphqlOk } from '../../dev/graphql-client.ts';

let env: IntegrationEnv;
let faults: FaultInjector;
const ctx = {} as MutationWorld;
const cases = mutationCases(ctx);
let faultPoints = 0;

beforeAll(async () => {
  env = await integrationEnv();
  ctx.env = env;
  ctx.world = await buildWorld(env);
  await graphqlOk(env.app, ctx.world.token.treasurerA, B.setConstitution, { input: constitution(ctx.world.ids.groupA, ikey(), { effectiveFrom: '2020-01-07' }) });
  faults = injectFaults(env.db);
}, 60_000);
afterAll(() => {
  faults?.stop();
  console.log(`injected faults: ${faultPoints} fault points (mutation × DynamoDB call × kind)`);
});

describe(`injected DynamoDB faults at every step of every write path (${cases.length} mutations × ${FAULT_KINDS.length} kinds)`, () => {
  it.each(cases)('%s: before or after, never between; the retry completes exactly once', async (name, token, document, build) => {
    for (const kind of FAULT_KINDS) {
      for (let at = 1; ; at++) {
        const input = { ...(await build()), idempotencyKey: ikey() };
        const before = await snapshot(env);
        faults.arm(at, kind);
        const first = await graphql(env.app, token(), document, { input });
        const { fired, command } = faults.disarm();
        if (!fired) {
          // The request made fewer than `at` calls: every step of this path has had its fault.
          expect(first.errors, `${name} ran clean`).toBeUndefined();
          break;
        }
        faultPoints++;
        const where = `${name}: ${kind} at call ${at} (${command})`;
        for (const e of first.errors ?? []) {
          expect(['INTERNAL_SERVER_ERROR', 'TRY_AGAIN'], where).toContain(e.extensions!.code);
          expect(e.message, where).not.toMatch(/injected|Exception|DynamoDB/);
        }
        const between = await snapshot(env);
        const retry = await graphql(env.app, token(), document, { input });
        expect(retry.errors, where).toBeUndefined();
        if (!first.errors) expect(retry.data, where).toEqual(first.data);
        const after = await snapshot(env);
        expect([before, after], where).toContain(between);
        // Once more: the answer is remembered, nothing more is written.
        const again = await graphql(env.app, token(), document, { input });
        expect(again.data, where).toEqual(retry.data);
        expect(await snapshot(env), where).toBe(after);
      }
    }
    // A sweep of every call × every kind, not a timed test: the longest paths make ~40 fault points.
  }, 300_000);
});

describe('a failed read', () => {
  it('fails the request: a throttled batch load never shows fewer groups, nor calls one missing', async () => {
    const query = '{ myGroups { id } }';
    expect((await graphql(env.app, ctx.world.token.treasurerA, query)).data!.myGroups).toHaveLength(1);
    faults.arm(2, 'throttled'); // call 1 reads the viewer's roles, call 2 batch-loads the groups
    const r = await graphql(env.app, ctx.world.token.treasurerA, query);
    const { fired, command } = faults.disarm();
    expect([fired, command]).toEqual([true, 'BatchGetItemCommand']);
    expect(r.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(r.data ?? null).toBeNull();
  });
});
