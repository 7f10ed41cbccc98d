/** Integration tier: the federation dashboard — summaries, attention flags, batch loads, CSV. */
import { beforeAll, describe, expect, it } from 'vitest';
import { meterCapacity } from '#store/metering.ts';
import { csvField } from '#core/attention.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-11-22T03:00:00.000Z');
const DASHBOARD = `query($id: ID!, $first: Int) { federation(id: $id) { dashboard(first: $first) {
  nodes { group { id name memberCount } currency savings loansOutstanding par30BasisPoints lastMeetingOn needsAttention attentionReasons attentionReasonsKm }
  pageInfo { hasNextPage } } } }`;

beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
  await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, {
    input: constitution(world.ids.groupA, ikey()),
  });
});

const groupA = async () =>
  (
    await graphqlOk(env.app, world.token.coordinatorTop, DASHBOARD, { id: world.ids.subFederation })
  ).federation.dashboard.nodes.find((n: any) => n.group.id === world.ids.groupA);

describe('the federation dashboard', () => {
  it('flags a group with no meeting for 60 days, and clears it once it meets', async () => {
    expect(await groupA()).toMatchObject({ needsAttention: true, lastMeetingOn: null });
    expect((await groupA()).attentionReasons[0]).toMatch(/no meeting recorded/);
    const members = (
      await graphqlOk(
        env.app,
        world.token.treasurerA,
        'query($id: ID!) { group(id: $id) { members { nodes { id } } } }',
        { id: world.ids.groupA },
      )
    ).group.members.nodes;
    await graphqlOk(env.app, world.token.treasurerA, B.recordMeeting, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        date: '2026-11-03',
        attendance: members.map((m: any) => ({ memberId: m.id, status: 'PRESENT' })),
        minutes: [],
        entries: [{ id: 's', kind: 'SAVING', amount: '100000', memberId: world.ids.memberA }],
      },
    });
    expect(await groupA()).toMatchObject({
      needsAttention: false,
      lastMeetingOn: '2026-11-03',
      currency: 'KHR',
      savings: '100000',
      attentionReasons: [],
    });
    clock.set('2027-01-03T03:00:00.000Z'); // 61 days on
    expect(await groupA()).toMatchObject({ needsAttention: true });
    expect((await groupA()).attentionReasons).toEqual(['no meeting for 61 days']);
    clock.set('2026-11-22T03:00:00.000Z');
  });

  it('flags PAR30 above 10%', async () => {
    await graphqlOk(env.app, world.token.treasurerA, B.recordEntries, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        date: '2026-09-01',
        entries: [
          { id: 'late-loan', kind: 'LOAN_DISBURSEMENT', amount: '60000', memberId: world.ids.memberA, termMonths: 2 },
        ],
      },
    });
    const a = await groupA();
    expect(a).toMatchObject({ needsAttention: true, par30BasisPoints: 10000, loansOutstanding: '60000' });
    expect(a.attentionReasons).toEqual(['PAR30 is 100.0%']);
    expect(a.attentionReasonsKm[0]).toMatch(/PAR30/);
  });

  it('loads a page of groups in batches: 12 groups cost the same requests as 2', async () => {
    const meter = meterCapacity(env.db);
    try {
      meter.reset();
      await graphqlOk(env.app, world.token.coordinatorTop, DASHBOARD, { id: world.ids.subFederation });
      const small = meter.requests;
      for (let i = 0; i < 11; i++) {
        await graphqlOk(env.app, world.token.admin, M.createGroup, {
          input: {
            idempotencyKey: ikey(),
            name: `ក្រុម ${i}, ថ្មី`,
            placeCode: '170405',
            currency: 'KHR',
            meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
            formedOn: '2026-10-01',
            federationId: world.ids.subFederation,
          },
        });
      }
      meter.reset();
      const page = await graphqlOk(env.app, world.token.coordinatorTop, DASHBOARD, { id: world.ids.subFederation });
      expect(page.federation.dashboard.nodes).toHaveLength(12);
      expect(meter.requests).toBe(small);
    } finally {
      meter.stop();
    }
  });

  it('exports the report as CSV, a line per group, names as written', async () => {
    const csv: string = (
      await graphqlOk(env.app, world.token.coordinatorTop, 'query($id: ID!) { federation(id: $id) { reportCsv } }', {
        id: world.ids.subFederation,
      })
    ).federation.reportCsv;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'group_id,name,commune,members,women,currency,savings,loans_outstanding,par30_percent,last_meeting,needs_attention,reasons',
    );
    expect(lines).toHaveLength(13);
    expect(lines.find((l) => l.startsWith(world.ids.groupA))).toBe(
      `${world.ids.groupA},ក្រុមជីក្រែង,Chi Kraeng,2,2,KHR,100000,60000,100.00,2026-11-03,yes,PAR30 is 100.0%`,
    );
    expect(csv).toContain('"ក្រុម 0, ថ្មី"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('only coordinators of the federation (or above) and administrators see it', async () => {
    for (const t of [
      world.token.coordinatorOther,
      world.token.treasurerA,
      world.token.bankOfficer,
      world.token.ngoStaff,
      world.token.nobody,
    ]) {
      const r = await graphql(env.app, t, DASHBOARD, { id: world.ids.subFederation });
      expect(r.data!.federation).toBeNull();
    }
    expect(
      (await graphql(env.app, world.token.coordinatorSub, DASHBOARD, { id: world.ids.subFederation })).errors,
    ).toBeUndefined();
  });
});
