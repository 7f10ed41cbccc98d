/**
 * A group's summary for its federation, and whether it needs attention: no meeting for 60 days, or
 * more than 10% of its loans more than 30 days late. Computed when read, from what the books keep,
 * because both depend on today as much as on the last write. Pure.
 */
import type { Books } from './ledger.ts';
import { daysBetween, daysInArrears, par30BasisPoints } from './loans.ts';

export const NO_MEETING_DAYS = 60;
export const PAR30_ATTENTION_BP = 1000;

export interface GroupSummary {
  savings: bigint;
  loansOutstanding: bigint;
  par30BasisPoints: number;
  lastMeetingOn: string | null;
  needsAttention: boolean;
  reasons: { en: string; km: string }[];
}

export function summarise(group: { formedOn: string }, books: Books, asOf: string): GroupSummary {
  const par30 = par30BasisPoints(
    Object.values(books.loans).map((l) => ({
      outstanding: l.principal - l.principalPaid,
      daysInArrears: daysInArrears(l, l, asOf),
    })),
  );
  const lastMeetingOn = books.activity.recentMeetings.at(-1)?.date ?? null;
  const reasons: GroupSummary['reasons'] = [];
  const since = daysBetween(lastMeetingOn ?? group.formedOn, asOf);
  if (since > NO_MEETING_DAYS) {
    reasons.push({
      en: lastMeetingOn ? `no meeting for ${since} days` : `no meeting recorded in ${since} days since forming`,
      km: `គ្មានការប្រជុំរយៈពេល ${since} ថ្ងៃ`,
    });
  }
  if (par30 > PAR30_ATTENTION_BP)
    reasons.push({ en: `PAR30 is ${(par30 / 100).toFixed(1)}%`, km: `PAR30 គឺ ${(par30 / 100).toFixed(1)}%` });
  return {
    savings: books.balances.savings,
    loansOutstanding: books.balances.loansOutstanding,
    par30BasisPoints: par30,
    lastMeetingOn,
    needsAttention: reasons.length > 0,
    reasons,
  };
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | bigint | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The federation report's columns; savings and loans in each group's own currency (minor units), named beside them. */
export const REPORT_HEADER =
  'group_id,name,commune,members,women,currency,savings,loans_outstanding,par30_percent,last_meeting,needs_attention,reasons';

/** A group's line of the federation report (CSV, RFC 4180 quoting). `commune` is the commune's name. */
export function reportLine(
  group: { id: string; name: string; memberCount: number; womenCount: number; currency: string },
  commune: string,
  summary: GroupSummary,
): string {
  return [
    group.id,
    group.name,
    commune,
    group.memberCount,
    group.womenCount,
    group.currency,
    summary.savings,
    summary.loansOutstanding,
    (summary.par30BasisPoints / 100).toFixed(2),
    summary.lastMeetingOn,
    summary.needsAttention ? 'yes' : 'no',
    summary.reasons.map((r) => r.en).join('; '),
  ]
    .map(csvField)
    .join(',');
}

/** The report's lines joined as CSV wants them (CRLF, ending with one). */
export const csvDocument = (lines: readonly string[]) => `${lines.join('\r\n')}\r\n`;
