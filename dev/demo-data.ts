/**
 * Demo data drawn from the seed documents (shared/seeds):
 * - 000: self-help groups in Samlout district, Battambang, supported by KCDA: the oldest group has
 *   saved 2,943,700 riel, the newest 234,000, a group in Ta Taok commune 1,248,000 and lends at 5%
 *   a month. (Savings arrive with the group books.)
 * - 001: the Cambodia Women's Support Group, 15 women across Phnom Penh (Boeung Keng Kang II).
 * - 002: LEAP self-help groups in Siem Reap, gathered here into a Siem Reap federation (Chi Kraeng).
 * Member names are invented, in Khmer script; no real person's name or phone is used.
 */
import type { MeetingSchedule } from '#core/schedule.ts';

export interface DemoGroup {
  key: string;
  name: string;
  placeCode: string;
  formedOn: string;
  meetingSchedule: MeetingSchedule;
  federation: 'siemReap' | 'samlout' | null;
  members: number;
  /** Members who are men (groups are mostly women). */
  men: number;
}

export const DEMO_FEDERATIONS = {
  samlout: { name: 'សហព័ន្ធក្រុមជួយខ្លួនឯងសំឡូត (Samlout SHG Federation)', placeCode: '0209' },
  siemReap: { name: 'Siem Reap Federation of Self-Help Groups', placeCode: '1704' },
} as const;

export const DEMO_GROUPS: DemoGroup[] = [
  {
    key: 'tataok',
    name: 'ក្រុមជួយខ្លួនឯងតាតោក',
    placeCode: '020901',
    formedOn: '2011-03-01',
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
    federation: 'samlout',
    members: 16,
    men: 0,
  },
  {
    key: 'kampong-lpov-oldest',
    name: 'ក្រុមស្ត្រីកំពង់ល្ពៅ',
    placeCode: '020902',
    formedOn: '2009-06-01',
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'SUNDAY', weekOfMonth: 2 },
    federation: 'samlout',
    members: 18,
    men: 2,
  },
  {
    key: 'kampong-lpov-newest',
    name: 'Kampong Lpov New Hope Group',
    placeCode: '020902',
    formedOn: '2014-02-01',
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'SATURDAY', weekOfMonth: -1 },
    federation: 'samlout',
    members: 11,
    men: 1,
  },
  {
    key: 'cwsg',
    name: 'Cambodia Women’s Support Group',
    placeCode: '121302',
    formedOn: '2015-05-01',
    meetingSchedule: { frequency: 'WEEKLY', weekday: 'FRIDAY', weekOfMonth: null },
    federation: null,
    members: 15,
    men: 0,
  },
  {
    key: 'chi-kraeng',
    name: 'ក្រុមជួយខ្លួនឯងជីក្រែង',
    placeCode: '170402',
    formedOn: '2019-08-01',
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'WEDNESDAY', weekOfMonth: 1 },
    federation: 'siemReap',
    members: 14,
    men: 3,
  },
  {
    key: 'kampong-kdei',
    name: 'ក្រុមជួយខ្លួនឯងកំពង់ក្ដី',
    placeCode: '170403',
    formedOn: '2020-01-15',
    meetingSchedule: { frequency: 'MONTHLY', weekday: 'THURSDAY', weekOfMonth: 3 },
    federation: 'siemReap',
    members: 12,
    men: 2,
  },
];

export const DEMO_BANK = 'Samlout Rural Credit Bank (demo)';
export const DEMO_NGO = 'Khmer Community Development Association (KCDA)';

/** The demo people. Their subjects are what the demo tokens carry. */
export const DEMO_USERS = [
  { sub: 'demo-admin', displayName: 'Platform Admin', role: 'ADMIN' },
  { sub: 'demo-coordinator', displayName: 'សុខ វណ្ណា (coordinator)', role: 'COORDINATOR' },
  { sub: 'demo-treasurer', displayName: 'ចាន់ សុភា (treasurer)', role: 'TREASURER' },
  { sub: 'demo-president', displayName: 'កែវ ស្រីមុំ (president)', role: 'PRESIDENT' },
  { sub: 'demo-secretary', displayName: 'ហេង ធីតា (secretary)', role: 'SECRETARY' },
  { sub: 'demo-bank-officer', displayName: 'លី ចន្ធូ (loan officer)', role: 'LOAN_OFFICER' },
  { sub: 'demo-ngo-staff', displayName: 'មាស បុប្ផា (NGO staff)', role: 'STAFF' },
] as const;

const FAMILY = ['សុខ', 'ចាន់', 'កែវ', 'ស៊ុន', 'ហេង', 'លី', 'មាស', 'ពៅ', 'ញឹម', 'យិន', 'ឈឹម', 'ទេព'];
const WOMEN = [
  'ស្រីមុំ',
  'សុភា',
  'ចន្ធូ',
  'សុខា',
  'ធីតា',
  'វណ្ណា',
  'ស្រីនាង',
  'រតនា',
  'បុប្ផា',
  'ចរិយា',
  'ម៉ាលី',
  'សុគន្ធា',
  'ស្រីពៅ',
  'លក្ខិណា',
];
const MEN = ['សុផល', 'វិចិត្រ', 'ដារ៉ា', 'សម្បត្តិ', 'រិទ្ធី'];

/** Deterministic invented member names for a group. */
export function demoMemberNames(group: DemoGroup): { name: string; sex: 'FEMALE' | 'MALE' }[] {
  const seed = [...group.key].reduce((a, c) => a + c.charCodeAt(0), 0);
  return Array.from({ length: group.members }, (_, i) => {
    const man = i >= group.members - group.men;
    const given = man ? MEN[(seed + i) % MEN.length]! : WOMEN[(seed + i * 5) % WOMEN.length]!;
    return { name: `${FAMILY[(seed + i * 7) % FAMILY.length]} ${given}`, sex: man ? 'MALE' : 'FEMALE' };
  });
}
