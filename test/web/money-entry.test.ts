/** Unit tier: money moved between meetings becomes one recordEntries entry, checked first. */
import { describe, expect, it } from 'vitest';
import type { Constitution } from '#core/constitution.ts';
import { emptyBooks, postEntries } from '#core/ledger.ts';
import {
  checkMoney,
  MONEY_KINDS,
  moneyKinds,
  needs,
  owedBy,
  type MoneyForm,
  type MoneyLoan,
} from '../../web/officers/money-entry.ts';

const memberLoan: MoneyLoan = {
  id: 'L1',
  principalPaid: '0',
  interestPaid: '0',
  member: { id: 'b' },
  schedule: [
    { dueOn: '2026-10-01', total: '11500' },
    { dueOn: '2026-11-01', total: '11000' },
  ],
};
const bankLoan: MoneyLoan = {
  id: 'B1',
  principalPaid: '100000',
  interestPaid: '4500',
  schedule: [
    { dueOn: '2026-04-01', total: '104500' },
    { dueOn: '2026-05-01', total: '103000' },
    { dueOn: '2026-06-01', total: '101500' },
  ],
};
const context = { currency: 'KHR' as const, cash: 150000n, memberLoans: [memberLoan], bankLoans: [bankLoan] };
const form = (over: Partial<MoneyForm>): MoneyForm => ({
  kind: 'BANK_DEPOSIT',
  amount: '',
  memberId: '',
  loanId: '',
  payoutReason: 'ILLNESS',
  note: '',
  ...over,
});

describe('money between meetings', () => {
  it('a bank deposit takes cash out of the box; a withdrawal brings it back', () => {
    expect(checkMoney(form({ amount: '100,000' }), context)).toEqual({
      entry: { id: 'e1', kind: 'BANK_DEPOSIT', amount: '100000' },
      cashAfter: 50000n,
      problems: {},
    });
    expect(checkMoney(form({ kind: 'BANK_WITHDRAWAL', amount: '20000' }), context).cashAfter).toBe(170000n);
  });

  it('refuses more cash out than the box holds, a missing or broken amount', () => {
    expect(checkMoney(form({ amount: '150001' }), context).problems).toEqual({ cash: 'errCashShort' });
    expect(checkMoney(form({ amount: '150000' }), context).problems).toEqual({});
    for (const amount of ['', '0', '12.5', 'abc', '-5']) {
      const checked = checkMoney(form({ amount }), context);
      expect(checked.problems.amount).toBe('errAmount');
      expect(checked.entry).toBeNull();
    }
  });

  it('a bank loan repayment names the loan; a member repayment names the loan and its borrower', () => {
    expect(checkMoney(form({ kind: 'BANK_LOAN_REPAYMENT', amount: '103000' }), context).problems).toEqual({
      loan: 'errChooseLoan',
    });
    // A member's loan id is not one of the bank's.
    expect(checkMoney(form({ kind: 'BANK_LOAN_REPAYMENT', amount: '1', loanId: 'L1' }), context).problems).toEqual({
      loan: 'errChooseLoan',
    });
    expect(checkMoney(form({ kind: 'BANK_LOAN_REPAYMENT', amount: '103000', loanId: 'B1' }), context)).toMatchObject({
      entry: { kind: 'BANK_LOAN_REPAYMENT', amount: '103000', loanId: 'B1' },
      cashAfter: 47000n,
    });
    expect(checkMoney(form({ kind: 'REPAYMENT', amount: '11500', loanId: 'L1' }), context)).toMatchObject({
      entry: { kind: 'REPAYMENT', amount: '11500', loanId: 'L1', memberId: 'b' },
      cashAfter: 161500n,
    });
  });

  it('a payout names the member and the reason; savings paid out name the member', () => {
    expect(checkMoney(form({ kind: 'SOCIAL_FUND_PAYOUT', amount: '20000' }), context).problems).toEqual({
      member: 'errChooseMember',
    });
    expect(
      checkMoney(form({ kind: 'SOCIAL_FUND_PAYOUT', amount: '20000', memberId: 'a', payoutReason: 'FUNERAL' }), context)
        .entry,
    ).toEqual({ id: 'e1', kind: 'SOCIAL_FUND_PAYOUT', amount: '20000', memberId: 'a', payoutReason: 'FUNERAL' });
    expect(checkMoney(form({ kind: 'SAVINGS_WITHDRAWAL', amount: '5000', memberId: 'a' }), context).entry).toEqual({
      id: 'e1',
      kind: 'SAVINGS_WITHDRAWAL',
      amount: '5000',
      memberId: 'a',
    });
  });

  it('the group’s own income and expenses say what they were for', () => {
    expect(checkMoney(form({ kind: 'OTHER_EXPENSE', amount: '8000', note: '  ' }), context).problems).toEqual({
      note: 'errWhatFor',
    });
    expect(checkMoney(form({ kind: 'OTHER_INCOME', amount: '8000', note: ' sold rice ' }), context).entry).toEqual({
      id: 'e1',
      kind: 'OTHER_INCOME',
      amount: '8000',
      note: 'sold rice',
    });
  });

  it('dollars are cents', () => {
    const usd = { ...context, currency: 'USD' as const, cash: 10000n };
    expect(checkMoney(form({ amount: '12.50' }), usd)).toMatchObject({ entry: { amount: '1250' }, cashAfter: 8750n });
    expect(checkMoney(form({ amount: '12.505' }), usd).problems.amount).toBe('errAmount');
  });

  it('each kind asks for exactly what it needs', () => {
    const asked = Object.fromEntries(
      moneyKinds.map((k) => [
        k,
        Object.entries(needs(k))
          .filter(([, v]) => v)
          .map(([n]) => n),
      ]),
    );
    expect(asked).toEqual({
      BANK_DEPOSIT: [],
      BANK_WITHDRAWAL: [],
      BANK_LOAN_REPAYMENT: ['bankLoan'],
      OTHER_INCOME: ['note'],
      OTHER_EXPENSE: ['note'],
      SAVINGS_WITHDRAWAL: ['member'],
      REPAYMENT: ['memberLoan'],
      SOCIAL_FUND_PAYOUT: ['member', 'payoutReason'],
    });
  });

  it('the amount prefilled for a loan is what its schedule says is owed by the day', () => {
    expect(owedBy(bankLoan, '2026-05-10')).toBe(103000n);
    expect(owedBy(bankLoan, '2026-03-31')).toBe(0n);
    expect(owedBy(memberLoan, '2026-11-01')).toBe(22500n);
    expect(owedBy(undefined, '2026-11-01')).toBe(0n);
  });
});

