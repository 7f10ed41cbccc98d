/** Unit tier: records are read back through their entity's schema, never by a blind cast. */
import { describe, expect, it } from 'vitest';
import { keys } from '#store/keys.ts';
import { bankLoanRecord, grantRecord, groupRecord, memberRecord, readRecord } from '#store/records.ts';

const member = {
  id: 'm',
  groupId: 'g',
  name: 'សុខ',
  sex: 'FEMALE',
  phone: null,
  joinedOn: '2021-01-01',
  leftOn: null,
  createdAt: '2021-01-01T00:00:00Z',
};

describe('readRecord', () => {
  it('gives the entity without its keys and tag', () => {
    expect(readRecord(memberRecord, { ...keys.member('g', 'm'), entity: 'Member', ...member })).toEqual(member);
  });

  it('refuses an item that is not the entity, naming its key, the attribute and what is wrong', () => {
    const item = { ...keys.group('g'), entity: 'Group', id: 'g', name: 'x', placeCode: '020901', currency: 'EUR' };
    expect(() => readRecord(groupRecord, item)).toThrow(/GROUP#g \/ GROUP is not a valid Group: currency/);
    expect(() => readRecord(memberRecord, { ...keys.member('g', 'm'), entity: 'Member', ...member, sex: 'F' })).toThrow(
      /sex/,
    );
  });
});

describe('access and bank-loan records', () => {
  const grant = {
    id: 'gr',
    requestId: 'rq',
    groupId: 'g',
    bankId: 'b',
    purpose: 'LOAN_ASSESSMENT',
    scopes: ['SAVINGS_SUMMARY'],
    dataRange: { from: '2025-01-01', to: '2025-12-31' },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2026-07-01T00:00:00Z',
    state: 'ACTIVE',
    approvedBy: 'u',
    history: [{ from: null, to: 'ACTIVE', by: 'u', at: '2026-01-01T00:00:00Z', reason: null }],
  };

  it('reads a grant, and refuses one whose state or scope the enforcement point would not know', () => {
    expect(readRecord(grantRecord, { ...keys.grant('g', 'gr'), entity: 'Grant', ...grant })).toEqual(grant);
    expect(() => readRecord(grantRecord, { ...grant, state: 'ALIVE' })).toThrow(/state/);
    expect(() => readRecord(grantRecord, { ...grant, scopes: ['MEMBER_NAMES'] })).toThrow(/scopes/);
  });

  it('reads a bank loan exactly, past 2^53, with paid amounts absent until paid', () => {
    const loan = {
      id: 'l',
      groupId: 'g',
      bankId: 'b',
      requestedBy: 'u',
      amount: '9007199254740993',
      termMonths: 12,
      purpose: 'rice mill',
      status: 'REQUESTED',
      reasons: null,
      monthlyRateBasisPoints: null,
      disbursedOn: null,
      repaidOn: null,
      maxDaysLate: 0,
      createdAt: '2026-01-01T00:00:00Z',
      history: [],
    };
    const item = { ...keys.bankLoan('g', 'l'), entity: 'BankLoan', ...loan };
    const read = readRecord(bankLoanRecord, item);
    expect(read).toEqual({ ...loan, amount: 9007199254740993n, principalPaid: 0n, interestPaid: 0n });
    expect(() => readRecord(bankLoanRecord, { ...item, amount: 12.5 })).toThrow(/is not a valid BankLoan: amount/);
  });
});
