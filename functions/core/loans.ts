/**
 * Loans to members: the repayment schedule, how a repayment splits into interest and principal,
 * and arrears. Pure and exact (bigint minor units; rates in basis points a month).
 *
 * Conventions (the ones most Cambodian SHG constitutions use, written down so banks can check):
 * - Installments are monthly, due on the disbursement day of each following month (clamped to the
 *   month's last day), with equal principal parts; the last part takes the remainder.
 * - FLAT: each month's interest is the rate on the original principal.
 *   DECLINING_BALANCE: each month's interest is the rate on the principal scheduled to be
 *   outstanding during that month.
 * - Interest is rounded half up to the minor unit, installment by installment.
 * - Interest accrues by schedule month: on any day, the interest due is that of every month that
 *   has begun since disbursement (at least one; the next begins the day after an installment is
 *   due), so paying early saves the interest of months not begun.
 * - A repayment pays interest due first, then principal.
 */
export const INTEREST_METHODS = ['FLAT', 'DECLINING_BALANCE'] as const;
export type InterestMethod = (typeof INTEREST_METHODS)[number];

export interface LoanTerms {
  principal: bigint;
  monthlyRateBasisPoints: number;
  method: InterestMethod;
  termMonths: number;
  disbursedOn: string;
}

export interface Installment {
  number: number;
  dueOn: string;
  principal: bigint;
  interest: bigint;
}

export interface LoanProgress {
  principalPaid: bigint;
  interestPaid: bigint;
}

/** Rounds rate × amount half up: amount × bp / 10 000. */
export function interestOn(amount: bigint, basisPoints: number): bigint {
  return (amount * BigInt(basisPoints) + 5000n) / 10000n;
}

/** The date `months` after `date`, on the same day or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function schedule(terms: LoanTerms): Installment[] {
  const n = BigInt(terms.termMonths);
  const part = terms.principal / n;
  const installments: Installment[] = [];
  let outstanding = terms.principal;
  for (let k = 1; k <= terms.termMonths; k++) {
    const principal = k === terms.termMonths ? outstanding : part;
    const base = terms.method === 'FLAT' ? terms.principal : outstanding;
    installments.push({
      number: k,
      dueOn: addMonths(terms.disbursedOn, k),
      principal,
      interest: interestOn(base, terms.monthlyRateBasisPoints),
    });
    outstanding -= principal;
  }
  return installments;
}

/**
 * Schedule months begun by `date`: at least one once disbursed, at most the term. A month begins
 * the day after the previous installment falls due, so paying on a due date owes that month only.
 */
function monthsBegun(terms: LoanTerms, date: string): number {
  let k = 1;
  while (k < terms.termMonths && addMonths(terms.disbursedOn, k) < date) k++;
  return k;
}

/** Interest owed on `date`: that of every schedule month begun, less what was paid. */
export function interestDue(terms: LoanTerms, progress: LoanProgress, date: string): bigint {
  const accrued = schedule(terms)
    .slice(0, monthsBegun(terms, date))
    .reduce((sum, i) => sum + i.interest, 0n);
  const due = accrued - progress.interestPaid;
  return due > 0n ? due : 0n;
}

/** Splits a repayment: interest first, then principal. Null if it exceeds what is owed. */
export function splitRepayment(
  terms: LoanTerms,
  progress: LoanProgress,
  amount: bigint,
  date: string,
): { interest: bigint; principal: bigint } | null {
  const interest = interestDue(terms, progress, date);
  const interestPart = amount < interest ? amount : interest;
  const principalPart = amount - interestPart;
  if (principalPart > terms.principal - progress.principalPaid) return null;
  return { interest: interestPart, principal: principalPart };
}

/** The most a repayment on `date` may be: interest due plus principal outstanding. */
export function payoffAmount(terms: LoanTerms, progress: LoanProgress, date: string): bigint {
  return interestDue(terms, progress, date) + terms.principal - progress.principalPaid;
}

/**
 * Days the loan is in arrears on `date`: counted from the due date of the earliest installment
 * that what was paid (interest and principal together) does not yet cover. 0 when up to date.
 */
export function daysInArrears(terms: LoanTerms, progress: LoanProgress, date: string): number {
  if (progress.principalPaid >= terms.principal) return 0;
  const paid = progress.principalPaid + progress.interestPaid;
  let due = 0n;
  for (const installment of schedule(terms)) {
    if (installment.dueOn > date) break;
    due += installment.principal + installment.interest;
    if (due > paid) return daysBetween(installment.dueOn, date);
  }
  return 0;
}

/** Portfolio at risk over 30 days: the share of outstanding principal in loans more than 30 days late, in basis points. */
export function par30BasisPoints(loans: { outstanding: bigint; daysInArrears: number }[]): number {
  const total = loans.reduce((s, l) => s + l.outstanding, 0n);
  if (total === 0n) return 0;
  const atRisk = loans.filter((l) => l.daysInArrears > 30).reduce((s, l) => s + l.outstanding, 0n);
  return Number((atRisk * 10000n + total / 2n) / total);
}
