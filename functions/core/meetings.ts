/**
 * Meetings and postings: what an officer records, and the rules a posting's date, attendance and
 * minutes obey. A journal is one posting — a meeting (with its attendance and minutes), entries
 * recorded between meetings, or a reversal — and holds its entries with their effects.
 */
import * as z from 'zod';
import { ValidationError } from './errors.ts';
import { ENTRY_KINDS, PAYOUT_REASONS, type EntryRef, type MemberFacts, type PostedEntry } from './ledger.ts';
import { dateSchema, idempotencyKeySchema, positiveMoneySchema, textSchema, idSchema, says } from './validation.ts';
import { say, type Text } from './messages.ts';
import { invalid } from './messages.ts';

export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT', 'REPRESENTED'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const JOURNAL_KINDS = ['MEETING', 'ENTRIES', 'REVERSAL'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export interface AttendanceLine {
  memberId: string;
  status: AttendanceStatus;
}

/** One line of the minutes book: the STREAM guide's four columns (the date is the meeting's). */
export interface MinutesItem {
  agendaItem: string;
  discussed: boolean;
  decision: string | null;
}

/** A meeting's attendance and minutes at one point of its history. */
export interface MeetingRecords {
  attendance: AttendanceLine[] | null;
  minutes: MinutesItem[] | null;
}

/**
 * A correction of a meeting's attendance or minutes: the whole list it puts in place of each part
 * it corrects (null: that part unchanged). What was recorded stays; corrections follow it.
 */
export interface MeetingCorrection {
  /** 1 for the meeting's first correction, and so on. */
  number: number;
  attendance: AttendanceLine[] | null;
  minutes: MinutesItem[] | null;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export interface Journal {
  groupId: string;
  journalId: string;
  kind: JournalKind;
  date: string;
  entries: PostedEntry[];
  /** Attendance and minutes as they now stand: as recorded, then as each correction left them. */
  attendance: AttendanceLine[] | null;
  minutes: MinutesItem[] | null;
  /** As the meeting was first recorded, never changed. */
  asRecorded: MeetingRecords;
  corrections: MeetingCorrection[];
  /** The books' version this posting produced: postings in the order they were applied. */
  sequence: number;
  recordedBy: string;
  recordedAt: string;
  /** Entries of this journal that were later reversed, and where the reversal is. */
  reversed: Record<string, EntryRef>;
}

/** A meeting's journal id: one meeting per group per date, whichever device records it. */
export const meetingJournalId = (date: string) => `M-${date}`;
export const entriesJournalId = (key: string) => `E-${key}`;
export const reversalJournalId = (key: string) => `R-${key}`;

/** Most entries one posting may hold: keeps a meeting's journal well inside DynamoDB's 400 KB item. */
export const MAX_ENTRIES = 400;

export const entryInputSchema = z.object({
  id: idSchema,
  kind: z.enum(ENTRY_KINDS),
  amount: positiveMoneySchema,
  memberId: idSchema.nullish(),
  loanId: idSchema.nullish(),
  termMonths: z.number().int().nullish(),
  payoutReason: z.enum(PAYOUT_REASONS).nullish(),
  note: textSchema(500).nullish(),
});

const entriesSchema = z.array(entryInputSchema).max(MAX_ENTRIES, `must hold at most ${MAX_ENTRIES} entries`);

export const meetingRecordSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  date: dateSchema,
  attendance: z
    .array(z.object({ memberId: idSchema, status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1, says(invalid.listMembers))
    .max(200, says(invalid.atMostListed(200, 'members', 'សមាជិក'))),
  minutes: z
    .array(z.object({ agendaItem: textSchema(300), discussed: z.boolean(), decision: textSchema(1000).nullish() }))
    .max(50, says(invalid.atMostListed(50, 'items', 'ចំណុច'))),
  entries: entriesSchema,
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/**
 * Corrections a meeting keeps at most. Each may hold a whole attendance and minutes, so the
 * journal's size check (store/books.ts) is the real bound; this one keeps the history readable.
 */
export const MAX_MEETING_CORRECTIONS = 20;

export const correctMeetingInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  date: dateSchema,
  /** The whole attendance as it should stand; left out, it stays as it is. */
  attendance: meetingRecordSchema.shape.attendance.nullish(),
  /** The whole minutes as they should stand; left out, they stay as they are. */
  minutes: meetingRecordSchema.shape.minutes.nullish(),
  reason: textSchema(500),
});
export type CorrectMeetingInput = z.infer<typeof correctMeetingInputSchema>;

/** The meeting's attendance and minutes after its corrections, applied in order. */
export function correctedRecords(recorded: MeetingRecords, corrections: readonly MeetingCorrection[]): MeetingRecords {
  return corrections.reduce<MeetingRecords>(
    (now, c) => ({ attendance: c.attendance ?? now.attendance, minutes: c.minutes ?? now.minutes }),
    recorded,
  );
}

/** Each correction with the records as they stood just before it, for a history that reads "was / now". */
export function correctionsWithBefore(
  journal: Pick<Journal, 'asRecorded' | 'corrections'>,
): (MeetingCorrection & { before: MeetingRecords })[] {
  return journal.corrections.map((c, i) => ({
    ...c,
    before: correctedRecords(journal.asRecorded, journal.corrections.slice(0, i)),
  }));
}

const attendanceKey = (lines: readonly AttendanceLine[]) =>
  JSON.stringify(lines.map((l) => `${l.memberId}:${l.status}`).sort());
const normaliseMinutes = (items: CorrectMeetingInput['minutes']): MinutesItem[] | null =>
  items?.map((m) => ({ agendaItem: m.agendaItem, discussed: m.discussed, decision: m.decision ?? null })) ?? null;

/**
 * The correction `input` makes to a meeting, or a refusal. A part counts as corrected only if it
 * differs from how it stands (attendance in any order is the same attendance); a correction that
 * changes nothing is refused, so the history holds only real changes. Attendance is checked by the
 * caller against the members of the day, as when it was recorded.
 */
export function planMeetingCorrection(
  journal: Journal,
  input: CorrectMeetingInput,
  by: string,
  at: string,
): MeetingCorrection {
  const attendance =
    input.attendance && (!journal.attendance || attendanceKey(input.attendance) !== attendanceKey(journal.attendance))
      ? input.attendance
      : null;
  const wanted = normaliseMinutes(input.minutes);
  const minutes = wanted && JSON.stringify(wanted) !== JSON.stringify(journal.minutes ?? []) ? wanted : null;
  if (!attendance && !minutes) fail('input', say.nothingToCorrect);
  if (journal.corrections.length >= MAX_MEETING_CORRECTIONS)
    fail('input.date', say.tooManyCorrections(MAX_MEETING_CORRECTIONS));
  return {
    number: journal.corrections.length + 1,
    attendance,
    minutes,
    reason: input.reason,
    correctedBy: by,
    correctedAt: at,
  };
}

/** How many were listed and how many came (present or represented). */
export function attendanceCounts(lines: readonly AttendanceLine[] | null): { listed: number; present: number } {
  const all = lines ?? [];
  return { listed: all.length, present: all.filter((a) => a.status !== 'ABSENT').length };
}

export const recordEntriesInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  date: dateSchema,
  entries: entriesSchema.min(1, says(invalid.atLeastOneEntry)),
});
export type RecordEntriesInput = z.infer<typeof recordEntriesInputSchema>;

