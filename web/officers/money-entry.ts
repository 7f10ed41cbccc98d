/**
 * Money that moves between meetings, as the treasurer fills it in, and the rules that turn it into
 * one `recordEntries` entry: a deposit at the bank or a withdrawal from it, a repayment of the
 * group's bank loan, income or an expense of the group, a member's savings paid out, a member's
 * repayment, a social-fund payout. Which of them needs a member, a loan, a reason or a note is
 * said here once; the cash box after is shown before she sends. The API checks everything again.
 * Pure: tested without a browser in test/web/money-entry.test.ts.
 */
import type { Currency, LedgerEntryInput, PayoutReason } from '../generated/graphql.ts';
import { parseAmount } from '../format.ts';
import { dueBy, type ScheduledLoan } from './loans.ts';

/** The kinds an officer records between meetings, and which way each moves the cash box. */
export const MONEY_KINDS = {
  BANK_DEPOSIT: -1,
  BANK_WITHDRAWAL: 1,
  BANK_LOAN_REPAYMENT: -1,
  OTHER_INCOME: 1,
  OTHER_EXPENSE: -1,
  SAVINGS_WITHDRAWAL: -1,
  REPAYMENT: 1,
  SOCIAL_FUND_PAYOUT: -1,
} as const;
export type MoneyKind = keyof typeof MONEY_KINDS;
export const moneyKinds = Object.keys(MONEY_KINDS) as MoneyKind[];

/** What a kind needs besides a day and an amount. */
export function needs(kind: MoneyKind) {
  return {
    member: kind === 'SAVINGS_WITHDRAWAL' || kind === 'SOCIAL_FUND_PAYOUT',
    memberLoan: kind === 'REPAYMENT',
    bankLoan: kind === 'BANK_LOAN_REPAYMENT',
    payoutReason: kind === 'SOCIAL_FUND_PAYOUT',
    // Income and expenses of the group itself say what they were, or the cash book cannot be audited.
    note: kind === 'OTHER_INCOME' || kind === 'OTHER_EXPENSE',
  };
}

export interface MoneyLoan extends ScheduledLoan {
  id: string;
  member?: { id: string };
}

export interface MoneyForm {
  kind: MoneyKind;
  amount: string;
  memberId: string;
  loanId: string;
  payoutReason: PayoutReason;
  note: string;
}

export type MoneyProblem = 'errAmount' | 'errChooseMember' | 'errChooseLoan' | 'errWhatFor' | 'errCashShort';
export type MoneyField = 'amount' | 'member' | 'loan' | 'note' | 'cash';

export interface CheckedMoney {
  entry: LedgerEntryInput | null;
  cashAfter: bigint;
  problems: Partial<Record<MoneyField, MoneyProblem>>;
}

/** The form as one entry, with the cash box after it and what is still wrong (nothing to send if any). */
export function checkMoney(
  form: MoneyForm,
  context: { currency: Currency; cash: bigint; memberLoans: MoneyLoan[]; bankLoans: MoneyLoan[] },
): CheckedMoney {
  const need = needs(form.kind);
  const problems: CheckedMoney['problems'] = {};
  const amount = parseAmount(form.amount, context.currency);
  if (amount === null || amount <= 0n) problems.amount = 'errAmount';
  const loans = need.memberLoan ? context.memberLoans : need.bankLoan ? context.bankLoans : [];
  const loan = loans.find((l) => l.id === form.loanId);
  if ((need.memberLoan || need.bankLoan) && !loan) problems.loan = 'errChooseLoan';
  if (need.member && !form.memberId) problems.member = 'errChooseMember';
  const note = form.note.trim();
  if (need.note && !note) problems.note = 'errWhatFor';
  const moved = amount && amount > 0n ? amount * BigInt(MONEY_KINDS[form.kind]) : 0n;
  const cashAfter = context.cash + moved;
  if (cashAfter < 0n) problems.cash = 'errCashShort';
  if (Object.keys(problems).length > 0 || amount === null) return { entry: null, cashAfter, problems };
  const memberId = need.member ? form.memberId : need.memberLoan ? loan?.member?.id : undefined;
  return {
    entry: {
      id: 'e1',
      kind: form.kind,
      amount: amount.toString(),
      ...(memberId ? { memberId } : {}),
      ...(loan ? { loanId: loan.id } : {}),
      ...(need.payoutReason ? { payoutReason: form.payoutReason } : {}),
      ...(note ? { note } : {}),
    },
    cashAfter,
    problems,
  };
}

/** What a loan's schedule says is owed by `date` (the amount she is likely paying); 0 when nothing is. */
export const owedBy = (loan: MoneyLoan | undefined, date: string): bigint => (loan ? dueBy(loan, date) : 0n);
