/**
 * Integration tier: the credit profile a bank reads under its grant — scopes per part, "not enough
 * history", and a cost that stays flat with years of books (measured with ReturnConsumedCapacity).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meterCapacity } from '#store/metering.ts';
import { addMonths } from '#core/loans.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
const clock = testClock('2026-11-22T03:00:00.000Z');

const PROFILE = `query($g: ID!, $from: Date!, $to: Date!, $card: ScorecardName) { bankView(groupId: $g, from: $from, to: $to) { creditProfile(scorecard: $card, requestedAmount: "2000000") {
  asOf currency
  savings { total perMember memberCount monthly { month saved } }
  loanBook { outstanding utilisationBasisPoints par30BasisPoints repaymentRateBasisPoints writtenOffLast12Months }
  bankLoans { record loans { id } }
  meetings { monthly { month meetings attendanceBasisPoints } attendanceLast4BasisPoints attendanceLast12BasisPoints heldLast12Months expectedLast12Months regularityBasisPoints medianDaysToRecord groupAgeMonths monthsOfBooksInKrom }
  grade { scorecard version eligible notEligibleReason notEligibleReasonKm points maxPoints grade decision loanCap indicators { key value points max reason reasonKm } }
  suggestedLoan { ready amount multiple rule ruleKm notYetReason toImprove { key } } } } }`;

/** A group of 10 women with a constitution, `months` monthly meetings ending last month, and a grant to the bank. */
async function groupWithHistory(months: number, granted = { from: '2019-01-01', to: '2026-12-31' }): Promise<string> {
  const groupId = (
    await graphqlOk(env.app, world.token.admin, M.createGroup, {
      input: {
        idempotencyKey: ikey(),
        name: `History ${months}`,
        placeCode: '020901',
        currency: 'KHR',
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
        formedOn: '2019-01-01',
      },
    })
  ).createGroup.id;
  const treasurer = `cp-${ikey()}`;
  await graphqlOk(env.app, world.token.admin, M.createUser, {
    input: { idempotencyKey: ikey(), userId: treasurer, displayName: 't' },
  });
  await graphqlOk(env.app, world.token.admin, M.appointOfficer, {
    input: { idempotencyKey: ikey(), groupId, userId: treasurer, role: 'TREASURER', from: '2019-01-01' },
  });
  const t = await env.tokenFor(treasurer);
  const members: string[] = [];
  for (let i = 0; i < 10; i++) {
    members.push(
      (
        await graphqlOk(env.app, t, M.addMember, {
          input: { idempotencyKey: ikey(), groupId, name: `សមាជិក ${i}`, sex: 'FEMALE', joinedOn: '2019-01-01' },
        })
      ).addMember.id,
    );
  }
  await graphqlOk(env.app, t, B.setConstitution, {
    input: constitution(groupId, ikey(), { effectiveFrom: '2019-01-01' }),
  });
  const meetings = Array.from({ length: months }, (_, k) => {
    const date = `${addMonths('2026-11-03', k - months + 1)}`;
    return {
      idempotencyKey: ikey(),
      groupId,
      date,
      attendance: members.map((memberId, i) => ({ memberId, status: i === k % 10 ? 'ABSENT' : 'PRESENT' })),
      minutes: [{ agendaItem: 'ការសន្សំ', discussed: true, decision: 'បាទ' }],
      entries: [
        ...members.map((memberId, i) => ({ id: `s${i}`, kind: 'SAVING', amount: '5000', memberId })),
        ...(k === months - 1
          ? [{ id: `loan-${k}`, kind: 'LOAN_DISBURSEMENT', amount: '10000', memberId: members[0], termMonths: 6 }]
          : []),
      ],
    };
  });
  // Each meeting is recorded two days after it was held, as a prompt treasurer would.
  for (const meeting of meetings) {
    clock.set(
      `${addMonths(meeting.date, 0).slice(0, 8)}${String(Number(meeting.date.slice(8)) + 2).padStart(2, '0')}T03:00:00.000Z`,
    );
    await graphqlOk(env.app, t, B.recordMeeting, { input: meeting });
  }
  clock.set('2026-11-22T03:00:00.000Z');
  const requestId = (
    await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId,
        purpose: 'LOAN_ASSESSMENT',
        scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'MEETING_DISCIPLINE', 'CREDIT_GRADE', 'BANK_LOAN_HISTORY'],
        dataRange: granted,
        durationMonths: 6,
      },
    })
  ).requestAccess.id;
  await graphqlOk(env.app, t, A.approve, { input: { idempotencyKey: ikey(), groupId, requestId } });
  return groupId;
}

