/**
 * Integration tier: injected faults. Every mutation is run with a DynamoDB failure injected at
 * each of its calls in turn — throttled, a cancelled transaction, a timeout after the call went
 * through. A clean run commits its whole change in one write; a failed attempt committed that
 * write or nothing, never part (the write recorder sees every write DynamoDB accepted); a retry
 * with the same idempotency key completes, the change committed exactly once between the two, and
 * a further retry writes nothing at all. Internal failures are masked, never a stack or a message of AWS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../dev/graphql-client.ts';
import { FAULT_KINDS, injectFaults, type FaultInjector } from '../helpers/faults.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { mutationCases, type MutationWorld } from '../helpers/mutations.ts';
import { recordWrites, type WriteRecorder } from '../helpers/writes.ts';
import { B, constitution } from '../helpers/books.ts';
import { buildWorld } from '../helpers/world.ts';
import { graphqlOk } from '../../dev/graphql-client.ts';

let env: IntegrationEnv;
let faults: FaultInjector;
const ctx = {} as MutationWorld;
const cases = mutationCases(ctx);
let faultPoints = 0;
let writes: WriteRecorder;

beforeAll(async () => {
  env = await integrationEnv();
  ctx.env = env;
  ctx.world = await buildWorld(env);
  await graphqlOk(env.app, ctx.world.token.treasurerA, B.setConstitution, {
    input: constitution(ctx.world.ids.groupA, ikey(), { effectiveFrom: '2020-01-07' }),
  });
  faults = injectFaults(env.db);
  // Inside the fault injector: a write whose answer the injector then loses is still recorded.
  writes = recordWrites(env.db.client);
}, 60_000);
afterAll(() => {
  faults?.stop();
  console.log(`injected faults: ${faultPoints} fault points (mutation × DynamoDB call × kind)`);
});

describe(`injected DynamoDB faults at every step of every write path (${cases.length} mutations × ${FAULT_KINDS.length} kinds)`, () => {
  it.each(cases)(
    '%s: before or after, never between; the retry completes exactly once',
    async (name, token, document, build) => {
      for (const kind of FAULT_KINDS) {
        for (let at = 1; ; at++) {
          const input = { ...(await build()), idempotencyKey: ikey() };
          writes.take();
          faults.arm(at, kind);
          const first = await graphql(env.app, token(), document, { input });
          const { fired, command } = faults.disarm();
          const firstCommits = writes.domainCalls().length;
          if (!fired) {
            // The request made fewer than `at` calls: every step of this path has had its fault.
            expect(first.errors, `${name} ran clean`).toBeUndefined();
            // The whole change is one write call (a transaction), so it can only land whole or not at all.
            expect(firstCommits, `${name}: a clean run commits in one write`).toBe(1);
            break;
          }
          faultPoints++;
          const where = `${name}: ${kind} at call ${at} (${command})`;
          for (const e of first.errors ?? []) {
            expect(['INTERNAL_SERVER_ERROR', 'TRY_AGAIN'], where).toContain(e.extensions!.code);
            expect(e.message, where).not.toMatch(/injected|Exception|DynamoDB/);
          }
          // Before or after, never between: the failed attempt committed its one write or nothing.
          expect(firstCommits, where).toBeLessThanOrEqual(1);
          writes.take();
          const retry = await graphql(env.app, token(), document, { input });
          expect(retry.errors, where).toBeUndefined();
          if (!first.errors) expect(retry.data, where).toEqual(first.data);
          // Exactly once: the change was committed by the first attempt or by the retry, not both.
          expect(firstCommits + writes.domainCalls().length, where).toBe(1);
          // Once more: the answer is remembered, nothing more is written.
          writes.take();
          const again = await graphql(env.app, token(), document, { input });
          expect(again.data, where).toEqual(retry.data);
          expect(writes.calls(), where).toEqual([]);
        }
      }
      // A sweep of every call × every kind, not a timed test: the longest paths make ~40 fault points.
    },
    300_000,
  );
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
