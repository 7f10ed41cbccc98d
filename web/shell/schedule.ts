/** When a group meets, as a form holds it, and as the API takes it. Pure. */
import type { MeetingFrequency, MeetingScheduleInput, Weekday } from '../generated/graphql.ts';

export interface Schedule {
  frequency: MeetingFrequency;
  weekday: Weekday;
  /** "1"–"4", or "-1" for the last week; monthly meetings only. */
  weekOfMonth: string;
}

/** The schedule as the API takes it (a week of the month for monthly meetings only). */
export const scheduleInput = (s: Schedule): MeetingScheduleInput => ({
  frequency: s.frequency,
  weekday: s.weekday,
  weekOfMonth: s.frequency === 'MONTHLY' ? Number(s.weekOfMonth) : null,
});
