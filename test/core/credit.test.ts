/** Unit tier: scorecards against hand-computed examples and at every band boundary. */
import { describe, expect, it } from 'vitest';
import { emptyActivity, emptyMonth, type Activity } from '#core/activity.ts';
import {
  activityWithin,
  creditFacts,
  lastMonths,
  monthsOfBooks,
  monthWithin,
  ratioBp,
  score,
  suggestedLoan,
  type CreditFacts,
} from '#core/credit.ts';

const asOf = '2026-11-22';

/** Facts with `months` of steady activity before asOf; each month as given. */
function facts(
  over: Partial<CreditFacts> = {},
  month: Partial<ReturnType<typeof emptyMonth>> = {},
  monthsKept = 24,
): CreditFacts {
  const activity: Activity = emptyActivity();
  for (const m of lastMonths(asOf, monthsKept))
    activity.months[m] = { ...emptyMonth(), meetings: 1, listed: 16, present: 14, saved: 80_000n, ...month };
  activity.recentMeetings = lastMonths(asOf, 12).map((m) => ({
    date: `${m}-03`,
    listed: 16,
    present: 14,
    recordedAfterDays: 2,
  }));
  return {
    asOf,
    formedOn: '2011-03-01',
    firstPostedOn: `${lastMonths(asOf, monthsKept)[0]}-03`,
    lastPostedOn: '2026-11-03',
    memberCount: 16,
    frequency: 'MONTHLY',
    constitution: { regularSaving: 5_000n, maxLoanToSavingsPercent: 300 },
    totalSavings: 1_248_000n, // Ta Taok (seed 000)
    loansOutstanding: 800_000n,
    par30BasisPoints: 0,
    atRisk90: 0n,
    activity,
    bankLoanRecord: 'NONE',
    range: null,
    ...over,
  };
}
const points = (r: ReturnType<typeof score>, key: string) => r.indicators.find((i) => i.key === key)!.points;

