/**
 * Integration tier (DynamoDB Local and its stream): after random operations, the aggregator's
 * rollups equal a recomputation from the groups' records — with the stream's batches replayed,
 * reordered and split at random, as Lambda's retries and parallel shards deliver them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { fold, differences, type Figures } from '#core/rollups.ts';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { getRollup, currentCount } from '#store/rollups.ts';
import type { Group } from '#core/groups.ts';
import { inject } from 'vitest';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const asOf = '2026-11-22';

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  for (const [t, g] of [
    [world.token.treasurerA, world.ids.groupA],
    [world.token.treasurerB, world.ids.groupB],
  ] as const) {
    await graphqlOk(env.app, t, B.setConstitution, { input: constitution(g, ikey()) });
  }
});

/** The rollups as they should be: every group's contribution, summed where it counts. */
async function recompute(): Promise<Map<string, Figures>> {
  const items = (await env.db.doc.send(new ScanCommand({ TableName: env.table, ConsistentRead: true }))).Items ?? [];
  const groups = items.filter((i) => i.entity === 'Group') as unknown as Group[];
  const changes = [];
  for (const g of groups) changes.push(differences(undefined, await currentCount(env.db, g, asOf)));
  return fold(changes);
}

describe('the stream aggregator', () => {
  it('keeps every rollup equal to a recomputation, whatever the order and repetition of batches', {
    timeout: 180_000,
  }, async () => {
    const members = { A: world.ids.memberA, B: world.ids.memberB };
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('save' as const),
        group: fc.constantFrom('A', 'B'),
        amount: fc.integer({ min: 1, max: 50_000 }),
      }),
      fc.record({ kind: fc.constant('member' as const), group: fc.constantFrom('A', 'B'), woman: fc.boolean() }),
      fc.record({
        kind: fc.constant('lend' as const),
        group: fc.constantFrom('A', 'B'),
        amount: fc.integer({ min: 1, max: 30_000 }),
      }),
      fc.record({ kind: fc.constant('newGroup' as const), federation: fc.constantFrom('top', 'sub', 'other') }),
    );
    let day = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (ops, seed) => {
          for (const o of ops) {
            const date = new Date(Date.parse('2023-01-01T00:00:00Z') + day++ * 86_400_000).toISOString().slice(0, 10);
            if (o.kind === 'save' || o.kind === 'lend') {
              const [t, g] =
                o.group === 'A'
                  ? [world.token.treasurerA, world.ids.groupA]
                  : [world.token.treasurerB, world.ids.groupB];
              const entry =
                o.kind === 'save'
                  ? { id: 'e', kind: 'SAVING', amount: String(o.amount), memberId: members[o.group] }
                  : {
                      id: `loan-${ikey()}`,
                      kind: 'LOAN_DISBURSEMENT',
                      amount: String(o.amount),
                      memberId: members[o.group],
                      termMonths: 1,
                    };
              await env.app.request('/graphql', {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
                body: JSON.stringify({
                  query: B.recordEntries,
                  variables: { input: { idempotencyKey: ikey(), groupId: g, date, entries: [entry] } },
                }),
              }); // refused loans (beyond the limit) simply change nothing
            } else if (o.kind === 'member') {
              const [t, g] =
                o.group === 'A'
                  ? [world.token.treasurerA, world.ids.groupA]
                  : [world.token.treasurerB, world.ids.groupB];
              await graphqlOk(env.app, t, M.addMember, {
                input: {
                  idempotencyKey: ikey(),
                  groupId: g,
                  name: 'ន',
                  sex: o.woman ? 'FEMALE' : 'MALE',
                  joinedOn: '2022-01-04',
                },
              });
            } else {
              const federationId = {
                top: world.ids.topFederation,
                sub: world.ids.subFederation,
                other: world.ids.otherFederation,
              }[o.federation];
              await graphqlOk(env.app, world.token.admin, M.createGroup, {
                input: {
                  idempotencyKey: ikey(),
                  name: 'G',
                  placeCode: o.federation === 'other' ? '020902' : '170403',
                  currency: 'KHR',
                  meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
                  formedOn: '2021-01-01',
                  federationId,
                },
              });
            }
          }
          // Deliver the whole stream so far in random batches, some twice, in a shuffled order.
          const records = await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table);
          const rng = fc.sample(fc.array(fc.nat(), { minLength: records.length * 2, maxLength: records.length * 2 }), {
            seed,
            numRuns: 1,
          })[0]!;
          const shuffled = [...records, ...records.filter((_, i) => rng[i]! % 3 === 0)].sort(
            (a, b) => (rng[records.indexOf(a) % rng.length]! % 7) - (rng[records.indexOf(b) % rng.length]! % 7),
          );
          for (let i = 0; i < shuffled.length; ) {
            const size = 1 + (rng[i % rng.length]! % 25);
            const response = await handleStreamBatch(env.db, shuffled.slice(i, i + size), asOf);
            expect(response.batchItemFailures).toEqual([]);
            i += size;
          }
          const expected = await recompute();
          for (const [target, figures] of expected) expect(await getRollup(env.db, target), target).toEqual(figures);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('ignores records that cannot move a rollup, and replays cost nothing', async () => {
    const none = await handleStreamBatch(
      env.db,
      [{ dynamodb: { Keys: { pk: { S: 'IDEM#x' }, sk: { S: 'IDEM' } }, SequenceNumber: '1' } }],
      asOf,
    );
    expect(none).toEqual({ batchItemFailures: [] });
    const before = await getRollup(env.db, `FED#${world.ids.topFederation}`);
    const again = await handleStreamBatch(
      env.db,
      [{ dynamodb: { Keys: { pk: { S: `GROUP#${world.ids.groupA}` }, sk: { S: 'BOOKS' } }, SequenceNumber: '2' } }],
      asOf,
    );
    expect(again.batchItemFailures).toEqual([]);
    expect(await getRollup(env.db, `FED#${world.ids.topFederation}`)).toEqual(before);
    expect(before.groups).toBeGreaterThan(0n);
  });
});

