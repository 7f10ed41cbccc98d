/** What a member owes by a day, from her loan's schedule and what she has paid (exact, in minor units). */
export interface ScheduledLoan {
  principalPaid: string;
  interestPaid: string;
  schedule: readonly { dueOn: string; total: string }[];
}

/** Installments due on or before `date`, less everything paid so far; never below zero. */
export function dueBy(loan: ScheduledLoan, date: string): bigint {
  const scheduled = loan.schedule.filter((i) => i.dueOn <= date).reduce((sum, i) => sum + BigInt(i.total), 0n);
  const owed = scheduled - BigInt(loan.principalPaid) - BigInt(loan.interestPaid);
  return owed > 0n ? owed : 0n;
}
