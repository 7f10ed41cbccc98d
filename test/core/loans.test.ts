/** Unit tier: loan schedules, repayment splits and arrears, against hand-computed examples. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInArrears,
  interestDue,
  par30BasisPoints,
  schedule,
  splitRepayment,
  type LoanTerms,
} from '#core/loans.ts';

// Ta Taok lends at 5% a month (seed 000).
const flat: LoanTerms = {
  principal: 200_000n,
  monthlyRateBasisPoints: 500,
  method: 'FLAT',
  termMonths: 4,
  disbursedOn: '2025-01-07',
};
const declining: LoanTerms = { ...flat, method: 'DECLINING_BALANCE' };
const nothingPaid = { principalPaid: 0n, interestPaid: 0n };

describe('schedule', () => {
  it('flat: 10,000 riel interest every month on 200,000 at 5%', () => {
    expect(schedule(flat)).toEqual([
      { number: 1, dueOn: '2025-02-07', principal: 50_000n, interest: 10_000n },
      { number: 2, dueOn: '2025-03-07', principal: 50_000n, interest: 10_000n },
      { number: 3, dueOn: '2025-04-07', principal: 50_000n, interest: 10_000n },
      { number: 4, dueOn: '2025-05-07', principal: 50_000n, interest: 10_000n },
    ]);
  });
  it('declining balance: 10,000 / 7,500 / 5,000 / 2,500', () => {
    expect(schedule(declining).map((i) => i.interest)).toEqual([10_000n, 7_500n, 5_000n, 2_500n]);
  });
  it('the last installment takes the remainder, and interest rounds half up', () => {
    const s = schedule({
      principal: 100_001n,
      monthlyRateBasisPoints: 250,
      method: 'DECLINING_BALANCE',
      termMonths: 3,
      disbursedOn: '2025-01-31',
    });
    expect(s.map((i) => i.principal)).toEqual([33_333n, 33_333n, 33_335n]);
    expect(s[0]!.interest).toBe(2_500n); // 100,001 × 2.5% = 2,500.025 → 2,500
    expect(s.map((i) => i.dueOn)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
  });
  it('addMonths clamps to the month end and crosses years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('repayments: interest first, then principal', () => {
  it('in the first month, one month of interest is due', () => {
    expect(interestDue(flat, nothingPaid, '2025-01-20')).toBe(10_000n);
    // On the first due date only the first month is owed; the day after, the second has begun.
    expect(splitRepayment(flat, nothingPaid, 60_000n, '2025-02-07')).toEqual({ interest: 10_000n, principal: 50_000n });
    expect(splitRepayment(flat, nothingPaid, 60_000n, '2025-02-08')).toEqual({ interest: 20_000n, principal: 40_000n });
  });
  it('a payment smaller than the interest due pays interest only', () => {
    expect(splitRepayment(flat, nothingPaid, 4_000n, '2025-01-20')).toEqual({ interest: 4_000n, principal: 0n });
  });
  it('paying off early saves the interest of months not begun', () => {
    expect(splitRepayment(declining, nothingPaid, 210_000n, '2025-01-20')).toEqual({
      interest: 10_000n,
      principal: 200_000n,
    });
    expect(splitRepayment(declining, nothingPaid, 210_001n, '2025-01-20')).toBeNull();
  });
});

describe('arrears', () => {
  it('is 0 while payments keep up, and counts from the first unpaid due date', () => {
    expect(daysInArrears(flat, nothingPaid, '2025-02-07')).toBe(0 + 0); // due today, not yet late
    expect(daysInArrears(flat, nothingPaid, '2025-02-08')).toBe(1);
    expect(daysInArrears(flat, { principalPaid: 50_000n, interestPaid: 10_000n }, '2025-03-20')).toBe(13);
    expect(daysInArrears(flat, { principalPaid: 100_000n, interestPaid: 20_000n }, '2025-03-20')).toBe(0);
  });
  it('PAR30 is the outstanding principal more than 30 days late over all outstanding', () => {
    expect(par30BasisPoints([])).toBe(0);
    expect(
      par30BasisPoints([
        { outstanding: 100n, daysInArrears: 31 },
        { outstanding: 300n, daysInArrears: 30 },
      ]),
    ).toBe(2500);
  });
});