describe('bank-linkage scorecard v1', () => {
  it('Ta Taok, as the seed tells it: steady meetings, full savings, 64% lent, no arrears → A', () => {
    const r = score(facts(), 'BANK_LINKAGE');
    expect(r).toMatchObject({ scorecard: 'BANK_LINKAGE', version: 1, eligible: true, maxPoints: 100 });
    expect(r.indicators.map((i) => [i.key, i.points])).toEqual([
      ['REGULAR_MEETINGS', 20],
      ['REGULAR_SAVINGS', 20], // 80,000 a month against 16 × 5,000
      ['INTERNAL_LENDING', 20], // 800,000 / 1,248,000 = 64.1%
      ['TIMELY_REPAYMENT', 20],
      ['BOOKS_UP_TO_DATE', 20],
    ]);
    expect(r).toMatchObject({ points: 100, grade: 'A' });
    for (const i of r.indicators) expect(i.reason.km).toMatch(/[\u1780-\u17FF]/);
  });

  it('needs 6 months of books: 5 gives "not enough history", not a grade', () => {
    const r = score(facts({ firstPostedOn: '2026-06-23' }), 'BANK_LINKAGE');
    expect(r).toMatchObject({ eligible: false, grade: null, indicators: [] });
    expect(r.notEligibleReason!.en).toMatch(/Not enough history: 4 month/);
    expect(score(facts({ firstPostedOn: '2026-05-22' }), 'BANK_LINKAGE').eligible).toBe(true);
  });

  it.each([
    [6, 20],
    [5, 15],
    [4, 10],
    [3, 10],
    [2, 0], // 6/6=100%, 5/6=83%, 4/6=67%, 3/6=50%, 2/6=33%
  ])('meetings: %i of 6 → %i points', (held, expected) => {
    const f = facts();
    for (const [i, m] of lastMonths(asOf, 6).entries()) f.activity.months[m]!.meetings = i < held ? 1 : 0;
    expect(points(score(f, 'BANK_LINKAGE'), 'REGULAR_MEETINGS')).toBe(expected);
  });

  it.each([
    [9000, 20],
    [8999, 15],
    [7500, 15],
    [7499, 10],
    [5000, 10],
    [4999, 0],
  ])('savings at %i bp of expected → %i points', (bp, expected) => {
    // expected = 16 members × 5,000 × 6 meetings = 480,000; saved = bp × 48 over 6 months
    const perMonth = BigInt(bp) * 8n; // × 6 months = bp × 48
    expect(points(score(facts({}, { saved: perMonth }), 'BANK_LINKAGE'), 'REGULAR_SAVINGS')).toBe(expected);
  });

  it.each([
    [600_000n, 20],
    [599_999n, 15],
    [400_000n, 15],
    [399_999n, 10],
    [200_000n, 10],
    [199_999n, 0],
  ])('lending: %i of 1,000,000 saved → %i points', (lent, expected) => {
    expect(
      points(score(facts({ totalSavings: 1_000_000n, loansOutstanding: lent }), 'BANK_LINKAGE'), 'INTERNAL_LENDING'),
    ).toBe(expected);
  });

  it.each([
    [500, 20],
    [501, 15],
    [1000, 15],
    [1001, 10],
    [2000, 10],
    [2001, 0],
  ])('PAR30 %i bp → %i points', (par, expected) => {
    expect(points(score(facts({ par30BasisPoints: par }), 'BANK_LINKAGE'), 'TIMELY_REPAYMENT')).toBe(expected);
  });

  it.each([
    // Each row takes points off a full 100 through real facts, landing on both sides of each grade line.
    ['100 → A', {}, 100, 'A'],
    ['95 → A (lending 15)', { loansOutstanding: 500_000n, totalSavings: 1_000_000n }, 95, 'A'],
    [
      '85 → A (PAR30 in band 15, lending 10)',
      { loansOutstanding: 300_000n, totalSavings: 1_000_000n, par30BasisPoints: 800 },
      85,
      'A',
    ],
    ['80 → B (lending 0)', { loansOutstanding: 100_000n }, 80, 'B'],
    ['75 → B (lending 0, PAR30 15)', { loansOutstanding: 100_000n, par30BasisPoints: 800 }, 75, 'B'],
    ['70 → C (no loans outstanding)', { loansOutstanding: 0n }, 70, 'C'],
  ] as const)('grade lines: %s', (_label, over, total, grade) => {
    const r = score(facts(over as Partial<CreditFacts>), 'BANK_LINKAGE');
    expect(r.points).toBe(total);
    expect(r.grade).toBe(grade);
  });

  it('a bigger savings amount raises the suggested loan by the grade’s multiple', () => {
    const a = score(facts({}), 'BANK_LINKAGE');
    expect(a.grade).toBe('A');
    expect(suggestedLoan(1_248_000n, a, 0)).toMatchObject({
      ready: true,
      amount: 4_992_000n,
      multiple: 4,
      notYet: null,
    });
    const b = score(facts({ loansOutstanding: 100_000n }), 'BANK_LINKAGE');
    expect(suggestedLoan(1_248_000n, b, 0)).toMatchObject({ ready: true, amount: 2_496_000n, multiple: 2 });
  });

  it('a grade C group is not yet ready: no amount, and the indicators that lost marks, weakest first', () => {
    const c = score(facts({ loansOutstanding: 0n }), 'BANK_LINKAGE');
    expect(c.grade).toBe('C');
    const s = suggestedLoan(234_000n, c, 0);
    expect(s).toMatchObject({ ready: false, amount: 0n, multiple: 0 });
    expect(s.notYet!.en).toMatch(/grade C groups are not ready for bank linkage/);
    expect(s.notYet!.km).toMatch(/ថ្នាក់ C/);
    expect(s.toImprove.map((i) => i.key)).toEqual(['INTERNAL_LENDING', 'TIMELY_REPAYMENT']);
    expect(s.rule.en).toMatch(/not yet for grade C/);
  });

  it.each([
    [1000, true],
    [1001, false],
  ])('PAR30 of %i basis points: a suggestion is %s whatever the grade', (par30, ready) => {
    const graded = score(facts({ par30BasisPoints: par30, loansOutstanding: 500_000n }), 'BANK_LINKAGE');
    expect(graded.grade).not.toBe('C');
    const s = suggestedLoan(1_000_000n, graded, par30);
    expect(s.ready).toBe(ready);
    if (!ready) {
      expect(s.amount).toBe(0n);
      expect(s.notYet!.en).toMatch(/more than 30 days late/);
    }
  });

  it('no grade, no suggestion, with the reason', () => {
    const none = score(facts({ firstPostedOn: '2026-09-01' }), 'BANK_LINKAGE');
    const s = suggestedLoan(234_000n, none, 0);
    expect(s).toMatchObject({ ready: false, amount: 0n });
    expect(s.notYet!.en).toMatch(/Not enough history/);
  });
});

