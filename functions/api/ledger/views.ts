/** What the ledger resolvers hand to GraphQL: each `<Type>Model` is the value behind the GraphQL type <Type> (dev/codegen.ts maps them by name), and the records they are read from with the context they were read in. */
import type { Constitution } from '#core/constitution.ts';
import type { Balances, Books, PostedEntry } from '#core/ledger.ts';
import type { Installment } from '#core/loans.ts';
import type { AttendanceStatus, Journal, MeetingCorrection, MeetingRecords } from '#core/meetings.ts';
import type { LoanRecord } from '#store/books.ts';
import type { OfficerTerm } from '#store/officers.ts';

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

export type BooksModel = Books;
export type LedgerEntryModel = EntryView;
export type JournalModel = Journal;
export type MeetingModel = Journal;
export type AttendanceLineModel = AttendanceView;
export type MeetingCorrectionModel = MeetingCorrectionView;
export type LoanModel = LoanView;
export type InstallmentModel = Installment;
export type PassbookModel = PassbookView;
export type ConstitutionModel = Constitution;
export type OfficerTermModel = OfficerTerm;
export type BalancesModel = Balances;
/** A meeting of a sync as it was answered; its error is shaped for GraphQL by the resolver. */
export type SyncRecordResultModel = import('#api/ledger/commands.ts').SyncOutcome;
