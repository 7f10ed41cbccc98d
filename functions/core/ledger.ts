/**
 * The group's ledger rules, pure. A posting (a meeting's money, or entries between meetings)
 * applies entries in order to the books: every entry carries the exact effects it had on each
 * balance, so the balances always equal the sum of the entries, and guards refuse any entry that
 * would take the cash box, the bank, the social fund, a member's savings or a loan below zero.
 * Corrections are reversal entries; nothing posted is ever changed.
 */
import { ValidationError } from './errors.ts';
import type { Constitution } from './constitution.ts';
import { addEntries, emptyActivity, type Activity } from './activity.ts';
import { daysInArrears, payoffAmount, splitRepayment, type LoanTerms } from './loans.ts';
import { invalid, say, type Text } from './messages.ts';

export const ENTRY_KINDS = [
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
  /** A member loan the group gives up on: its outstanding principal leaves the books. */
  'LOAN_WRITE_OFF',
  /** A bank's loan to the group, paid in; recorded by the bank's disbursement, never by hand. */
  'BANK_LOAN_RECEIVED',
  'BANK_LOAN_REPAYMENT',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type PostedKind = EntryKind | 'REVERSAL';

export const PAYOUT_REASONS = ['ILLNESS', 'FUNERAL', 'VILLAGE_WORKS', 'OTHER'] as const;
export type PayoutReason = (typeof PAYOUT_REASONS)[number];

/** The group's balances. The first five are what the group holds or is owed; the rest are running totals. */
export const ACCOUNTS = [
  'cash',
  'bank',
  'savings',
  'loansOutstanding',
  'socialFund',
  'interestIncome',
  'fineIncome',
  'otherIncome',
  'otherExpense',
  'writtenOff',
  'bankLoansOutstanding',
  'bankInterestExpense',
] as const;
export type Account = (typeof ACCOUNTS)[number];
export type Balances = Record<Account, bigint>;
export type Effects = Partial<Balances>;

/** Balances that are real money held or owed and so may never go below zero. */
const NEVER_NEGATIVE: Account[] = ['cash', 'bank', 'savings', 'loansOutstanding', 'socialFund', 'bankLoansOutstanding'];

export interface LoanState extends LoanTerms {
  id: string;
  memberId: string;
  principalPaid: bigint;
  interestPaid: bigint;
  lastRepaymentOn: string | null;
}

/** A bank loan's life: applied for, decided, paid in to the group, repaid. */
export const BANK_LOAN_STATUSES = ['REQUESTED', 'APPROVED', 'DECLINED', 'DISBURSED', 'REPAID'] as const;
export type BankLoanStatus = (typeof BANK_LOAN_STATUSES)[number];

/** A member loan's record: open, repaid, undone by a reversal, or given up on. */
export const LOAN_STATUSES = ['ACTIVE', 'CLOSED', 'REVERSED', 'WRITTEN_OFF'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** A bank's loan to the group while it is being repaid. */
export interface BankLoanState extends LoanTerms {
  id: string;
  bankId: string;
  principalPaid: bigint;
  interestPaid: bigint;
  /** The most days it was ever late when a repayment came: how it was repaid, for the grade. */
  maxDaysLate: number;
  lastRepaymentOn: string | null;
}

/** What a bank approved, which its disbursement turns into a BANK_LOAN_RECEIVED entry. */
export interface BankLoanOffer {
  bankId: string;
  monthlyRateBasisPoints: number;
  method: LoanTerms['method'];
  termMonths: number;
}

export interface Books {
  /** Bumped by every posting; the store writes the books only if nobody else bumped it first. */
  version: number;
  balances: Balances;
  /** Each member's savings balance. */
  members: Record<string, { savings: bigint }>;
  /** Loans not yet repaid. Repaid loans leave the books (and are archived) so the books stay small. */
  loans: Record<string, LoanState>;
  /** Bank loans not yet repaid. */
  bankLoans: Record<string, BankLoanState>;
  lastPostedOn: string | null;
  /** The earliest date posted: how long the group has kept its books in Krom. */
  firstPostedOn?: string | null;
  /** The last 25 months and 12 meetings, for the credit profile. */
  activity: Activity;
}

export interface EntryInput {
  /** Client-supplied, unique within the group's postings; a loan's id is its disbursement's id. */
  id: string;
  kind: EntryKind;
  amount: bigint;
  memberId?: string | null;
  loanId?: string | null;
  termMonths?: number | null;
  payoutReason?: PayoutReason | null;
  note?: string | null;
}

export interface PostedEntry {
  id: string;
  kind: PostedKind;
  amount: bigint;
  memberId: string | null;
  loanId: string | null;
  payoutReason: PayoutReason | null;
  note: string | null;
  /** What this entry did to each group balance. */
  effects: Effects;
  /** What it did to the member's savings. */
  memberSavings: bigint;
  /** For repayments (and their reversals): the interest and principal parts. */
  interest: bigint;
  principal: bigint;
  /** For a disbursement: the loan it made. */
  loanTerms: (LoanTerms & { memberId: string }) | null;
  /** For a reversal: the entry it undoes, and that entry's kind. */
  reverses: EntryRef | null;
  reversedKind?: EntryKind | null;
}

/** Where an entry lives: its posting's journal and its id there. */
export interface EntryRef {
  date: string;
  journalId: string;
  entryId: string;
}

export interface MemberFacts {
  joinedOn: string;
  leftOn: string | null;
}

export interface PostingContext {
  date: string;
  constitution: Constitution | undefined;
  members: ReadonlyMap<string, MemberFacts>;
  /** Bank loans approved and being disbursed by this posting, by id (the bank's disbursement only). */
  bankLoanOffers?: ReadonlyMap<string, BankLoanOffer>;
  /** Dotted path of the entries in the request, for error fields: "input.entries". */
  field: string;
}

export const ZERO_BALANCES: Balances = Object.fromEntries(ACCOUNTS.map((a) => [a, 0n])) as Balances;

export function emptyBooks(): Books {
  return {
    version: 0,
    balances: { ...ZERO_BALANCES },
    members: {},
    loans: {},
    bankLoans: {},
    lastPostedOn: null,
    activity: emptyActivity(),
  };
}

const MEMBER_KINDS: EntryKind[] = [
  'SAVING',
  'SAVINGS_WITHDRAWAL',
  'LOAN_DISBURSEMENT',
  'FINE',
  'SOCIAL_FUND_CONTRIBUTION',
];

function fail(field: string, text: Text): never {
  throw ValidationError.at(field, text);
}

function cloneBooks(b: Books): Books {
  return {
    version: b.version,
    balances: { ...b.balances },
    members: Object.fromEntries(Object.entries(b.members).map(([k, v]) => [k, { ...v }])),
    loans: Object.fromEntries(Object.entries(b.loans).map(([k, v]) => [k, { ...v }])),
    bankLoans: Object.fromEntries(Object.entries(b.bankLoans ?? {}).map(([k, v]) => [k, { ...v }])),
    lastPostedOn: b.lastPostedOn,
    firstPostedOn: b.firstPostedOn ?? null,
    activity: b.activity,
  };
}

/** The effects of each kind on the group's balances, before any loan arithmetic. */
function effectsOf(kind: EntryKind, amount: bigint, parts: { interest: bigint; principal: bigint }): Effects {
  switch (kind) {
    case 'SAVING':
      return { cash: amount, savings: amount };
    case 'SAVINGS_WITHDRAWAL':
      return { cash: -amount, savings: -amount };
    case 'LOAN_DISBURSEMENT':
      return { cash: -amount, loansOutstanding: amount };
    case 'REPAYMENT':
      return { cash: amount, loansOutstanding: -parts.principal, interestIncome: parts.interest };
    case 'FINE':
      return { cash: amount, fineIncome: amount };
    case 'SOCIAL_FUND_CONTRIBUTION':
      return { cash: amount, socialFund: amount };
    case 'SOCIAL_FUND_PAYOUT':
      return { cash: -amount, socialFund: -amount };
    case 'BANK_DEPOSIT':
      return { cash: -amount, bank: amount };
    case 'BANK_WITHDRAWAL':
      return { cash: amount, bank: -amount };
    case 'OTHER_INCOME':
      return { cash: amount, otherIncome: amount };
    case 'OTHER_EXPENSE':
      return { cash: -amount, otherExpense: amount };
    case 'LOAN_WRITE_OFF':
      return { loansOutstanding: -amount, writtenOff: amount };
    case 'BANK_LOAN_RECEIVED':
      return { cash: amount, bankLoansOutstanding: amount };
    case 'BANK_LOAN_REPAYMENT':
      return { cash: -amount, bankLoansOutstanding: -parts.principal, bankInterestExpense: parts.interest };
  }
}

const ACCOUNT_KM: Record<Account, string> = {
  cash: 'ប្រអប់សាច់ប្រាក់',
  bank: 'គណនីធនាគារ',
  savings: 'ប្រាក់សន្សំ',
  loansOutstanding: 'ប្រាក់កម្ចីនៅជំពាក់',
  socialFund: 'មូលនិធិសង្គម',
  interestIncome: 'ការប្រាក់',
  fineIncome: 'ប្រាក់ពិន័យ',
  otherIncome: 'ចំណូលផ្សេងៗ',
  otherExpense: 'ចំណាយផ្សេងៗ',
  writtenOff: 'ប្រាក់កម្ចីលុបចោល',
  bankLoansOutstanding: 'ប្រាក់កម្ចីធនាគារនៅជំពាក់',
  bankInterestExpense: 'ការប្រាក់ធនាគារ',
};

function applyEffects(books: Books, effects: Effects, field: string): void {
  for (const [account, delta] of Object.entries(effects) as [Account, bigint][]) {
    const next = books.balances[account] + delta;
    if (next < 0n && NEVER_NEGATIVE.includes(account)) {
      fail(field, say.wouldGoNegative(account, ACCOUNT_KM[account], books.balances[account]));
    }
    books.balances[account] = next;
  }
}

function isMemberActive(facts: MemberFacts | undefined, date: string): boolean {
  return !!facts && facts.joinedOn <= date && (facts.leftOn === null || facts.leftOn > date);
}

/**
 * Applies `entries` in order to `books` on `ctx.date`. Returns the new books (version bumped), the
 * posted entries with their effects, and the loans this posting repaid in full. Throws a
 * ValidationError naming the entry and field at the first entry that breaks a rule; the books
 * passed in are never changed.
 */
export function postEntries(
  books: Books,
  entries: EntryInput[],
  ctx: PostingContext,
): {
  books: Books;
  posted: PostedEntry[];
  closedLoans: (LoanState & { writtenOff?: boolean })[];
  closedBankLoans: BankLoanState[];
} {
  const next = cloneBooks(books);
  const posted: PostedEntry[] = [];
  const closedLoans: (LoanState & { writtenOff?: boolean })[] = [];
  const closedBankLoans: BankLoanState[] = [];
  const seen = new Set<string>();

  entries.forEach((entry, i) => {
    const at = `${ctx.field}.${i}`;
    if (seen.has(entry.id)) fail(`${at}.id`, say.idUsedInPosting);
    seen.add(entry.id);
    if (entry.amount <= 0n) fail(`${at}.amount`, invalid.moreThanZero);

    let memberId = entry.memberId ?? null;
    if (MEMBER_KINDS.includes(entry.kind) && !memberId) fail(`${at}.memberId`, say.memberRequired(entry.kind));
    if (memberId && !ctx.members.has(memberId)) fail(`${at}.memberId`, say.notAMember);
    if (
      memberId &&
      entry.kind !== 'REPAYMENT' &&
      entry.kind !== 'SOCIAL_FUND_PAYOUT' &&
      !isMemberActive(ctx.members.get(memberId), ctx.date)
    ) {
      fail(`${at}.memberId`, say.notAMemberOn(ctx.date));
    }
    if (entry.kind === 'SOCIAL_FUND_PAYOUT' && !entry.payoutReason)
      fail(`${at}.payoutReason`, say.payoutReasonRequired);

    let parts = { interest: 0n, principal: 0n };
    let loanTerms: PostedEntry['loanTerms'] = null;
    let loanId: string | null = null;
    let memberSavings = 0n;

    switch (entry.kind) {
      case 'SAVING':
        memberSavings = entry.amount;
        break;
      case 'SAVINGS_WITHDRAWAL': {
        memberSavings = -entry.amount;
        const has = next.members[memberId!]?.savings ?? 0n;
        if (has < entry.amount) fail(`${at}.amount`, say.moreThanSavings(has));
        const owes = Object.values(next.loans)
          .filter((l) => l.memberId === memberId)
          .reduce((s, l) => s + l.principal - l.principalPaid, 0n);
        if (owes > 0n && ctx.constitution) {
          const cover = ((has - entry.amount) * BigInt(ctx.constitution.maxLoanToSavingsPercent)) / 100n;
          if (owes > cover) fail(`${at}.amount`, say.owesBeyondCover);
        }
        break;
      }
      case 'LOAN_DISBURSEMENT': {
        const c = ctx.constitution;
        if (!c) fail(`${at}.kind`, say.noConstitution(ctx.date));
        if (next.loans[entry.id]) fail(`${at}.id`, say.alreadyALoan);
        const term = entry.termMonths ?? 0;
        if (!Number.isInteger(term) || term < 1 || term > c.maxLoanTermMonths) {
          fail(`${at}.termMonths`, say.termBeyondConstitution(c.maxLoanTermMonths));
        }
        const savings = next.members[memberId!]?.savings ?? 0n;
        const owes = Object.values(next.loans)
          .filter((l) => l.memberId === memberId)
          .reduce((s, l) => s + l.principal - l.principalPaid, 0n);
        const limit = (savings * BigInt(c.maxLoanToSavingsPercent)) / 100n;
        if (owes + entry.amount > limit) {
          fail(`${at}.amount`, say.beyondLoanLimit(c.maxLoanToSavingsPercent, savings, limit, owes));
        }
        loanId = entry.id;
        loanTerms = {
          memberId: memberId!,
          principal: entry.amount,
          monthlyRateBasisPoints: c.monthlyInterestBasisPoints,
          method: c.interestMethod,
          termMonths: term,
          disbursedOn: ctx.date,
        };
        next.loans[loanId] = { id: loanId, ...loanTerms, principalPaid: 0n, interestPaid: 0n, lastRepaymentOn: null };
        break;
      }
      case 'REPAYMENT': {
        loanId = entry.loanId ?? null;
        const loan = loanId ? next.loans[loanId] : undefined;
        if (!loan) fail(`${at}.loanId`, say.notOutstanding);
        if (memberId && loan.memberId !== memberId) fail(`${at}.memberId`, say.notTheBorrower);
        memberId = loan.memberId;
        if (ctx.date < loan.disbursedOn) fail(`${at}.amount`, say.repaidBeforeMade(loan.disbursedOn));
        const split = splitRepayment(loan, loan, entry.amount, ctx.date);
        if (!split) fail(`${at}.amount`, say.moreThanOwed(payoffAmount(loan, loan, ctx.date)));
        parts = split;
        loan.principalPaid += split.principal;
        loan.interestPaid += split.interest;
        loan.lastRepaymentOn = ctx.date;
        if (loan.principalPaid === loan.principal) {
          closedLoans.push(loan);
          delete next.loans[loan.id];
        }
        break;
      }
      case 'LOAN_WRITE_OFF': {
        loanId = entry.loanId ?? null;
        const loan = loanId ? next.loans[loanId] : undefined;
        if (!loan) fail(`${at}.loanId`, say.notOutstanding);
        const outstanding = loan.principal - loan.principalPaid;
        if (entry.amount !== outstanding) fail(`${at}.amount`, say.wholePrincipal(outstanding));
        memberId = loan.memberId;
        closedLoans.push({ ...loan, writtenOff: true });
        delete next.loans[loan.id];
        break;
      }
      case 'BANK_LOAN_RECEIVED': {
        const offer = ctx.bankLoanOffers?.get(entry.id);
        if (!offer) fail(`${at}.kind`, say.bankRecordsDisbursal);
        if (next.bankLoans[entry.id]) fail(`${at}.id`, say.alreadyABankLoan);
        loanId = entry.id;
        next.bankLoans[entry.id] = {
          id: entry.id,
          bankId: offer.bankId,
          principal: entry.amount,
          monthlyRateBasisPoints: offer.monthlyRateBasisPoints,
          method: offer.method,
          termMonths: offer.termMonths,
          disbursedOn: ctx.date,
          principalPaid: 0n,
          interestPaid: 0n,
          maxDaysLate: 0,
          lastRepaymentOn: null,
        };
        break;
      }
      case 'BANK_LOAN_REPAYMENT': {
        loanId = entry.loanId ?? null;
        const loan = loanId ? next.bankLoans[loanId] : undefined;
        if (!loan) fail(`${at}.loanId`, say.notOwedToBank);
        if (ctx.date < loan.disbursedOn) fail(`${at}.amount`, say.repaidBeforeMade(loan.disbursedOn));
        const split = splitRepayment(loan, loan, entry.amount, ctx.date);
        if (!split) fail(`${at}.amount`, say.moreThanOwedToBank(payoffAmount(loan, loan, ctx.date)));
        parts = split;
        loan.maxDaysLate = Math.max(loan.maxDaysLate, daysInArrears(loan, loan, ctx.date));
        loan.principalPaid += split.principal;
        loan.interestPaid += split.interest;
        loan.lastRepaymentOn = ctx.date;
        if (loan.principalPaid === loan.principal) {
          closedBankLoans.push(loan);
          delete next.bankLoans[loan.id];
        }
        break;
      }
      default:
        break;
    }

    const effects = effectsOf(entry.kind, entry.amount, parts);
    applyEffects(next, effects, `${at}.amount`);
    if (memberSavings !== 0n) {
      next.members[memberId!] = { savings: (next.members[memberId!]?.savings ?? 0n) + memberSavings };
    }
    posted.push({
      id: entry.id,
      kind: entry.kind,
      amount: entry.amount,
      memberId,
      loanId,
      payoutReason: entry.payoutReason ?? null,
      note: entry.note ?? null,
      effects,
      memberSavings,
      interest: parts.interest,
      principal: parts.principal,
      loanTerms,
      reverses: null,
    });
  });

  next.version = books.version + 1;
  if (!next.lastPostedOn || ctx.date > next.lastPostedOn) next.lastPostedOn = ctx.date;
  if (!next.firstPostedOn || ctx.date < next.firstPostedOn) next.firstPostedOn = ctx.date;
  next.activity = addEntries(next.activity, ctx.date, posted);
  return { books: next, posted, closedLoans, closedBankLoans };
}

/**
 * Undoes a posted entry with a reversal entry of opposite effects. A loan can be un-made only
 * before anything was repaid on it; a repayment only while its loan is still outstanding.
 */
export function reverseEntry(
  books: Books,
  original: PostedEntry,
  reversalId: string,
  date: string,
  field: string,
): { books: Books; posted: PostedEntry } {
  if (original.kind === 'REVERSAL') fail(field, say.reversalOfReversal);
  if (original.kind === 'LOAN_WRITE_OFF' || original.kind === 'BANK_LOAN_RECEIVED') {
    fail(field, say.notReversible(original.kind));
  }
  const next = cloneBooks(books);
  if (original.kind === 'LOAN_DISBURSEMENT') {
    const loan = next.loans[original.loanId!];
    if (!loan || loan.principalPaid > 0n || loan.interestPaid > 0n) {
      fail(field, say.loanHasRepayments);
    }
    delete next.loans[loan.id];
  }
  if (original.kind === 'REPAYMENT' || original.kind === 'BANK_LOAN_REPAYMENT') {
    const loan = original.kind === 'REPAYMENT' ? next.loans[original.loanId!] : next.bankLoans[original.loanId!];
    if (!loan) fail(field, say.loanClosed);
    if (loan.principalPaid < original.principal || loan.interestPaid < original.interest) {
      fail(field, say.repaymentGone);
    }
    loan.principalPaid -= original.principal;
    loan.interestPaid -= original.interest;
  }
  const effects = Object.fromEntries(Object.entries(original.effects).map(([a, v]) => [a, -(v as bigint)])) as Effects;
  applyEffects(next, effects, field);
  if (original.memberSavings !== 0n) {
    const savings = (next.members[original.memberId!]?.savings ?? 0n) - original.memberSavings;
    if (savings < 0n) fail(field, say.savingsBelowZero);
    next.members[original.memberId!] = { savings };
  }
  next.version = books.version + 1;
  if (!next.lastPostedOn || date > next.lastPostedOn) next.lastPostedOn = date;
  const posted: PostedEntry = {
    ...original,
    id: reversalId,
    kind: 'REVERSAL',
    effects,
    memberSavings: -original.memberSavings,
    interest: -original.interest,
    principal: -original.principal,
    loanTerms: null,
    reverses: null,
    reversedKind: original.kind as EntryKind,
  };
  next.activity = addEntries(next.activity, date, [posted]);
  return { books: next, posted };
}

/** Why a member may not leave yet (savings not paid out, a loan not repaid), or null. */
export function leavingProblem(books: Books, memberId: string): Text | null {
  if ((books.members[memberId]?.savings ?? 0n) > 0n) return say.payOutSavingsFirst;
  if (Object.values(books.loans).some((l) => l.memberId === memberId)) return say.repayLoansFirst;
  return null;
}

/** Sums posted entries' effects: what the balances must equal. */
export function sumEffects(entries: Iterable<PostedEntry>): Balances {
  const total = { ...ZERO_BALANCES };
  for (const e of entries) for (const [a, v] of Object.entries(e.effects) as [Account, bigint][]) total[a] += v;
  return total;
}

/** Cash in and out of the box for one entry, for the cash book. */
export function cashMovement(entry: PostedEntry): bigint {
  return entry.effects.cash ?? 0n;
}