describe('VSLA scorecard v1', () => {
  it('needs 3 months of history', () => {
    expect(score(facts({ firstPostedOn: '2026-09-01' }), 'VSLA')).toMatchObject({ eligible: false, decision: null });
    expect(score(facts({ firstPostedOn: '2026-08-22' }), 'VSLA').eligible).toBe(true);
  });

  it.each([
    [7500, 20],
    [7499, 14],
    [5000, 14],
    [4999, 7],
  ])('attendance %i bp → %i hundredths', (bp, expected) => {
    const f = facts({}, { listed: 10000, present: bp });
    expect(points(score(f, 'VSLA'), 'ATTENDANCE')).toBe(expected);
  });

  it('a cycle under 3 months earns no attendance points because it earns no VSLA score at all', () => {
    expect(score(facts({ firstPostedOn: '2026-08-23' }, {}, 3), 'VSLA')).toMatchObject({
      eligible: false,
      indicators: [],
    });
    expect(monthsOfBooks(facts({ firstPostedOn: '2026-08-22' }))).toBe(3);
    expect(points(score(facts({ firstPostedOn: '2026-08-22' }, {}, 3), 'VSLA'), 'ATTENDANCE')).toBe(20);
  });

  it.each([
    [6, 0, 'first cycle'],
    [13, 5, 'second cycle'],
    [24, 15, 'same'],
  ])('share-out growth with %i months of books → %i', (months, expected) => {
    const first = `${lastMonths(asOf, months)[0]}-03`;
    expect(points(score(facts({ firstPostedOn: first }), 'VSLA'), 'SHARE_OUT_GROWTH')).toBe(expected);
  });

  it('share-out: higher → 20, lower → 10 (beyond ±5%)', () => {
    const f = facts();
    for (const m of lastMonths(asOf, 12)) f.activity.months[m]!.saved = 90_000n;
    expect(points(score(f, 'VSLA'), 'SHARE_OUT_GROWTH')).toBe(20);
    for (const m of lastMonths(asOf, 12)) f.activity.months[m]!.saved = 70_000n;
    expect(points(score(f, 'VSLA'), 'SHARE_OUT_GROWTH')).toBe(10);
  });

  it.each([
    [7000, 20],
    [6999, 15],
    [5000, 15],
    [4999, 10],
    [3000, 10],
    [2999, 5],
    [1000, 5],
    [999, 0],
  ])('savings rate %i bp → %i', (bp, expected) => {
    // allowed over 12 meetings: 16 × 5,000 × 12 = 960,000; saved per month = bp × 8
    expect(points(score(facts({}, { saved: BigInt(bp) * 8n }), 'VSLA'), 'SAVINGS_RATE')).toBe(expected);
  });

  it.each([
    [300, 20],
    [301, 15],
    [500, 15],
    [501, 10],
    [1000, 10],
    [1001, 5],
  ])('loan loss %i bp → %i', (bp, expected) => {
    expect(
      points(score(facts({ loansOutstanding: 1_000_000n, atRisk90: BigInt(bp) * 100n }), 'VSLA'), 'LOAN_LOSS'),
    ).toBe(expected);
  });

  it('write-offs this cycle count as losses', () => {
    // 40,000 written off over the cycle against 960,000 still lent: 40,000 / 1,000,000 = 4% → 0.15
    const f = facts({ loansOutstanding: 960_000n });
    f.activity.months[lastMonths(asOf, 1)[0]!]!.writtenOff = 40_000n;
    expect(points(score(f, 'VSLA'), 'LOAN_LOSS')).toBe(15);
  });

  it.each([
    ['NONE', 0],
    ['DEFAULTED_90', 7],
    ['EVER_LATE', 14],
    ['NEVER_LATE', 20],
  ] as const)('previous bank loan %s → %i', (record, expected) => {
    expect(points(score(facts({ bankLoanRecord: record }), 'VSLA'), 'PREVIOUS_BANK_LOAN')).toBe(expected);
  });

  it('decisions at the boundaries: ≤ 0.40 decline, 0.41–0.75 approve at 70%, ≥ 0.76 approve', () => {
    // Ta Taok with no bank loan yet: 20 + 15 + 20 + 20 + 0 = 75 → approve at 70% of the cap.
    const r = score(facts(), 'VSLA', { requestedAmount: 2_000_000n });
    expect(r.points).toBe(75);
    expect(r.decision).toBe('APPROVE_AT_70_PERCENT');
    expect(score(facts({ bankLoanRecord: 'DEFAULTED_90' }), 'VSLA').decision).toBe('APPROVE'); // 82
    const weak = facts(
      { loansOutstanding: 1_000_000n, atRisk90: 200_000n },
      { listed: 100, present: 40, saved: 5_000n },
    );
    const w = score(weak, 'VSLA');
    // attendance 40% → 7; savings per member the same as the cycle before → 15; 6.25% saved → 0; 20% at risk → 5; no bank loan → 0
    expect(w.points).toBe(7 + 15 + 0 + 5 + 0);
    expect(w.decision).toBe('DECLINE');
  });

  it('the cap is the lower of the amount asked and 5× average monthly deposits over 6 months', () => {
    // 80,000 a month → 5 × 80,000 = 400,000
    expect(score(facts(), 'VSLA', { requestedAmount: 2_000_000n }).loanCap).toBe(400_000n);
    expect(score(facts(), 'VSLA', { requestedAmount: 100_000n }).loanCap).toBe(100_000n);
  });
});

