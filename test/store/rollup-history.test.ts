/**
 * Integration tier: a rollup's history. Each month is kept once, by the first change of a later
 * month, however many aggregators race to it; months with no change carry over; 60 months are
 * kept; `Rollup.history` reads it as a chart draws it, suppressed as the rollup is, at one read
 * whatever the months asked.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollupTarget } from '#core/rollups.ts';
import { keys } from '#store/keys.ts';
import { meterCapacity } from '#store/metering.ts';
import { applyRollups, closeMonth } from '#store/rollups.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-01-15T03:00:00Z');
beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
});

const item = async (key: { pk: string; sk: string }) =>
  (await env.db.doc.send(new GetCommand({ TableName: env.table, Key: key, ConsistentRead: true }))).Item;
const kept = async (target: string) =>
  ((await item(keys.rollupHistory(target)))?.months ?? {}) as Record<string, string>;
const addMember = () =>
  graphqlOk(env.app, world.token.treasurerA, M.addMember, {
    input: {
      idempotencyKey: ikey(),
      groupId: world.ids.groupA,
      name: 'សមាជិកថ្មី',
      sex: 'FEMALE',
      joinedOn: '2025-12-02',
    },
  });
const HISTORY = `query($id: ID!, $months: Int!) { federation(id: $id) {
  rollup { members history(months: $months) { month known members women suppressed } } } }`;

describe("a rollup's months", () => {
  const top = () => rollupTarget.federation(world.ids.topFederation);

  it('are kept once each, by the first change of a later month, and read as a chart draws them', async () => {
    await applyRollups(env.db, [world.ids.groupA, world.ids.groupB], '2026-01-15');
    const january = Number((await item(keys.rollup(top())))!.members);
    expect((await item(keys.rollup(top())))!.month).toBe('2026-01');
    expect(await kept(top())).toEqual({});

    // Another change in January: still no month closed.
    await addMember();
    await applyRollups(env.db, [world.ids.groupA], '2026-01-20');
    expect(await kept(top())).toEqual({});

    // Nothing in February. In March a change closes January, with its figures at its end.
    await addMember();
    await applyRollups(env.db, [world.ids.groupA], '2026-03-02');
    const closed = await kept(top());
    expect(Object.keys(closed)).toEqual(['2026-01']);
    expect(closed['2026-01']!.split(',')[1]).toBe(String(january + 1));
    expect((await item(keys.rollup(top())))!.month).toBe('2026-03');

    // April: two aggregators race to the same change. March is kept once; the member counts once.
    await addMember();
    await Promise.all([
      applyRollups(env.db, [world.ids.groupA], '2026-04-01'),
      applyRollups(env.db, [world.ids.groupA], '2026-04-01'),
    ]);
    const closedAgain = await kept(top());
    expect(Object.keys(closedAgain).sort()).toEqual(['2026-01', '2026-03']);
    // March is kept as it stood before April's change, whichever aggregator closed it.
    expect(closedAgain['2026-03']!.split(',')[1]).toBe(String(january + 2));
    expect(Number((await item(keys.rollup(top())))!.members)).toBe(january + 3);

    clock.set('2026-04-10T03:00:00Z');
    const read = await graphqlOk(env.app, world.token.coordinatorTop, HISTORY, {
      id: world.ids.topFederation,
      months: 5,
    });
    expect(read.federation.rollup.history).toEqual([
      { month: '2025-12', known: false, members: null, women: null, suppressed: false },
      { month: '2026-01', known: true, members: january + 1, women: expect.any(Number), suppressed: false },
      { month: '2026-02', known: true, members: january + 1, women: expect.any(Number), suppressed: false },
      { month: '2026-03', known: true, members: january + 2, women: expect.any(Number), suppressed: false },
      { month: '2026-04', known: true, members: january + 3, women: expect.any(Number), suppressed: false },
    ]);
  });

  it('a rollup counted before history was kept starts its history with its next change', async () => {
    const other = rollupTarget.federation(world.ids.otherFederation);
    await env.db.doc.send(
      new UpdateCommand({
        TableName: env.table,
        Key: keys.rollup(other),
        UpdateExpression: 'REMOVE #m, #r',
        ExpressionAttributeNames: { '#m': 'month', '#r': 'rev' },
      }),
    );
    const before = await kept(other);
    await graphqlOk(env.app, world.token.treasurerB, M.addMember, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupB,
        name: 'សមាជិក',
        sex: 'FEMALE',
        joinedOn: '2025-12-02',
      },
    });
    expect(await applyRollups(env.db, [world.ids.groupB], '2026-04-12')).toEqual([]);
    expect((await item(keys.rollup(other)))!.month).toBe('2026-04');
    expect(await kept(other)).toEqual(before);
  });

  it('keep the last 60 months, and read 12 or 60 of them at the same cost', async () => {
    const other = rollupTarget.federation(world.ids.otherFederation);
    await env.db.doc.send(
      new UpdateCommand({
        TableName: env.table,
        Key: keys.rollup(other),
        UpdateExpression: 'SET #m = :m',
        ExpressionAttributeNames: { '#m': 'month' },
        ExpressionAttributeValues: { ':m': '2020-12' },
      }),
    );
    // Sixty-five months closed one after another, as five years of monthly changes would.
    let month = '2020-12';
    for (let i = 1; i <= 65; i++) {
      const next = `${2020 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, '0')}`;
      await closeMonth(env.db, other, next);
      month = next;
    }
    expect(month).toBe('2026-05');
    const months = Object.keys(await kept(other)).sort();
    expect(months).toHaveLength(60);
    expect(months[0]).toBe('2021-05');
    expect(months.at(-1)).toBe('2026-04');

    clock.set('2026-05-10T03:00:00Z');
    const meter = meterCapacity(env.db);
    try {
      const measure = async (n: number) => {
        meter.reset();
        const read = await graphqlOk(env.app, world.token.coordinatorOther, HISTORY, {
          id: world.ids.otherFederation,
          months: n,
        });
        expect(read.federation.rollup.history).toHaveLength(n);
        expect(read.federation.rollup.history.every((m: { known: boolean }) => m.known)).toBe(true);
        return { requests: meter.requests, readUnits: meter.readUnits, byCommand: { ...meter.byCommand } };
      };
      const twelve = await measure(12);
      const sixty = await measure(60);
      console.log(`rollup history: 12 months ${JSON.stringify(twelve)}; 60 months ${JSON.stringify(sixty)}`);
      expect(sixty.byCommand).toEqual(twelve.byCommand);
      expect(sixty.readUnits).toBeLessThanOrEqual(twelve.readUnits * 1.1);
    } finally {
      meter.stop();
    }
  });

  it('are suppressed for a reader as the rollup is: a place resting on one group she may not read', async () => {
    const PLACE = `query($code: String!) { placeRollup(code: $code) { suppressed history(months: 2) { month known suppressed women } } }`;
    await applyRollups(env.db, [world.ids.groupA], '2026-05-10');
    // Group A sits in Siem Reap (17) under the sub-federation, which is under the top one.
    const hers = await graphqlOk(env.app, world.token.coordinatorTop, PLACE, { code: '17' });
    expect(hers.placeRollup.history.at(-1)).toMatchObject({ known: true, suppressed: false });
    const notHers = await graphqlOk(env.app, world.token.coordinatorOther, PLACE, { code: '17' });
    expect(notHers.placeRollup.suppressed).toBe(true);
    for (const m of notHers.placeRollup.history.filter((h: { known: boolean }) => h.known))
      expect(m).toMatchObject({ suppressed: true, women: null });
  });

  it('refuses a number of months outside 1–60, saying which argument', async () => {
    for (const months of [0, 61, -3]) {
      const r = await graphql(env.app, world.token.coordinatorTop, HISTORY, { id: world.ids.topFederation, months });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
    }
  });
});
