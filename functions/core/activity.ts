/**
 * What a group did, month by month and meeting by meeting, kept with its books on every posting so
 * that a credit profile reads a fixed, small amount however many years of books there are: the
 * last 13 months of money flows and the last 12 meetings. Pure.
 */
import type { EntryKind, PostedEntry } from './ledger.ts';

export interface MonthActivity {
  /** Savings deposited, less reversed deposits. */
  saved: bigint;
  withdrawn: bigint;
  lent: bigint;
  /** Repayments received (interest and principal). */
  repaid: bigint;
  interest: bigint;
  meetings: number;
  /** Attendance lines recorded, and those present or represented. */
  listed: number;
  present: number;
  writtenOff: bigint;
}

export interface MeetingStat {
  date: string;
  listed: number;
  present: number;
  /** Days between the meeting and the day it was recorded in Krom: how promptly books are kept. */
  recordedAfterDays: number;
}

export interface Activity {
  months: Record<string, MonthActivity>;
  recentMeetings: MeetingStat[];
}

export const MONTHS_KEPT = 25;
export const MEETINGS_KEPT = 12;

export const emptyActivity = (): Activity => ({ months: {}, recentMeetings: [] });

export const emptyMonth = (): MonthActivity => ({
  saved: 0n,
  withdrawn: 0n,
  lent: 0n,
  repaid: 0n,
  interest: 0n,
  meetings: 0,
  listed: 0,
  present: 0,
  writtenOff: 0n,
});

function prune(activity: Activity): void {
  const keep = Object.keys(activity.months).sort().slice(-MONTHS_KEPT);
  for (const month of Object.keys(activity.months)) if (!keep.includes(month)) delete activity.months[month];
}

/** Adds a posting's entries to the activity of its month (reversals subtract what they undo). */
export function addEntries(activity: Activity, date: string, entries: PostedEntry[]): Activity {
  const next: Activity = { months: { ...activity.months }, recentMeetings: [...activity.recentMeetings] };
  const key = date.slice(0, 7);
  const month = { ...(next.months[key] ?? emptyMonth()) };
  for (const e of entries) {
    const sign = e.kind === 'REVERSAL' ? -1n : 1n;
    const kind: EntryKind | 'REVERSAL' = e.kind === 'REVERSAL' ? (e.reversedKind ?? 'REVERSAL') : e.kind;
    if (kind === 'SAVING') month.saved += sign * e.amount;
    if (kind === 'SAVINGS_WITHDRAWAL') month.withdrawn += sign * e.amount;
    if (kind === 'LOAN_DISBURSEMENT') month.lent += sign * e.amount;
    if (kind === 'LOAN_WRITE_OFF') month.writtenOff += sign * e.amount;
    if (kind === 'REPAYMENT') {
      month.repaid += sign * e.amount;
      month.interest += e.interest; // a reversal's interest part is already negative
    }
  }
  next.months[key] = month;
  prune(next);
  return next;
}

/** Notes a meeting: its month's counts and the list of the last 12 meetings. */
export function addMeeting(activity: Activity, stat: MeetingStat): Activity {
  const next: Activity = { months: { ...activity.months }, recentMeetings: [...activity.recentMeetings] };
  const key = stat.date.slice(0, 7);
  const month = { ...(next.months[key] ?? emptyMonth()) };
  month.meetings += 1;
  month.listed += stat.listed;
  month.present += stat.present;
  next.months[key] = month;
  next.recentMeetings = [...next.recentMeetings, stat].sort((a, b) => (a.date < b.date ? -1 : 1)).slice(-MEETINGS_KEPT);
  prune(next);
  return next;
}

/**
 * A meeting's attendance corrected: its month's counts and its place among the recent meetings
 * take the new figures. A meeting older than what is kept changes nothing kept.
 */
export function correctMeetingAttendance(
  activity: Activity,
  date: string,
  before: { listed: number; present: number },
  after: { listed: number; present: number },
): Activity {
  const next: Activity = {
    months: { ...activity.months },
    recentMeetings: activity.recentMeetings.map((m) => (m.date === date ? { ...m, ...after } : m)),
  };
  const key = date.slice(0, 7);
  const month = next.months[key];
  if (month)
    next.months[key] = {
      ...month,
      listed: month.listed + after.listed - before.listed,
      present: month.present + after.present - before.present,
    };
  return next;
}
