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

/**
 * How each demo group is doing, so the demo shows what a coordinator and a bank meet in life:
 * most groups healthy (loans out and repaid on time), one slipping (a borrower stopped repaying:
 * PAR30 over 10%, "needs attention", grade B), one in trouble (stopped meeting months ago, with a
 * loan in arrears: both attention reasons, and grade C for a bank). Healthy ones grade A.
 */
export type DemoHealth = 'healthy' | 'slipping' | 'trouble';
export const DEMO_HEALTH: Record<string, DemoHealth> = {
  tataok: 'healthy',
  'kampong-lpov-oldest': 'healthy',
  'kampong-lpov-newest': 'healthy',
  cwsg: 'healthy',
  'chi-kraeng': 'trouble',
  'kampong-kdei': 'slipping',
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
  entries: {
    id: string;
    kind: string;
    amount: string;
    memberId?: string;
    loanId?: string;
    termMonths?: number;
    payoutReason?: string;
    note?: string;
  }[];
}

const MINUTES = [
  { agendaItem: 'ការសន្សំប្រចាំខែ', discussed: true, decision: 'សមាជិកទាំងអស់បានសន្សំតាមកំណត់' },
  { agendaItem: 'ពាក្យស្នើសុំខ្ចីប្រាក់', discussed: true, decision: 'អនុម័តប្រាក់កម្ចីតាមលក្ខន្តិកៈ ការប្រាក់ ៥% ក្នុងមួយខែ' },
  { agendaItem: 'ទឹកស្អាត និងអនាម័យ', discussed: true, decision: 'សមាជិក ២ នាក់នឹងចូលរួមវគ្គបណ្តុះបណ្តាលរបស់អង្គការ' },
  { agendaItem: 'របាយការណ៍លក់មាន់', discussed: false, decision: null },
];

/**
 * The year's meetings for one group (monthly groups lend; the weekly one only saves). Two members
 * borrow in the third month for 6 months and repay on schedule. Then, by the group's health:
 * healthy — six members borrow in the ninth month and are repaying on time; slipping — the same,
 * but one stops after her first installment; in trouble — one borrows in the seventh month and
 * stops after two installments, and the group stops meeting after its ninth meeting (July, for a
 * demo started in November).
 * Every member pays the social-fund contribution; one illness payout, one for village works.
 */
