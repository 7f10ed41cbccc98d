/**
 * A year of plausible meetings for each demo group, ending last month, built so that each group's
 * total savings come out at the figure its seed document gives (Ta Taok 1,248,000 riel; the oldest
 * Kampong Lpov group 2,943,700; the newest 234,000). The first meeting of the year brings forward
 * what members had saved before the group's books came to Krom. Deterministic: the same inputs give
 * the same meetings, so seeding twice replays rather than doubles.
 */
import { addMonths } from '#core/loans.ts';
import type { MeetingSchedule, Weekday } from '#core/schedule.ts';
import { WEEKDAYS } from '#core/schedule.ts';
import type { DemoGroup } from './demo-data.ts';

/** Total savings each group should show once its year is recorded (riel). */
export const DEMO_SAVINGS_TARGET: Record<string, bigint> = {
  tataok: 1_248_000n,
  'kampong-lpov-oldest': 2_943_700n,
  'kampong-lpov-newest': 234_000n,
  cwsg: 1_170_000n,
  'chi-kraeng': 868_000n,
  'kampong-kdei': 612_000n,
};

/** Regular saving per member per meeting (riel), as each group's constitution sets it. */
export const DEMO_REGULAR_SAVING: Record<string, bigint> = {
  tataok: 5_000n,
  'kampong-lpov-oldest': 10_000n,
  'kampong-lpov-newest': 1_000n,
  cwsg: 1_000n,
  'chi-kraeng': 4_000n,
  'kampong-kdei': 3_000n,
};

const weekdayIndex = (d: Weekday) => (WEEKDAYS.indexOf(d) + 1) % 7; // JS: Sunday = 0

/** Meeting dates over the twelve months before `today`'s month, following the schedule. */
export function meetingDates(schedule: MeetingSchedule, today: string): string[] {
  const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -12);
  const dates: string[] = [];
  for (let m = 0; m < 12; m++) {
    const monthStart = addMonths(firstMonth, m);
    const [y, mo] = monthStart.split('-').map(Number) as [number, number];
    const days: string[] = [];
    for (let d = 1; d <= new Date(Date.UTC(y, mo, 0)).getUTCDate(); d++) {
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCDay() === weekdayIndex(schedule.weekday)) days.push(date.toISOString().slice(0, 10));
    }
    if (schedule.frequency === 'WEEKLY') dates.push(...days);
    else if (schedule.frequency === 'FORTNIGHTLY') dates.push(...days.filter((_, i) => i % 2 === 0));
    else dates.push(schedule.weekOfMonth === -1 ? days.at(-1)! : days[(schedule.weekOfMonth ?? 1) - 1]!);
  }
  return dates;
}

export interface DemoMeetingInput {
  idempotencyKey: string;
  groupId: string;
  date: string;
  attendance: { memberId: string; status: 'PRESENT' | 'ABSENT' | 'REPRESENTED' }[];
  minutes: { agendaItem: string; discussed: boolean; decision: string | null }[];
  entries: { id: string; kind: string; amount: string; memberId?: string; loanId?: string; termMonths?: number; payoutReason?: string; note?: string }[];
}

const MINUTES = [
  { agendaItem: 'ការសន្សំប្រចាំខែ', discussed: true, decision: 'សមាជិកទាំងអស់បានសន្សំតាមកំណត់' },
  { agendaItem: 'ពាក្យស្នើសុំខ្ចីប្រាក់', discussed: true, decision: 'អនុម័តប្រាក់កម្ចីតាមលក្ខន្តិកៈ ការប្រាក់ ៥% ក្នុងមួយខែ' },
  { agendaItem: 'ទឹកស្អាត និងអនាម័យ', discussed: true, decision: 'សមាជិក ២ នាក់នឹងចូលរួមវគ្គបណ្តុះបណ្តាលរបស់អង្គការ' },
  { agendaItem: 'របាយការណ៍លក់មាន់', discussed: false, decision: null },
];

/**
 * The year's meetings for one group. Two members borrow in the third month (6 months, repaid on
 * schedule); one borrows in the seventh and stops repaying after two installments, so the demo
 * has a loan in arrears. Every member pays the social-fund contribution; one illness payout.
 */