describe('the nightly recount', () => {
  it('counts groups needing attention as the days pass, with no write to the group', async () => {
    const { recountAllGroups } = await import('#jobs/recount.ts');
    const federation = `FED#${world.ids.topFederation}`;
    const before = await getRollup(env.db, federation);
    // Group A last met (or was formed) long ago: as of today it needs attention.
    const today = await recountAllGroups(env.db, '2026-11-22');
    expect(today.failed).toEqual([]);
    expect(today.groups).toBeGreaterThanOrEqual(2);
    const now = await getRollup(env.db, federation);
    expect(now.needingAttention).toBeGreaterThan(0n);
    expect(now.groups).toBe(before.groups);
    // Recounting again the same day changes nothing.
    await recountAllGroups(env.db, '2026-11-22');
    expect(await getRollup(env.db, federation)).toEqual(now);
    // Back when the groups were new, none needed attention yet.
    await recountAllGroups(env.db, '2020-01-08');
    expect((await getRollup(env.db, federation)).needingAttention).toBe(0n);
  });
});

describe('rollups counted before currencies were kept apart', () => {
  it('are put right by one recount: money per currency, each federation’s share of each place', {
    timeout: 120_000,
  }, async () => {
    const { recountAllGroups } = await import('#jobs/recount.ts');
    const { DeleteCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { keys } = await import('#store/keys.ts');
    const usd = (
      await graphqlOk(env.app, world.token.admin, M.createGroup, {
        input: {
          idempotencyKey: ikey(),
          name: 'Dollar group',
          placeCode: '170403',
          currency: 'USD',
          meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
          formedOn: '2021-01-01',
          federationId: world.ids.subFederation,
        },
      })
    ).createGroup.id as string;
    await recountAllGroups(env.db, asOf);
    const right = await recompute();
    // Rewrite every rollup and every group's counted record as the old code left them: one money
    // total that added riel to cents, and no federation-by-place shares.
    const items = (await env.db.doc.send(new ScanCommand({ TableName: env.table, ConsistentRead: true }))).Items ?? [];
    const old = (f: Record<string, unknown>) => ({
      groups: f.groups,
      members: f.members,
      women: f.women,
      needingAttention: f.needingAttention,
      savings: BigInt(String(f.KHR_savings ?? 0)) + BigInt(String(f.USD_savings ?? 0)),
      loansOutstanding: BigInt(String(f.KHR_loansOutstanding ?? 0)) + BigInt(String(f.USD_loansOutstanding ?? 0)),
      atRisk30: 0n,
    });
    for (const item of items) {
      if (item.entity === 'RollupSource' && item.counted) {
        const counted = item.counted as { figures: Record<string, unknown>; targets: string[] };
        await env.db.doc.send(
          new PutCommand({
            TableName: env.table,
            Item: {
              ...item,
              counted: {
                figures: old(counted.figures),
                targets: counted.targets.filter((t) => !t.startsWith('FEDPLACE#')),
              },
            },
          }),
        );
      }
      if (item.entity === 'Rollup') {
        const target = item.target as string;
        if (target.startsWith('FEDPLACE#'))
          await env.db.doc.send(new DeleteCommand({ TableName: env.table, Key: keys.rollup(target) }));
        else
          await env.db.doc.send(
            new PutCommand({
              TableName: env.table,
              Item: { ...keys.rollup(target), entity: 'Rollup', target, ...old(item) },
            }),
          );
      }
    }
    expect((await getRollup(env.db, `FED#${world.ids.subFederation}`)).USD_groups).toBe(0n);
    await recountAllGroups(env.db, asOf);
    for (const [target, figures] of right) expect(await getRollup(env.db, target), target).toEqual(figures);
    expect((await getRollup(env.db, `FED#${world.ids.subFederation}`)).USD_groups).toBe(1n);
    expect(right.has(`FEDPLACE#${world.ids.subFederation}#170403`)).toBe(true);
    expect(usd).toBeTruthy();
  });
});