export function demoMeetings(
  group: DemoGroup,
  groupId: string,
  memberIds: string[],
  today: string,
): DemoMeetingInput[] {
  const health = DEMO_HEALTH[group.key]!;
  const year = meetingDates(group.meetingSchedule, today);
  const dates = health === 'trouble' ? year.slice(0, 9) : year;
  // Only monthly groups lend: their loans fall due at each meeting.
  const monthly = group.meetingSchedule.frequency === 'MONTHLY';
  const regular = DEMO_REGULAR_SAVING[group.key]!;
  const target = DEMO_SAVINGS_TARGET[group.key]!;
  const n = BigInt(memberIds.length);
  const regularTotal = regular * n * BigInt(dates.length - 1);
  const broughtForward = target - regularTotal;
  if (broughtForward < n) throw new Error(`demo target for ${group.key} is below a year of regular savings`);
  const share = broughtForward / n;
  const loanSize = ((share * 2n) / 10_000n) * 10_000n; // within 300% of savings, rounded to 10,000 riel
  const lateLoanSize = loanSize / 2n;
  const roundTwoSize = (((share + regular * 8n) * 2n) / 10_000n) * 10_000n;

  return dates.map((date, i) => {
    const entries: DemoMeetingInput['entries'] = [];
    const absent = memberIds[(i * 3) % memberIds.length]!;
    memberIds.forEach((memberId, k) => {
      const amount = i === 0 ? (k === 0 ? share + (broughtForward - share * n) : share) : regular;
      entries.push({
        id: `s${k}`,
        kind: 'SAVING',
        amount: amount.toString(),
        memberId,
        ...(i === 0 ? { note: 'savings brought forward' } : {}),
      });
      entries.push({ id: `sf${k}`, kind: 'SOCIAL_FUND_CONTRIBUTION', amount: '500', memberId });
    });
    if (i > 0 && memberIds.length > 2)
      entries.push({ id: 'fine', kind: 'FINE', amount: '1000', memberId: absent, note: 'absent last meeting' });
    const loanMonth = Math.min(2, dates.length - 1);
    const borrowers = memberIds.slice(1, 3);
    if (monthly && loanSize > 0n && i === loanMonth) {
      for (const [b, memberId] of borrowers.entries())
        entries.push({
          id: `loan-${group.key}-${b}`,
          kind: 'LOAN_DISBURSEMENT',
          amount: loanSize.toString(),
          memberId,
          termMonths: 6,
        });
    }
    if (monthly && loanSize > 0n && i > loanMonth && i <= loanMonth + 6) {
      const installment = i - loanMonth;
      const principal = installment < 6 ? loanSize / 6n : loanSize - (loanSize / 6n) * 5n;
      const interest = (loanSize * 500n + 5000n) / 10_000n;
      for (const b of borrowers.keys())
        entries.push({
          id: `rp${b}`,
          kind: 'REPAYMENT',
          amount: (principal + interest).toString(),
          loanId: `loan-${group.key}-${b}`,
        });
    }
    // The second round: six members borrow twice their savings, most of the box lent out as a
    // healthy group's is. In the slipping group the first of them (a smaller loan) stops repaying
    // after one installment: PAR30 between 10% and 20%.
    const roundTwo = health === 'trouble' ? [] : memberIds.slice(3, 9);
    const sizeTwo = (b: number) => (health === 'slipping' && b === 0 ? roundTwoSize / 2n : roundTwoSize);
    if (monthly && roundTwoSize > 0n && i === 8) {
      for (const [b, memberId] of roundTwo.entries())
        entries.push({
          id: `loan-${group.key}-r2-${b}`,
          kind: 'LOAN_DISBURSEMENT',
          amount: sizeTwo(b).toString(),
          memberId,
          termMonths: 6,
        });
    }
    if (monthly && roundTwoSize > 0n && i > 8) {
      roundTwo.forEach((_m, b) => {
        const stopped = health === 'slipping' && b === 0 && i > 9;
        const size = sizeTwo(b);
        if (!stopped)
          entries.push({
            id: `rp2-${b}`,
            kind: 'REPAYMENT',
            amount: (size / 6n + (size * 500n + 5000n) / 10_000n).toString(),
            loanId: `loan-${group.key}-r2-${b}`,
          });
      });
    }
    const lateMonth = Math.min(6, dates.length - 1);
    if (health === 'trouble' && monthly && lateLoanSize > 0n && i === lateMonth) {
      entries.push({
        id: `loan-${group.key}-late`,
        kind: 'LOAN_DISBURSEMENT',
        amount: lateLoanSize.toString(),
        memberId: memberIds[3 % memberIds.length]!,
        termMonths: 6,
      });
    }
    if (health === 'trouble' && lateLoanSize > 0n && (i === lateMonth + 1 || i === lateMonth + 2) && monthly) {
      const amount = lateLoanSize / 6n + (lateLoanSize * 500n + 5000n) / 10_000n;
      entries.push({ id: 'rp-late', kind: 'REPAYMENT', amount: amount.toString(), loanId: `loan-${group.key}-late` });
    }
    if (i === 5)
      entries.push({
        id: 'illness',
        kind: 'SOCIAL_FUND_PAYOUT',
        amount: '20000',
        memberId: memberIds[0]!,
        payoutReason: 'ILLNESS',
        note: 'hospital in Battambang',
      });
    if (i === 9)
      entries.push({
        id: 'road',
        kind: 'SOCIAL_FUND_PAYOUT',
        amount: '15000',
        payoutReason: 'VILLAGE_WORKS',
        note: 'village road repair',
      });
    return {
      idempotencyKey: `seed-meeting-${group.key}-${date}`,
      groupId,
      date,
      attendance: memberIds.map((memberId) => ({
        memberId,
        status: memberId === absent && i % 2 === 1 ? ('ABSENT' as const) : ('PRESENT' as const),
      })),
      minutes: i % 4 === 2 ? MINUTES.slice(0, 3) : [MINUTES[0]!, MINUTES[3]!],
      entries,
    };
  });
}