export const reverseEntryInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  entryRef: z.string().max(200),
  date: dateSchema,
  reason: textSchema(500),
});
export type ReverseEntryInput = z.infer<typeof reverseEntryInputSchema>;

export const syncMeetingsInputSchema = z.object({
  meetings: z
    .array(z.unknown())
    .min(1, says(invalid.atLeastOneMeeting))
    .max(60, says(invalid.atMostListed(60, 'meetings', 'ការប្រជុំ'))),
});

function fail(field: string, text: Text): never {
  throw ValidationError.at(field, text);
}

/** A posting is dated between the group's forming and today (Cambodia's day). */
export function checkPostingDate(formedOn: string, date: string, today: string, field: string): void {
  if (date < formedOn) fail(field, say.beforeForming(formedOn));
  if (date > today) fail(field, say.notInFuture);
}

/** Attendance names every member of the group on that date exactly once, and nobody else. */
export function checkAttendance(
  lines: AttendanceLine[],
  members: ReadonlyMap<string, MemberFacts>,
  date: string,
  field: string,
): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const facts = members.get(line.memberId);
    if (!facts || facts.joinedOn > date || (facts.leftOn !== null && facts.leftOn <= date)) {
      fail(`${field}.${i}.memberId`, say.notAMemberOfGroupOn(date));
    }
    if (seen.has(line.memberId)) fail(`${field}.${i}.memberId`, say.listedTwice);
    seen.add(line.memberId);
  });
  for (const [memberId, facts] of members) {
    if (facts.joinedOn <= date && (facts.leftOn === null || facts.leftOn > date) && !seen.has(memberId)) {
      fail(field, say.everyMemberListed(memberId));
    }
  }
}

export { formatEntryRef, parseEntryRef } from './entry-ref.ts';
