/**
 * A group's agreed meeting time, e.g. "the first Tuesday of the month" (the STREAM guide asks each
 * group to fix a place and a time). Kept structured so that later rules can check meeting
 * regularity against it; described in English and Khmer for people.
 */
export const FREQUENCIES = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface MeetingSchedule {
  frequency: Frequency;
  weekday: Weekday;
  /** For monthly meetings: which week of the month, 1–4, or -1 for the last. */
  weekOfMonth: number | null;
}

const WEEKDAY_KM: Record<Weekday, string> = {
  MONDAY: 'ថ្ងៃច័ន្ទ',
  TUESDAY: 'ថ្ងៃអង្គារ',
  WEDNESDAY: 'ថ្ងៃពុធ',
  THURSDAY: 'ថ្ងៃព្រហស្បតិ៍',
  FRIDAY: 'ថ្ងៃសុក្រ',
  SATURDAY: 'ថ្ងៃសៅរ៍',
  SUNDAY: 'ថ្ងៃអាទិត្យ',
};
const ORDINAL_EN: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const ORDINAL_KM: Record<number, string> = { 1: 'ទីមួយ', 2: 'ទីពីរ', 3: 'ទីបី', 4: 'ទីបួន', [-1]: 'ចុងក្រោយ' };

const titleCase = (day: Weekday) => day[0] + day.slice(1).toLowerCase();

/** "the first Tuesday of the month", "every Friday", "every other Monday". */
export function describeSchedule(s: MeetingSchedule): { en: string; km: string } {
  const day = titleCase(s.weekday);
  switch (s.frequency) {
    case 'WEEKLY':
      return { en: `every ${day}`, km: `រៀងរាល់${WEEKDAY_KM[s.weekday]}` };
    case 'FORTNIGHTLY':
      return { en: `every other ${day}`, km: `${WEEKDAY_KM[s.weekday]} ពីរសប្តាហ៍ម្តង` };
    case 'MONTHLY': {
      const week = s.weekOfMonth ?? 1;
      return {
        en: `the ${ORDINAL_EN[week]} ${day} of the month`,
        km: `${WEEKDAY_KM[s.weekday]}${ORDINAL_KM[week]} នៃខែ`,
      };
    }
  }
}

const DAY_MS = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
/** 0 for Monday … 6 for Sunday. */
const weekdayIndex = (d: Date) => (d.getUTCDay() + 6) % 7;

/** The `weekOfMonth`-th `weekday` of the month (the last one for -1). */
function monthlyDay(year: number, month: number, s: MeetingSchedule): Date {
  const target = WEEKDAYS.indexOf(s.weekday);
  const week = s.weekOfMonth ?? 1;
  if (week === -1) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return new Date(last.getTime() - ((weekdayIndex(last) - target + 7) % 7) * DAY_MS);
  }
  const first = new Date(Date.UTC(year, month, 1));
  return new Date(first.getTime() + (((target - weekdayIndex(first) + 7) % 7) + (week - 1) * 7) * DAY_MS);
}

/**
 * The next meeting on or after `today` by the schedule. Fortnightly meetings count two weeks from
 * the last meeting when there was one (the schedule alone cannot say which week is on).
 */
export function nextMeetingOn(s: MeetingSchedule, today: string, lastMeeting: string | null = null): string {
  const day = toDate(today);
  if (s.frequency === 'MONTHLY') {
    const thisMonth = monthlyDay(day.getUTCFullYear(), day.getUTCMonth(), s);
    return toIso(thisMonth >= day ? thisMonth : monthlyDay(day.getUTCFullYear(), day.getUTCMonth() + 1, s));
  }
  if (s.frequency === 'FORTNIGHTLY' && lastMeeting) {
    let next = toDate(lastMeeting).getTime() + 14 * DAY_MS;
    while (next < day.getTime()) next += 14 * DAY_MS;
    return toIso(new Date(next));
  }
  const ahead = (WEEKDAYS.indexOf(s.weekday) - weekdayIndex(day) + 7) % 7;
  return toIso(new Date(day.getTime() + ahead * DAY_MS));
}
