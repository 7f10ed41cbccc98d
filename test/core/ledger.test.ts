/**
 * Unit tier: the ledger rules. Property: any sequence of postings and reversals, valid or not,
 * keeps every balance equal to the sum of the entries and never below zero where money is held.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Constitution } from '#core/constitution.ts';
import { ValidationError } from '#core/errors.ts';
import {
  emptyBooks,
  postEntries,
  reverseEntry,
  sumEffects,
  type Books,
  type EntryInput,
  type EntryKind,
  type MemberFacts,
  type PostedEntry,
} from '#core/ledger.ts';

const constitution: Constitution = {
  groupId: 'g',
  effectiveFrom: '2020-01-01',
  meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
  regularSaving: 5_000n,
  monthlyInterestBasisPoints: 500,
  interestMethod: 'FLAT',
  maxLoanToSavingsPercent: 300,
  maxLoanTermMonths: 12,
  absenceFine: 1_000n,
  lateRepaymentFine: 2_000n,
  socialFundContribution: 500n,
  recordedBy: 'u',
  recordedAt: '2020-01-01T00:00:00Z',
};
const members = new Map<string, MemberFacts>(
  ['m1', 'm2', 'm3'].map((id) => [id, { joinedOn: '2020-01-01', leftOn: null }]),
);
const ctx = (date: string) => ({ date, constitution, members, field: 'input.entries' });

function check(books: Books, all: PostedEntry[]) {
  expect(books.balances).toEqual(sumEffects(all));
  for (const a of ['cash', 'bank', 'savings', 'loansOutstanding', 'socialFund'] as const)
    expect(books.balances[a] >= 0n).toBe(true);
  for (const m of Object.values(books.members)) expect(m.savings >= 0n).toBe(true);
  const perMember = new Map<string, bigint>();
  for (const e of all)
    if (e.memberSavings !== 0n) perMember.set(e.memberId!, (perMember.get(e.memberId!) ?? 0n) + e.memberSavings);
  for (const [id, total] of perMember) expect(books.members[id]?.savings ?? 0n).toBe(total);
  const owed = Object.values(books.loans).reduce((s, l) => s + l.principal - l.principalPaid, 0n);
  expect(books.balances.loansOutstanding).toBe(owed);
  for (const l of Object.values(books.loans)) expect(l.principalPaid >= 0n && l.principalPaid < l.principal).toBe(true);
}

const KINDS: EntryKind[] = [
  'SAVING',
  'SAVINGS_WITHDRAWAL',
  'LOAN_DISBURSEMENT',
  'REPAYMENT',
  'FINE',
  'SOCIAL_FUND_CONTRIBUTION',
  'SOCIAL_FUND_PAYOUT',
  'BANK_DEPOSIT',
  'BANK_WITHDRAWAL',
  'OTHER_INCOME',
  'OTHER_EXPENSE',
];

const operation = fc.oneof(
  fc.record({
    type: fc.constant('post' as const),
    day: fc.integer({ min: 0, max: 20 }),
    entries: fc.array(
      fc.record({
        // Savings come often, so that there is money to lend, withdraw and pay out.
        kind: fc.constantFrom<EntryKind>('SAVING', 'SAVING', 'SAVING', 'REPAYMENT', 'REPAYMENT', ...KINDS),
        amount: fc.oneof(
          { arbitrary: fc.bigInt({ min: 1n, max: 150_000n }), weight: 19 },
          { arbitrary: fc.bigInt({ min: -5n, max: 0n }), weight: 1 },
        ),
        member: fc.oneof(
          { arbitrary: fc.constantFrom('m1', 'm2', 'm3'), weight: 19 },
          { arbitrary: fc.constant('ghost'), weight: 1 },
        ),
        loanPick: fc.nat(),
        termMonths: fc.integer({ min: 1, max: 13 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({ type: fc.constant('reverse' as const), pick: fc.nat() }),
);

describe('ledger property', () => {
  it('balances always equal the sum of the entries and never go below zero', () => {
    let ids = 0;
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40, size: 'medium' }), (ops) => {
        let books = emptyBooks();
        const all: PostedEntry[] = [];
        let date = '2024-01-01';
        for (const op of ops) {
          try {
            if (op.type === 'post') {
              date = new Date(Date.parse(`${date}T00:00:00Z`) + op.day * 86_400_000).toISOString().slice(0, 10);
              const loanIds = Object.keys(books.loans);
              const entries: EntryInput[] = op.entries.map((e) => ({
                id: `e${ids++}`,
                kind: e.kind,
                amount: e.amount,
                memberId: e.kind === 'REPAYMENT' ? null : e.member,
                loanId: loanIds.length ? loanIds[e.loanPick % loanIds.length] : 'none',
                termMonths: e.termMonths,
                payoutReason: 'ILLNESS',
              }));
              const before = structuredClone(books);
              const result = postEntries(books, entries, ctx(date));
              expect(books).toEqual(before); // the input books are never changed
              books = result.books;
              all.push(...result.posted);
              accepted++;
            } else {
              const candidates = all.filter((e) => e.kind !== 'REVERSAL');
              if (!candidates.length) continue;
              const result = reverseEntry(
                books,
                candidates[op.pick % candidates.length]!,
                `r${ids++}`,
                date,
                'input.entryRef',
              );
              books = result.books;
              all.push(result.posted);
            }
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            refused++;
          }
          check(books, all);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both paths, or the property proves nothing.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });
});

describe('ledger rules', () => {
  const saved = () =>
    postEntries(emptyBooks(), [{ id: 's1', kind: 'SAVING', amount: 100_000n, memberId: 'm1' }], ctx('2024-01-02'))
      .books;

  it('refuses a loan beyond the constitution’s multiple of savings, naming the entry', () => {
    expect(() =>
      postEntries(
        saved(),
        [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 300_001n, memberId: 'm1', termMonths: 6 }],
        ctx('2024-01-02'),
      ),
    ).toThrow(expect.objectContaining({ field: 'input.entries.0.amount' }));
  });
  it('refuses a loan longer than the constitution allows, and lending without a constitution', () => {
    expect(() =>
      postEntries(
        saved(),
        [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 50_000n, memberId: 'm1', termMonths: 13 }],
        ctx('2024-01-02'),
      ),
    ).toThrow(expect.objectContaining({ field: 'input.entries.0.termMonths' }));
    expect(() =>
      postEntries(saved(), [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 50_000n, memberId: 'm1', termMonths: 3 }], {
        ...ctx('2024-01-02'),
        constitution: undefined,
      }),
    ).toThrow(/no constitution/);
  });
  it('takes the cash box never below zero', () => {
    expect(() =>
      postEntries(saved(), [{ id: 'x', kind: 'OTHER_EXPENSE', amount: 100_001n }], ctx('2024-01-02')),
    ).toThrow(/cash holds 100000/);
  });
  it('applies a repayment to interest first and closes a loan repaid in full', () => {
    let books = saved();
    books = postEntries(
      books,
      [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 60_000n, memberId: 'm1', termMonths: 3 }],
      ctx('2024-01-02'),
    ).books;
    const r = postEntries(books, [{ id: 'p1', kind: 'REPAYMENT', amount: 63_000n, loanId: 'l1' }], ctx('2024-01-20'));
    expect(r.posted[0]).toMatchObject({ interest: 3_000n, principal: 60_000n, memberId: 'm1' });
    expect(r.closedLoans.map((l) => l.id)).toEqual(['l1']);
    expect(r.books.loans).toEqual({});
    expect(r.books.balances).toMatchObject({ cash: 103_000n, loansOutstanding: 0n, interestIncome: 3_000n });
  });
  it('refuses a repayment above what is owed', () => {
    let books = saved();
    books = postEntries(
      books,
      [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 60_000n, memberId: 'm1', termMonths: 3 }],
      ctx('2024-01-02'),
    ).books;
    expect(() =>
      postEntries(books, [{ id: 'p1', kind: 'REPAYMENT', amount: 63_001n, loanId: 'l1' }], ctx('2024-01-20')),
    ).toThrow(/more than the balance owed \(63000\)/);
  });
  it('refuses entries for people who are not members on the day', () => {
    const withLeaver = new Map([...members, ['gone', { joinedOn: '2020-01-01', leftOn: '2023-12-31' }]]);
    expect(() =>
      postEntries(emptyBooks(), [{ id: 's', kind: 'SAVING', amount: 1n, memberId: 'gone' }], {
        ...ctx('2024-01-02'),
        members: withLeaver,
      }),
    ).toThrow(expect.objectContaining({ field: 'input.entries.0.memberId' }));
  });
  it('the same repayment cannot be taken off a loan twice (found by the property test)', () => {
    const made = postEntries(
      saved(),
      [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 2n, memberId: 'm1', termMonths: 1 }],
      ctx('2024-01-02'),
    );
    const paid = postEntries(
      made.books,
      [{ id: 'p1', kind: 'REPAYMENT', amount: 1n, loanId: 'l1' }],
      ctx('2024-01-02'),
    );
    const once = reverseEntry(paid.books, paid.posted[0]!, 'r1', '2024-01-02', 'f');
    expect(() => reverseEntry(once.books, paid.posted[0]!, 'r2', '2024-01-02', 'f')).toThrow(/already reversed/);
  });

  it('a reversal cannot be reversed, and a loan with repayments cannot be un-made', () => {
    let books = saved();
    const made = postEntries(
      books,
      [{ id: 'l1', kind: 'LOAN_DISBURSEMENT', amount: 60_000n, memberId: 'm1', termMonths: 3 }],
      ctx('2024-01-02'),
    );
    books = postEntries(
      made.books,
      [{ id: 'p1', kind: 'REPAYMENT', amount: 5_000n, loanId: 'l1' }],
      ctx('2024-01-20'),
    ).books;
    expect(() => reverseEntry(books, made.posted[0]!, 'r', '2024-01-21', 'f')).toThrow(/has repayments/);
    const rev = reverseEntry(
      saved(),
      postEntries(emptyBooks(), [{ id: 's1', kind: 'SAVING', amount: 100_000n, memberId: 'm1' }], ctx('2024-01-02'))
        .posted[0]!,
      'r1',
      '2024-01-03',
      'f',
    );
    expect(rev.books.balances.cash).toBe(0n);
    expect(() => reverseEntry(rev.books, rev.posted, 'r2', '2024-01-03', 'f')).toThrow(/cannot itself be reversed/);
  });
});