describe('helpers', () => {
  it('ratios round down in basis points', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6666);
    expect(ratioBp(-1, 3)).toBe(-3334);
    expect(ratioBp(5, 0)).toBe(0);
  });
  it('complete months before asOf', () => {
    expect(lastMonths('2026-11-22', 3)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(lastMonths('2026-11-22', 2, 12)).toEqual(['2025-09', '2025-10']);
  });
});

describe('facts limited to the granted data range', () => {
  const books = (f: CreditFacts) =>
    ({
      balances: { savings: f.totalSavings, loansOutstanding: f.loansOutstanding },
      loans: {},
      activity: f.activity,
      firstPostedOn: f.firstPostedOn,
      lastPostedOn: f.lastPostedOn,
    }) as never;
  const limited = (from: string, to = asOf) =>
    creditFacts({
      books: books(facts()),
      formedOn: '2011-03-01',
      memberCount: 16,
      frequency: 'MONTHLY',
      constitution: undefined,
      asOf,
      range: { from, to },
    });

  it('a month counts only when every day of it lies inside the range', () => {
    expect(monthWithin('2026-09', { from: '2026-09-22', to: asOf })).toBe(false);
    expect(monthWithin('2026-10', { from: '2026-09-22', to: asOf })).toBe(true);
    expect(monthWithin('2026-02', { from: '2026-02-01', to: '2026-02-28' })).toBe(true);
    expect(monthWithin('2024-02', { from: '2024-02-01', to: '2024-02-28' })).toBe(false); // a leap year's 29th
  });

  it('keeps no month or meeting from before the range, as the bank of issue 12 was shown', () => {
    const activity = activityWithin(facts().activity, { from: '2026-09-22', to: asOf });
    expect(Object.keys(activity.months)).toEqual(['2026-10']);
    expect(activity.recentMeetings.map((m) => m.date)).toEqual(['2026-10-03']);
  });

  it('counts history from the range’s start, and says the range is what is short', () => {
    const f = limited('2026-09-22');
    expect(f.firstPostedOn).toBe('2026-09-22');
    expect(monthsOfBooks(f)).toBe(2);
    const r = score(f, 'BANK_LINKAGE');
    expect(r).toMatchObject({ eligible: false, grade: null });
    expect(r.notEligibleReason!.en).toBe(
      'Not enough history in the range you were granted: 2 month(s) from 2026-09-22; at least 6 are needed.',
    );
    expect(r.notEligibleReason!.km).toMatch(/រយៈពេលដែលអ្នកត្រូវបានអនុញ្ញាត/);
    // The group's own short books are said as before.
    expect(score(facts({ firstPostedOn: '2026-09-01' }), 'BANK_LINKAGE').notEligibleReason!.en).toMatch(
      /^Not enough history: /,
    );
  });

  it('a range long enough grades the group on the months inside it only', () => {
    const f = limited('2025-11-01');
    expect(Object.keys(f.activity.months).every((m) => m >= '2025-11')).toBe(true);
    expect(score(f, 'BANK_LINKAGE').eligible).toBe(true);
  });
});
