/**
 * Integration tier (DynamoDB Local): correcting what the registers say. A member's name, sex or
 * phone, and a meeting's attendance or minutes, are corrected by a correction that keeps what was
 * recorded before — never by an edit that loses it — by the group's treasurer or secretary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { getBooks } from '#store/books.ts';
import { getGroup } from '#store/groups.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';
import { snapshot } from '../helpers/mutations.ts';

let env: IntegrationEnv;
let world: World;

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

const CORRECT_MEMBER = `mutation($input: CorrectMemberInput!) {
  correctMember(input: $input) { id name sex phone corrections { number reason correctedBy correctedAt changes { field was now } } }
}`;
const MEMBERS = `query($id: ID!) { group(id: $id) { members { nodes { id name sex phone corrections { number changes { field was now } } } } } }`;

async function newMember(sex = 'FEMALE', phone: string | null = '+855 12 000 111') {
  const r = await graphqlOk(env.app, world.token.treasurerA, M.addMember, {
    input: { idempotencyKey: ikey(), groupId: world.ids.groupA, name: 'សុខ ស្រីមុំ', sex, phone, joinedOn: '2021-01-05' },
  });
  return r.addMember.id as string;
}
const correct = (token: string, input: Record<string, unknown>) =>
  graphql(env.app, token, CORRECT_MEMBER, {
    input: { idempotencyKey: ikey(), groupId: world.ids.groupA, reason: 'spelt wrong at joining', ...input },
  });

describe('correcting a member', () => {
  it('the treasurer corrects a name; the register keeps what it said, who changed it, when and why', async () => {
    const memberId = await newMember();
    const r = await correct(world.token.treasurerA, { memberId, name: 'សុខ ស្រីមុំា' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.correctMember).toMatchObject({
      name: 'សុខ ស្រីមុំា',
      sex: 'FEMALE',
      phone: '+855 12 000 111',
      corrections: [
        {
          number: 1,
          reason: 'spelt wrong at joining',
          correctedBy: 'treasurer-a',
          changes: [{ field: 'NAME', was: 'សុខ ស្រីមុំ', now: 'សុខ ស្រីមុំា' }],
        },
      ],
    });
    const listed = (
      await graphqlOk(env.app, world.token.presidentA, MEMBERS, { id: world.ids.groupA })
    ).group.members.nodes.find((m: any) => m.id === memberId);
    expect(listed).toMatchObject({ name: 'សុខ ស្រីមុំា', corrections: [{ number: 1 }] });
  });

  it('the secretary corrects a phone, and takes it away with null; each correction is numbered in order', async () => {
    const memberId = await newMember();
    await correct(world.token.secretaryA, { memberId, phone: '+855 97 222 333' });
    const r = await correct(world.token.secretaryA, { memberId, phone: null, name: null });
    expect(r.errors).toBeUndefined();
    expect(r.data!.correctMember.phone).toBeNull();
    expect(r.data!.correctMember.corrections.map((c: any) => [c.number, c.changes])).toEqual([
      [1, [{ field: 'PHONE', was: '+855 12 000 111', now: '+855 97 222 333' }]],
      [2, [{ field: 'PHONE', was: '+855 97 222 333', now: null }]],
    ]);
  });

  it("a correction of sex moves the group's count of women, both ways", async () => {
    const before = (await getGroup(env.db, world.ids.groupA))!.womenCount;
    const memberId = await newMember('FEMALE');
    expect((await getGroup(env.db, world.ids.groupA))!.womenCount).toBe(before + 1);
    await correct(world.token.treasurerA, { memberId, sex: 'MALE' });
    expect((await getGroup(env.db, world.ids.groupA))!.womenCount).toBe(before);
    await correct(world.token.treasurerA, { memberId, sex: 'FEMALE', reason: 'corrected back' });
    expect((await getGroup(env.db, world.ids.groupA))!.womenCount).toBe(before + 1);
  });

  it('a correction of a member who has left changes no count: she is not counted any more', async () => {
    const memberId = await newMember('FEMALE');
    await graphqlOk(
      env.app,
      world.token.treasurerA,
      'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id } }',
      {
        input: { idempotencyKey: ikey(), groupId: world.ids.groupA, memberId, leftOn: '2022-01-01' },
      },
    );
    const before = (await getGroup(env.db, world.ids.groupA))!;
    expect((await correct(world.token.treasurerA, { memberId, sex: 'MALE' })).errors).toBeUndefined();
    const after = (await getGroup(env.db, world.ids.groupA))!;
    expect([after.womenCount, after.memberCount]).toEqual([before.womenCount, before.memberCount]);
  });

  it('a retry with the same key corrects once', async () => {
    const memberId = await newMember();
    const input = { idempotencyKey: ikey(), groupId: world.ids.groupA, memberId, name: 'ស្រីមុំ', reason: 'nickname' };
    const first = await graphqlOk(env.app, world.token.treasurerA, CORRECT_MEMBER, { input });
    const again = await graphqlOk(env.app, world.token.treasurerA, CORRECT_MEMBER, { input });
    expect(again).toEqual(first);
    expect(first.correctMember.corrections).toHaveLength(1);
  });

  it.each([
    ['nothing that differs from the register', { name: 'សុខ ស្រីមុំ', sex: 'FEMALE' }, 'input', 'BAD_USER_INPUT'],
    ['nothing at all', {}, 'input', 'BAD_USER_INPUT'],
    ['a blank name', { name: '  ' }, 'input.name', 'BAD_USER_INPUT'],
    ['a bad phone', { phone: 'call me' }, 'input.phone', 'BAD_USER_INPUT'],
    ['no reason', { name: 'x', reason: ' ' }, 'input.reason', 'BAD_USER_INPUT'],
    ['an unknown member', { name: 'x', memberId: 'nobody-here' }, 'input.memberId', 'NOT_FOUND'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, patch, field, code) => {
    const memberId = await newMember();
    const before = await snapshot(env);
    const r = await correct(world.token.treasurerA, { memberId, ...patch });
    expect(r.errors![0]!.extensions).toMatchObject({ code, field });
    expect(await snapshot(env)).toBe(before);
  });

  it("the president, another group's treasurer, a coordinator and an administrator are refused, and nothing changes", async () => {
    const memberId = await newMember();
    const before = await snapshot(env);
    const answers = await Promise.all(
      [
        world.token.presidentA,
        world.token.treasurerB,
        world.token.coordinatorTop,
        world.token.admin,
        world.token.bankOfficer,
      ].map(async (t) => (await correct(t, { memberId, name: 'x' })).errors![0]!.extensions!.code),
    );
    // Who may see the group hears why (FORBIDDEN); who may not hears of no group at all (NOT_FOUND).
    expect(answers).toEqual(['FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await snapshot(env)).toBe(before);
  });

  it("a member of another group cannot be corrected through one's own group", async () => {
    const r = await correct(world.token.treasurerA, { memberId: world.ids.memberB, name: 'x' });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.memberId' });
  });
});

describe('correcting a meeting', () => {
  const CORRECT_MEETING = `mutation($input: CorrectMeetingInput!) { correctMeeting(input: $input) {
    date presentCount attendance { member { id } status } minutes { agendaItem discussed decision }
    corrections { number reason correctedBy attendance { member { id } status } attendanceBefore { member { id } status } minutes { agendaItem decision } minutesBefore { agendaItem decision } } } }`;
  const MEETINGS = `query($id: ID!, $d: Date!) { group(id: $id) { meetings(from: $d, to: $d) { nodes { presentCount attendance { member { id } status } minutes { agendaItem } corrections { number } } } } }`;
  let day = 0;
  let founders: string[];

  /** A meeting of group A's two founding members on a fresh day of 2020 (before anyone else joined). */
  async function meeting(): Promise<string> {
    founders ??= (
      await graphqlOk(
        env.app,
        world.token.treasurerA,
        'query($id: ID!) { group(id: $id) { members(first: 100) { nodes { id joinedOn } } } }',
        { id: world.ids.groupA },
      )
    ).group.members.nodes
      .filter((m: any) => m.joinedOn === '2020-02-04')
      .map((m: any) => m.id);
    const date = `2020-${String(3 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day++ % 28)).padStart(2, '0')}`;
    await graphqlOk(
      env.app,
      world.token.treasurerA,
      'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }',
      {
        input: {
          idempotencyKey: ikey(),
          groupId: world.ids.groupA,
          date,
          attendance: founders.map((memberId, i) => ({ memberId, status: i === 0 ? 'PRESENT' : 'ABSENT' })),
          minutes: [{ agendaItem: 'ទិញសម្ភារៈ', discussed: true, decision: 'សមាជិក ២ នាក់នឹងទិញ' }],
          entries: [],
        },
      },
    );
    return date;
  }
  const correctMeeting = (token: string, input: Record<string, unknown>) =>
    graphql(env.app, token, CORRECT_MEETING, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, reason: 'she was there, late', ...input },
    });
  const allPresent = () => founders.map((memberId) => ({ memberId, status: 'PRESENT' }));
  const recent = async (date: string) =>
    (await getBooks(env.db, world.ids.groupA)).activity.recentMeetings.find((m) => m.date === date);

  it('the secretary corrects attendance: the meeting reads as corrected, what was recorded stays in its history', async () => {
    const date = await meeting();
    const r = await correctMeeting(world.token.secretaryA, { date, attendance: allPresent() });
    expect(r.errors).toBeUndefined();
    const m = r.data!.correctMeeting;
    expect(m.presentCount).toBe(2);
    expect(m.corrections).toEqual([
      {
        number: 1,
        reason: 'she was there, late',
        correctedBy: 'secretary-a',
        attendance: allPresent().map((a) => ({ member: { id: a.memberId }, status: 'PRESENT' })),
        attendanceBefore: founders.map((id, i) => ({ member: { id }, status: i === 0 ? 'PRESENT' : 'ABSENT' })),
        minutes: null,
        minutesBefore: null,
      },
    ]);
    const read = (await graphqlOk(env.app, world.token.presidentA, MEETINGS, { id: world.ids.groupA, d: date })).group
      .meetings.nodes[0];
    expect(read).toMatchObject({ presentCount: 2, corrections: [{ number: 1 }] });
  });

  it('corrected attendance is what the credit profile counts, and a later posting keeps it', async () => {
    const date = await meeting();
    expect(await recent(date)).toMatchObject({ listed: 2, present: 1 });
    const month = async () => (await getBooks(env.db, world.ids.groupA)).activity.months[date.slice(0, 7)];
    const before = (await month())!;
    await correctMeeting(world.token.treasurerA, { date, attendance: allPresent() });
    expect(await recent(date)).toMatchObject({ listed: 2, present: 2 });
    expect((await month())!.present).toBe(before.present + 1);
    const next = await meeting();
    expect(await recent(date)).toMatchObject({ present: 2 });
    expect(await recent(next)).toMatchObject({ present: 1 });
  });

  it('the treasurer corrects the minutes; the money of the meeting is untouched', async () => {
    const date = await meeting();
    const books = await getBooks(env.db, world.ids.groupA);
    const r = await correctMeeting(world.token.treasurerA, {
      date,
      minutes: [{ agendaItem: 'ទិញសម្ភារៈ', discussed: true, decision: 'សមាជិក ៣ នាក់នឹងទិញ' }],
      reason: 'three, not two',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.correctMeeting.corrections[0]).toMatchObject({
      attendance: null,
      minutes: [{ agendaItem: 'ទិញសម្ភារៈ', decision: 'សមាជិក ៣ នាក់នឹងទិញ' }],
      minutesBefore: [{ agendaItem: 'ទិញសម្ភារៈ', decision: 'សមាជិក ២ នាក់នឹងទិញ' }],
    });
    const after = await getBooks(env.db, world.ids.groupA);
    expect(after.balances).toEqual(books.balances);
    expect(after.activity).toEqual(books.activity);
  });

  it('two corrections in a row are kept in order, each knowing what it replaced', async () => {
    const date = await meeting();
    await correctMeeting(world.token.treasurerA, { date, attendance: allPresent() });
    const r = await correctMeeting(world.token.treasurerA, {
      date,
      attendance: founders.map((memberId) => ({ memberId, status: 'REPRESENTED' })),
      reason: 'sent her sister',
    });
    const [first, second] = r.data!.correctMeeting.corrections;
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.attendanceBefore.map((a: any) => a.status)).toEqual(['PRESENT', 'PRESENT']);
    expect(second.attendance.map((a: any) => a.status)).toEqual(['REPRESENTED', 'REPRESENTED']);
  });

  it.each([
    ['no meeting on that day', () => ({ date: '2020-02-29', minutes: [] }), 'input.date', 'NOT_FOUND'],
    [
      'nothing that differs (attendance in another order)',
      () => ({
        attendance: [...founders]
          .reverse()
          .map((memberId, i) => ({ memberId, status: i === 1 ? 'PRESENT' : 'ABSENT' })),
      }),
      'input',
      'BAD_USER_INPUT',
    ],
    ['nothing at all', () => ({}), 'input', 'BAD_USER_INPUT'],
    [
      'a member left out of the attendance',
      () => ({ attendance: allPresent().slice(1) }),
      'input.attendance',
      'BAD_USER_INPUT',
    ],
    [
      'someone who was not a member that day',
      () => ({ attendance: [...allPresent(), { memberId: world.ids.memberB, status: 'PRESENT' }] }),
      'input.attendance.2.memberId',
      'BAD_USER_INPUT',
    ],
    ['no reason', () => ({ minutes: [], reason: '' }), 'input.reason', 'BAD_USER_INPUT'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, patch, field, code) => {
    const date = await meeting();
    const before = await snapshot(env);
    const r = await correctMeeting(world.token.treasurerA, { date, ...patch() });
    expect(r.errors![0]!.extensions).toMatchObject({ code, field });
    expect(await snapshot(env)).toBe(before);
  });

  it("the president, another group's treasurer and a coordinator are refused, and nothing changes", async () => {
    const date = await meeting();
    const before = await snapshot(env);
    for (const [t, code] of [
      [world.token.presidentA, 'FORBIDDEN'],
      [world.token.treasurerB, 'NOT_FOUND'],
      [world.token.coordinatorTop, 'FORBIDDEN'],
      [world.token.ngoStaff, 'FORBIDDEN'],
    ] as const) {
      expect((await correctMeeting(t, { date, attendance: allPresent() })).errors![0]!.extensions!.code).toBe(code);
    }
    expect(await snapshot(env)).toBe(before);
  });
});
