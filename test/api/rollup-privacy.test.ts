/**
 * Integration tier (DynamoDB Local, the stream aggregator): place rollups never single out a group
 * — not by themselves, not by subtracting the groups the reader can read — and never add riel to
 * US cents. Who may read which rollup (docs/ and the SDL say the same):
 *   - Federation.rollup: its coordinators (and those above) and administrators, who read every
 *     group below it on the dashboard anyway: never suppressed.
 *   - placeRollup: administrators and any coordinator; money, women and attention counts are
 *     suppressed unless at least 3 of the place's groups (per currency) are ones she may not read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { readWholeStream } from '../../dev/stream-poller.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const aggregate = async () =>
  handleStreamBatch(env.db, await readWholeStream(env.db.client, inject('dynamoEndpoint'), env.table), '2026-11-22');
const PLACE =
  'query($code: String!) { placeRollup(code: $code) { groups members suppressed women groupsNeedingAttention byCurrency { currency groups suppressed savings loansOutstanding par30BasisPoints } } }';

/** A group in `commune` with one member who saved `saved`, in `currency`, under `federationId`. */
async function groupSaving(commune: string, currency: 'KHR' | 'USD', saved: string, federationId: string | null) {
  const groupId = (
    await graphqlOk(env.app, world.token.admin, M.createGroup, {
      input: {
        idempotencyKey: ikey(),
        name: `ក្រុម ${commune} ${saved}`,
        placeCode: commune,
        currency,
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY' },
        formedOn: '2026-01-06',
        federationId,
      },
    })
  ).createGroup.id as string;
  const treasurer = `t-${ikey()}`;
  await graphqlOk(env.app, world.token.admin, M.createUser, {
    input: { idempotencyKey: ikey(), userId: treasurer, displayName: 't' },
  });
  await graphqlOk(env.app, world.token.admin, M.appointOfficer, {
    input: { idempotencyKey: ikey(), groupId, userId: treasurer, role: 'TREASURER', from: '2026-01-06' },
  });
  const t = await env.tokenFor(treasurer);
  const member = (
    await graphqlOk(env.app, t, M.addMember, {
      input: { idempotencyKey: ikey(), groupId, name: 'សមាជិក', sex: 'FEMALE', joinedOn: '2026-01-06' },
    })
  ).addMember.id;
  await graphqlOk(env.app, t, B.setConstitution, {
    input: constitution(groupId, ikey(), { effectiveFrom: '2026-01-06' }),
  });
  await graphqlOk(env.app, t, B.recordEntries, {
    input: {
      idempotencyKey: ikey(),
      groupId,
      date: '2026-11-03',
      entries: [{ id: 's', kind: 'SAVING', amount: saved, memberId: member }],
    },
  });
  return groupId;
}

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  // Commune 170403 (Chi Kraeng district): one group of the sub-federation (coordinator-sub's), then more unfederated ones.
  await groupSaving('170403', 'KHR', '100000', world.ids.subFederation);
  await groupSaving('170403', 'KHR', '200000', null);
  await aggregate();
}, 120_000);

describe('a place rollup', () => {
  it('1 group she may not read: money suppressed, to an administrator and to a coordinator of another federation', async () => {
    // Commune 020902 holds only groups added here; Samlout's (other federation's) groupB sits in 020901.
    await groupSaving('020902', 'KHR', '1170000', null);
    await aggregate();
    for (const token of [world.token.admin, world.token.coordinatorTop]) {
      const r = (await graphqlOk(env.app, token, PLACE, { code: '020902' })).placeRollup;
      expect(r).toMatchObject({ groups: 1, members: 1, suppressed: true, women: null, groupsNeedingAttention: null });
      expect(r.byCurrency).toEqual([
        { currency: 'KHR', groups: 1, suppressed: true, savings: null, loansOutstanding: null, par30BasisPoints: null },
      ]);
      expect(JSON.stringify(r)).not.toContain('1170000');
    }
  });

  it('2 groups, one on her own dashboard: subtraction gives the other away, so money is suppressed', async () => {
    const r = (await graphqlOk(env.app, world.token.coordinatorSub, PLACE, { code: '170403' })).placeRollup;
    expect(r.groups).toBe(2);
    expect(r.byCurrency[0]).toMatchObject({ suppressed: true, savings: null });
  });

  it('3 groups she may not read: shown; with one of them hers, 2 remain hidden and it is suppressed again', async () => {
    await groupSaving('170403', 'KHR', '300000', null);
    await groupSaving('170403', 'KHR', '400000', null);
    await aggregate();
    // Coordinator of Samlout reads none of 170403's 4 groups: 4 ≥ 3.
    const other = (await graphqlOk(env.app, world.token.coordinatorOther, PLACE, { code: '170403' })).placeRollup;
    expect(other.byCurrency).toEqual([
      { currency: 'KHR', groups: 4, suppressed: false, savings: '1000000', loansOutstanding: '0', par30BasisPoints: 0 },
    ]);
    expect(other.suppressed).toBe(false);
    // Coordinator of the sub-federation reads 1 of 4: the other 3 stand together.
    expect(
      (await graphqlOk(env.app, world.token.coordinatorSub, PLACE, { code: '170403' })).placeRollup.byCurrency[0]
        .suppressed,
    ).toBe(false);
    // An administrator reads the 1 federated group: 3 remain.
    expect(
      (await graphqlOk(env.app, world.token.admin, PLACE, { code: '170403' })).placeRollup.byCurrency[0].savings,
    ).toBe('1000000');
  });

  it('never adds riel and US cents, and a lone dollar group is not singled out beside them', async () => {
    await groupSaving('170403', 'USD', '5000', null); // $50.00
    await aggregate();
    const r = (await graphqlOk(env.app, world.token.coordinatorOther, PLACE, { code: '170403' })).placeRollup;
    expect(r.groups).toBe(5);
    expect(r.byCurrency).toEqual([
      { currency: 'KHR', groups: 4, suppressed: false, savings: '1000000', loansOutstanding: '0', par30BasisPoints: 0 },
      { currency: 'USD', groups: 1, suppressed: true, savings: null, loansOutstanding: null, par30BasisPoints: null },
    ]);
  });

  it("a federation's own rollup is never suppressed to its coordinators, and keeps currencies apart", async () => {
    const fed = (
      await graphqlOk(
        env.app,
        world.token.coordinatorSub,
        'query($id: ID!) { federation(id: $id) { rollup { groups suppressed byCurrency { currency suppressed savings } } } }',
        { id: world.ids.subFederation },
      )
    ).federation.rollup;
    expect(fed.suppressed).toBe(false);
    expect(fed.byCurrency.every((c: any) => c.suppressed === false)).toBe(true);
    expect(fed.byCurrency.find((c: any) => c.currency === 'KHR').savings).toBe('100000');
  });
});