describe('which way each kind moves the cash box', () => {
  it('is what the ledger itself does with it, for every kind the screen offers', () => {
    const constitution: Constitution = {
      groupId: 'g',
      effectiveFrom: '2020-01-01',
      meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
      regularSaving: 5_000n,
      monthlyInterestBasisPoints: 200,
      interestMethod: 'FLAT',
      maxLoanToSavingsPercent: 300,
      maxLoanTermMonths: 12,
      absenceFine: 0n,
      lateRepaymentFine: 0n,
      socialFundContribution: 0n,
      recordedBy: 'u',
      recordedAt: '2020-01-01T00:00:00Z',
    };
    const ctx = {
      date: '2026-01-05',
      constitution,
      members: new Map([['m1', { joinedOn: '2020-01-01', leftOn: null }]]),
      bankLoanOffers: new Map([
        ['B1', { bankId: 'bank', monthlyRateBasisPoints: 100, method: 'DECLINING_BALANCE' as const, termMonths: 6 }],
      ]),
      field: 'input.entries',
    };
    // Books with something of everything: savings, a social fund, money at the bank, a member's loan, a bank's loan.
    const { books } = postEntries(
      emptyBooks(),
      [
        { id: 's', kind: 'SAVING', amount: 500_000n, memberId: 'm1' },
        { id: 'c', kind: 'SOCIAL_FUND_CONTRIBUTION', amount: 50_000n, memberId: 'm1' },
        { id: 'd', kind: 'BANK_DEPOSIT', amount: 100_000n },
        { id: 'L1', kind: 'LOAN_DISBURSEMENT', amount: 100_000n, memberId: 'm1', termMonths: 6 },
        { id: 'B1', kind: 'BANK_LOAN_RECEIVED', amount: 600_000n },
      ],
      ctx,
    );
    for (const kind of moneyKinds) {
      const loanId = kind === 'REPAYMENT' ? 'L1' : kind === 'BANK_LOAN_REPAYMENT' ? 'B1' : undefined;
      const memberId = needs(kind).member || kind === 'REPAYMENT' ? 'm1' : undefined;
      const entry = {
        id: 'e1',
        kind,
        amount: 1_000n,
        ...(memberId ? { memberId } : {}),
        ...(loanId ? { loanId } : {}),
        ...(kind === 'SOCIAL_FUND_PAYOUT' ? { payoutReason: 'ILLNESS' as const } : {}),
      };
      const after = postEntries(books, [entry], { ...ctx, date: '2026-01-06' }).books;
      expect([kind, after.balances.cash - books.balances.cash]).toEqual([kind, BigInt(MONEY_KINDS[kind]) * 1_000n]);
    }
  });
});