export function demoMeetings(group: DemoGroup, groupId: string, memberIds: string[], today: string): DemoMeetingInput[] {
  const dates = meetingDates(group.meetingSchedule, today);
  const regular = DEMO_REGULAR_SAVING[group.key]!;
  const target = DEMO_SAVINGS_TARGET[group.key]!;
  const n = BigInt(memberIds.length);
  const regularTotal = regular * n * BigInt(dates.length - 1);
  const broughtForward = target - regularTotal;
  if (broughtForward < n) throw new Error(`demo target for ${group.key} is below a year of regular savings`);
  const share = broughtForward / n;
  const loanSize = (share * 2n) / 10_000n * 10_000n; // within 300% of savings, rounded to 10,000 riel
  const lateLoanSize = loanSize / 2n;

  return dates.map((date, i) => {
    const entries: DemoMeetingInput['entries'] = [];
    const absent = memberIds[(i * 3) % memberIds.length]!;
    memberIds.forEach((memberId, k) => {
      const amount = i === 0 ? (k === 0 ? share + (broughtForward - share * n) : share) : regular;
      entries.push({ id: `s${k}`, kind: 'SAVING', amount: amount.toString(), memberId, ...(i === 0 ? { note: 'savings brought forward' } : {}) });
      entries.push({ id: `sf${k}`, kind: 'SOCIAL_FUND_CONTRIBUTION', amount: '500', memberId });
    });
    if (i > 0 && memberIds.length > 2) entries.push({ id: 'fine', kind: 'FINE', amount: '1000', memberId: absent, note: 'absent last meeting' });
    const loanMonth = Math.min(2, dates.length - 1);
    const borrowers = memberIds.slice(1, 3);
    const monthly = group.meetingSchedule.frequency === 'MONTHLY';
    if (monthly && loanSize > 0n && i === loanMonth) {
      borrowers.forEach((memberId, b) => entries.push({ id: `loan-${group.key}-${b}`, kind: 'LOAN_DISBURSEMENT', amount: loanSize.toString(), memberId, termMonths: 6 }));
    }
    if (loanSize > 0n && i > loanMonth && i <= loanMonth + 6 && group.meetingSchedule.frequency === 'MONTHLY') {
      const installment = i - loanMonth;
      const principal = installment < 6 ? loanSize / 6n : loanSize - (loanSize / 6n) * 5n;
      const interest = (loanSize * 500n + 5000n) / 10_000n;
      borrowers.forEach((_m, b) => entries.push({ id: `rp${b}`, kind: 'REPAYMENT', amount: (principal + interest).toString(), loanId: `loan-${group.key}-${b}` }));
    }
    const lateMonth = Math.min(6, dates.length - 1);
    if (monthly && lateLoanSize > 0n && i === lateMonth) {
      entries.push({ id: `loan-${group.key}-late`, kind: 'LOAN_DISBURSEMENT', amount: lateLoanSize.toString(), memberId: memberIds[3 % memberIds.length]!, termMonths: 6 });
    }
    if (lateLoanSize > 0n && (i === lateMonth + 1 || i === lateMonth + 2) && group.meetingSchedule.frequency === 'MONTHLY') {
      const amount = lateLoanSize / 6n + (lateLoanSize * 500n + 5000n) / 10_000n;
      entries.push({ id: 'rp-late', kind: 'REPAYMENT', amount: amount.toString(), loanId: `loan-${group.key}-late` });
    }
    if (i === 5) entries.push({ id: 'illness', kind: 'SOCIAL_FUND_PAYOUT', amount: '20000', memberId: memberIds[0]!, payoutReason: 'ILLNESS', note: 'hospital in Battambang' });
    if (i === 9) entries.push({ id: 'road', kind: 'SOCIAL_FUND_PAYOUT', amount: '15000', payoutReason: 'VILLAGE_WORKS', note: 'village road repair' });
    return {
      idempotencyKey: `seed-meeting-${group.key}-${date}`,
      groupId,
      date,
      attendance: memberIds.map((memberId) => ({ memberId, status: memberId === absent && i % 2 === 1 ? ('ABSENT' as const) : ('PRESENT' as const) })),
      minutes: i % 4 === 2 ? MINUTES.slice(0, 3) : [MINUTES[0]!, MINUTES[3]!],
      entries,
    };
  });
}
