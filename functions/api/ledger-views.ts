/** Shapes the ledger resolvers hand to GraphQL: posted records with the context they were read in. */
import type { PostedEntry } from '#core/ledger.ts';
import type { AttendanceStatus, MeetingCorrection, MeetingRecords } from '#core/meetings.ts';
import type { LoanRecord } from '#store/books.ts';

export interface EntryView {
  groupId: string;
  date: string;
  journalId: string;
  entry: PostedEntry;
  reversedBy: string | null;
}

export interface AttendanceView {
  groupId: string;
  memberId: string;
  status: AttendanceStatus;
}

/** A meeting's correction with the records as they stood before it, and the group it belongs to. */
export interface MeetingCorrectionView extends MeetingCorrection {
  groupId: string;
  before: MeetingRecords;
}

/** A loan with its live progress (from the books while active) and the day arrears are counted on. */
export interface LoanView {
  loan: LoanRecord;
  asOf: string;
}

export interface PassbookView {
  groupId: string;
  memberId: string;
  savings: bigint;
  loans: LoanView[];
  entries: EntryView[];
  cursor: string | null;
}