let young: string;
let old: string;
let narrow: string;
beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
  young = await groupWithHistory(1);
  old = await groupWithHistory(60); // five years of monthly meetings
  narrow = await groupWithHistory(12, { from: '2026-09-22', to: '2026-11-22' }); // a year of books, two months granted
}, 300_000);

describe('the credit profile', () => {
  it('explains the grade of a group with five years of books', async () => {
    const r = await graphqlOk(env.app, world.token.bankOfficer, PROFILE, {
      g: old,
      from: '2021-01-01',
      to: '2026-11-22',
    });
    const p = r.bankView.creditProfile;
    expect(p.savings).toMatchObject({ total: String(60 * 10 * 5000), perMember: String(60 * 5000), memberCount: 10 });
    expect(p.savings.monthly).toHaveLength(12);
    expect(p.savings.monthly.at(-1)).toEqual({ month: '2026-10', saved: '50000' }); // complete months only
    // The loan was made on 2026-11-03; nothing is due yet, so nothing is overdue.
    expect(p.loanBook).toMatchObject({
      outstanding: '10000',
      par30BasisPoints: 0,
      repaymentRateBasisPoints: 10000,
      writtenOffLast12Months: '0',
    });
    expect(p.bankLoans).toEqual({ record: 'NONE', loans: [] });
    expect(p.meetings).toMatchObject({
      heldLast12Months: 12,
      expectedLast12Months: 12,
      regularityBasisPoints: 10000,
      attendanceLast12BasisPoints: 9000,
      medianDaysToRecord: 2,
    });
    // The attendance trend: the same 12 complete months as the savings chart, 9 of 10 present in each.
    expect(p.meetings.monthly.map((m: any) => m.month)).toEqual(p.savings.monthly.map((m: any) => m.month));
    expect(p.meetings.monthly.at(-1)).toEqual({ month: '2026-10', meetings: 1, attendanceBasisPoints: 9000 });
    expect(p.grade).toMatchObject({ scorecard: 'BANK_LINKAGE', version: 1, eligible: true, maxPoints: 100 });
    // meetings 20, savings 20 (100%), lending 0 (10,000 of 3,000,000), repayment 20, books 20 → 80: B
    expect(p.grade.indicators.map((i: any) => [i.key, i.points])).toEqual([
      ['REGULAR_MEETINGS', 20],
      ['REGULAR_SAVINGS', 20],
      ['INTERNAL_LENDING', 0],
      ['TIMELY_REPAYMENT', 20],
      ['BOOKS_UP_TO_DATE', 20],
    ]);
    expect(p.grade).toMatchObject({ points: 80, grade: 'B' });
    expect(p.suggestedLoan).toMatchObject({ amount: String(2 * 3_000_000), multiple: 2 });
    for (const i of p.grade.indicators) expect(i.reasonKm).toMatch(/[\u1780-\u17FF]/);
    const vsla = (
      await graphqlOk(env.app, world.token.bankOfficer, PROFILE, {
        g: old,
        from: '2021-01-01',
        to: '2026-11-22',
        card: 'VSLA',
      })
    ).bankView.creditProfile.grade;
    expect(vsla).toMatchObject({ scorecard: 'VSLA', version: 1, eligible: true });
    expect(vsla.loanCap).toBe(String((5n * 300_000n) / 6n)); // 5 × average monthly deposits (50,000)
  });

  it('rests every figure on data dated inside the granted range only', async () => {
    const r = await graphqlOk(env.app, world.token.bankOfficer, PROFILE, {
      g: narrow,
      from: '2026-09-22',
      to: '2026-11-22',
    });
    const p = r.bankView.creditProfile;
    // The group has a year of books; the grant starts on 2026-09-22: September is only partly inside.
    expect(p.savings.monthly).toEqual([{ month: '2026-10', saved: '50000' }]);
    expect(p.meetings.monthly).toEqual([{ month: '2026-10', meetings: 1, attendanceBasisPoints: 9000 }]);
    expect(JSON.stringify(p)).not.toMatch(/2026-0[1-8]/);
    expect(p.meetings).toMatchObject({
      heldLast12Months: 1,
      expectedLast12Months: 1,
      attendanceLast12BasisPoints: 9000,
      monthsOfBooksInKrom: 2,
    });
    expect(p.grade).toMatchObject({ eligible: false, grade: null, indicators: [] });
    expect(p.grade.notEligibleReason).toBe(
      'Not enough history in the range you were granted: 2 month(s) from 2026-09-22; at least 6 are needed.',
    );
    expect(p.grade.notEligibleReasonKm).toMatch(/រយៈពេលដែលអ្នកត្រូវបានអនុញ្ញាត/);
    expect(p.suggestedLoan).toMatchObject({ amount: '0', multiple: 0 });
    // Asking for more than was granted is refused, not answered from more.
    const wider = await graphql(env.app, world.token.bankOfficer, PROFILE, {
      g: narrow,
      from: '2026-08-01',
      to: '2026-11-22',
    });
    expect(wider.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // The same group read under a wide grant is graded on the months it covers.
    const meetingsOnly = await graphqlOk(
      env.app,
      world.token.bankOfficer,
      'query($g: ID!) { bankView(groupId: $g, from: "2026-10-01", to: "2026-10-31") { creditProfile { meetings { heldLast12Months medianDaysToRecord } } } }',
      { g: narrow },
    );
    expect(meetingsOnly.bankView.creditProfile.meetings).toEqual({ heldLast12Months: 1, medianDaysToRecord: 2 });
  });

  it('a group with one month of books gets "not enough history", not a grade', async () => {
    const r = await graphqlOk(env.app, world.token.bankOfficer, PROFILE, {
      g: young,
      from: '2021-01-01',
      to: '2026-11-22',
    });
    expect(r.bankView.creditProfile.grade).toMatchObject({ eligible: false, grade: null, points: 0, indicators: [] });
    expect(r.bankView.creditProfile.grade.notEligibleReason).toMatch(/Not enough history/);
    // A month with no meeting is a gap in the trend, never 0% attendance.
    const trend = r.bankView.creditProfile.meetings.monthly;
    expect(trend).toHaveLength(12);
    expect(trend.filter((m: any) => m.meetings === 0).every((m: any) => m.attendanceBasisPoints === null)).toBe(true);
    expect(trend.filter((m: any) => m.meetings === 0).length).toBeGreaterThan(0);
  });

  it('a bank without the credit-grade scope cannot read the grade, even with every other scope', async () => {
    const groupId = world.ids.groupA;
    await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, { input: constitution(groupId, ikey()) });
    const requestId = (
      await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
        input: {
          idempotencyKey: ikey(),
          groupId,
          purpose: 'LOAN_ASSESSMENT',
          scopes: ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'MEETING_DISCIPLINE'],
          dataRange: { from: '2019-01-01', to: '2026-12-31' },
          durationMonths: 3,
        },
      })
    ).requestAccess.id;
    await graphqlOk(env.app, world.token.treasurerA, A.approve, {
      input: { idempotencyKey: ikey(), groupId, requestId },
    });
    const parts = await graphql(
      env.app,
      world.token.bankOfficer,
      'query($g: ID!) { bankView(groupId: $g, from: "2020-01-01", to: "2026-11-22") { creditProfile { savings { total } loanBook { outstanding } meetings { heldLast12Months } } } }',
      { g: groupId },
    );
    expect(parts.errors).toBeUndefined();
    for (const field of ['grade { grade }', 'suggestedLoan { amount }']) {
      const r = await graphql(
        env.app,
        world.token.bankOfficer,
        `query($g: ID!) { bankView(groupId: $g, from: "2020-01-01", to: "2026-11-22") { creditProfile { ${field} } } }`,
        { g: groupId },
      );
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain('CREDIT_GRADE');
      expect(r.data).toBeNull();
    }
  });

  it('costs the same DynamoDB requests, and at most 1.1× the read capacity, for five years of books as for one month', async () => {
    const meter = meterCapacity(env.db);
    try {
      const measure = async (groupId: string) => {
        meter.reset();
        await graphqlOk(env.app, world.token.bankOfficer, PROFILE, {
          g: groupId,
          from: '2021-01-01',
          to: '2026-11-22',
        });
        return { requests: meter.requests, readUnits: meter.readUnits, byCommand: { ...meter.byCommand } };
      };
      const small = await measure(young);
      const large = await measure(old);
      console.log(`credit profile: 1 month ${JSON.stringify(small)}; 5 years ${JSON.stringify(large)}`);
      expect(large.requests).toBe(small.requests);
      expect(large.byCommand).toEqual(small.byCommand);
      expect(small.readUnits).toBeGreaterThan(0);
      expect(large.readUnits).toBeLessThanOrEqual(small.readUnits * 1.1);
    } finally {
      meter.stop();
    }
  });
});
