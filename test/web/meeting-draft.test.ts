/** Unit tier: a meeting as the officer fills it in becomes recordMeeting's input, checked first. */
import { describe, expect, it } from 'vitest';
import { checkDraft, newDraft, withStatus, type Setup } from '../../web/officers/meeting-draft.ts';
import { dueBy } from '../../web/officers/loans.ts';
import { amountText, parseAmount } from '../../web/format.ts';

const setup: Setup = {
  groupId: 'g',
  currency: 'KHR',
  cash: '100000',
  members: [
    { id: 'a', name: 'Sokha', savings: '50000', leftOn: null },
    { id: 'b', name: 'Dara', savings: '20000', leftOn: null },
    { id: 'c', name: 'Left', savings: '0', leftOn: '2026-01-01' },
  ],
  loans: [
    {
      id: 'L1',
      outstanding: '30000',
      principalPaid: '0',
      interestPaid: '0',
      member: { id: 'b' },
      schedule: [
        { dueOn: '2026-10-01', total: '11500' },
        { dueOn: '2026-11-01', total: '11000' },
        { dueOn: '2026-12-01', total: '10500' },
      ],
    },
  ],
  rules: {
    regularSaving: '5000',
    socialFundContribution: '1000',
    absenceFine: '2000',
    maxLoanToSavingsPercent: 300,
    maxLoanTermMonths: 12,
  },
};

describe('a new meeting', () => {
  it('lists the members of the day, saving the regular saving and the social fund; repayments as scheduled', () => {
    const draft = newDraft(setup, 'key-1', '2026-11-23');
    expect(Object.keys(draft.lines)).toEqual(['a', 'b']);
    expect(draft.lines.a).toEqual({ status: 'PRESENT', saving: '5000', fine: '0', social: '1000' });
    expect(draft.repayments.L1).toBe('22500');
  });

  it('marks an absent member: no saving, the absence fine; back present restores the regular amounts', () => {
    const line = newDraft(setup, 'k', '2026-11-23').lines.a!;
    const absent = withStatus(setup, line, 'ABSENT');
    expect(absent).toEqual({ status: 'ABSENT', saving: '0', social: '0', fine: '2000' });
    expect(withStatus(setup, absent, 'PRESENT')).toEqual(line);
  });
});

describe('checking a meeting', () => {
  it('gives the entries, attendance and the cash box before and after', () => {
    const draft = newDraft(setup, 'key-1', '2026-11-23');
    draft.lines.b = withStatus(setup, draft.lines.b!, 'ABSENT');
    const checked = checkDraft(setup, draft);
    expect(checked.problems).toEqual({});
    expect(checked.input.idempotencyKey).toBe('key-1');
    expect(checked.input.attendance).toEqual([
      { memberId: 'a', status: 'PRESENT' },
      { memberId: 'b', status: 'ABSENT' },
    ]);
    expect(checked.input.entries.map((e) => [e.kind, e.amount])).toEqual([
      ['SAVING', '5000'],
      ['SOCIAL_FUND_CONTRIBUTION', '1000'],
      ['FINE', '2000'],
      ['REPAYMENT', '22500'],
    ]);
    expect([checked.cashBefore, checked.cashIn, checked.cashOut, checked.cashAfter]).toEqual([
      100000n,
      30500n,
      0n,
      130500n,
    ]);
  });

  it('refuses a loan past what the constitution allows her, a term too long and a box that would go below zero', () => {
    const draft = newDraft(setup, 'k', '2026-11-23');
    // Dara: (20,000 saved + 5,000 today) × 3 − 30,000 owed = 45,000 at most.
    draft.loans = [{ id: 'n1', memberId: 'b', amount: '45001', term: '13' }];
    const checked = checkDraft(setup, draft);
    expect(checked.problems['loan:n1:amount']).toEqual({ key: 'errLoanTooBig', value: '45,000 ៛' });
    expect(checked.problems['loan:n1:term']).toEqual({ key: 'errLoanTerm', value: 12 });
    draft.loans = [{ id: 'n1', memberId: 'a', amount: '150000', term: '6' }];
    expect(checkDraft(setup, draft).problems.cash).toEqual({ key: 'errCashShort' });
    draft.loans = [{ id: 'n1', memberId: 'b', amount: '45000', term: '12' }];
    expect(checkDraft(setup, draft).problems).toEqual({});
  });

  it('refuses amounts that are not whole riel, and minutes without an agenda item', () => {
    const draft = newDraft(setup, 'k', '2026-11-23');
    draft.lines.a = { ...draft.lines.a!, saving: '12.5' };
    draft.minutes = [{ agendaItem: ' ', discussed: true, decision: '' }];
    expect(Object.keys(checkDraft(setup, draft).problems).sort()).toEqual(['minutes:0', 'saving:a']);
  });
});

describe('amounts as people type them', () => {
  it('reads riel and dollars exactly, with or without separators', () => {
    expect(parseAmount('1,248,000', 'KHR')).toBe(1248000n);
    expect(parseAmount('12.50', 'USD')).toBe(1250n);
    expect(parseAmount('12.505', 'USD')).toBeNull();
    expect(parseAmount('5.5', 'KHR')).toBeNull();
    expect(parseAmount('', 'KHR')).toBe(0n);
    expect(amountText(1250n, 'USD')).toBe('12.50');
  });

  it('owes the installments due by a day, less what was paid', () => {
    expect(dueBy(setup.loans[0]!, '2026-09-30')).toBe(0n);
    expect(dueBy({ ...setup.loans[0]!, principalPaid: '10000', interestPaid: '1500' }, '2026-11-01')).toBe(11000n);
  });
});
