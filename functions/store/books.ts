/**
 * The group's books in the table: one BOOKS item with the balances (written whole, guarded by its
 * version), one JOURNAL item per posting holding its entries, attendance and minutes, and one LOAN
 * item per loan. A posting of any size is therefore a handful of items in one transaction —
 * journal, books, the loans it made or closed, the idempotency record — never one item per entry,
 * so a meeting stays all-or-nothing however many members it has (see README, "Group books").
 */
import { ConflictError, NotFoundError, ValidationError } from '#core/errors.ts';
import {
  emptyBooks,
  type BankLoanState,
  type Books,
  type EntryRef,
  type LoanState,
  type LoanStatus,
} from '#core/ledger.ts';
import { bankLoanRepaidWrite } from './bank-loans.ts';
import { correctedRecords, type Journal, type JournalKind, type MeetingCorrection } from '#core/meetings.ts';
import type { z } from 'zod';
import type { Constitution } from '#core/constitution.ts';
import { emptyActivity, type Activity, type MeetingStat } from '#core/activity.ts';
import { batchGet, getItem, queryAll, queryPage, type Db, type Item, type Page } from './db.ts';
import { activityRecord, booksRecord, constitutionRecord, journalRecord, loanRecord, readRecord } from './records.ts';
import type { GuardedWrite } from './idempotency.ts';
import { keys, prefixes } from './keys.ts';
import { say } from '#core/messages.ts';

export type { LoanStatus };

/** A loan's record: its terms as made, and its final state once closed. Live balances are in the books. */
export interface LoanRecord extends Omit<LoanState, 'lastRepaymentOn'> {
  groupId: string;
  status: LoanStatus;
  closedOn: string | null;
}

/** DynamoDB keeps item size under 400 KB; a journal is refused well before that. */
const MAX_JOURNAL_BYTES = 350_000;

/**
 * The books: balances, members' savings and open loans in the BOOKS item, and the recent activity
 * in its own ACTIVITY item, written in the same transaction. Kept apart and compact so each stays
 * under one 4 KB read unit whatever the group's age: the credit profile's cost does not grow with
 * history. Both are read in one strongly consistent BatchGetItem.
 */
export async function getBooks(db: Db, groupId: string): Promise<Books> {
  return (await getManyBooks(db, [groupId]))[0]!;
}

/** Many groups' books in as few strongly consistent BatchGetItem requests as DynamoDB allows. */
export async function getManyBooks(db: Db, groupIds: readonly string[]): Promise<Books[]> {
  const found = await batchGet(
    db,
    groupIds.flatMap((id) => [keys.books(id), keys.activity(id)]),
    true,
  );
  return groupIds.map((_, i) => readBooks(found[2 * i], found[2 * i + 1]));
}

function readBooks(item: Item | undefined, activity: Item | undefined): Books {
  if (!item) return emptyBooks();
  return {
    ...readRecord(booksRecord, item),
    activity: activity ? decodeActivity(readRecord(activityRecord, activity)) : emptyActivity(),
  };
}

const MONTH_FIELDS = [
  'saved',
  'withdrawn',
  'lent',
  'repaid',
  'interest',
  'meetings',
  'listed',
  'present',
  'writtenOff',
] as const;

/** Activity as short strings: "saved,withdrawn,lent,repaid,interest,meetings,listed,present" a month. */
function encodeActivity(a: Activity): Record<string, unknown> {
  return {
    months: Object.fromEntries(
      Object.entries(a.months).map(([m, v]) => [m, MONTH_FIELDS.map((f) => v[f].toString()).join(',')]),
    ),
    meetings: a.recentMeetings.map((m) => `${m.date}|${m.listed}|${m.present}|${m.recordedAfterDays}`),
  };
}

type StoredActivity = z.infer<typeof activityRecord>;

function decodeActivity(item: StoredActivity): Activity {
  const months = Object.fromEntries(
    Object.entries(item.months).map(([m, text]) => {
      const v = text.split(',');
      return [
        m,
        {
          saved: BigInt(v[0]!),
          withdrawn: BigInt(v[1]!),
          lent: BigInt(v[2]!),
          repaid: BigInt(v[3]!),
          interest: BigInt(v[4]!),
          meetings: Number(v[5]),
          listed: Number(v[6]),
          present: Number(v[7]),
          writtenOff: BigInt(v[8] ?? 0),
        },
      ];
    }),
  );
  const recentMeetings: MeetingStat[] = item.meetings.map((text) => {
    const [date, listed, present, after] = text.split('|');
    return { date: date!, listed: Number(listed), present: Number(present), recordedAfterDays: Number(after) };
  });
  return { months, recentMeetings };
}

function readJournal(item: Item): Journal {
  const { attendance, minutes, ...journal } = readRecord(journalRecord, item);
  const asRecorded = { attendance, minutes };
  return { ...journal, ...correctedRecords(asRecorded, journal.corrections), asRecorded };
}

export async function getJournal(
  db: Db,
  groupId: string,
  date: string,
  journalId: string,
): Promise<Journal | undefined> {
  const item = await getItem(db, keys.journal(groupId, date, journalId), true);
  return item ? readJournal(item) : undefined;
}

/** Journals dated within [from, to], oldest first (or newest first), one page. */
export async function listJournals(
  db: Db,
  groupId: string,
  range: { from: string; to: string },
  limit: number,
  cursor: string | null,
  options: { newestFirst?: boolean; kind?: JournalKind } = {},
): Promise<Page<Journal>> {
  const page = await queryPage(db, {
    partition: keys.group(groupId).pk,
    sortBetween: [`${prefixes.journals}${range.from}#`, `${prefixes.journals}${range.to}#~`],
    limit,
    cursor,
    forward: !options.newestFirst,
    consistent: true,
    // A page of meetings passes over the postings between them, so a month with a bank deposit
    // still shows its meeting on the first page.
    ...(options.kind ? { only: { attribute: 'kind', value: options.kind } } : {}),
  });
  return { items: page.items.map(readJournal), cursor: page.cursor };
}

export async function listLoanRecords(db: Db, groupId: string): Promise<LoanRecord[]> {
  const items = await queryAll(db, { partition: keys.group(groupId).pk, sortPrefix: prefixes.loans, consistent: true });
  return items.map((i) => readRecord(loanRecord, i));
}

export async function listConstitutions(db: Db, groupId: string): Promise<Constitution[]> {
  const items = await queryAll(db, {
    partition: keys.group(groupId).pk,
    sortPrefix: prefixes.constitutions,
    consistent: true,
  });
  return items.map((i) => readRecord(constitutionRecord, i));
}

/** A new version; versions are history, so one from the same date is refused, never replaced. */
export function putConstitutionWrite(db: Db, c: Constitution): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.constitution(c.groupId, c.effectiveFrom), entity: 'Constitution', ...c },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () => new ConflictError(say.constitutionExists(c.effectiveFrom), 'input.effectiveFrom'),
  };
}

/**
 * The books' version moved on without rewriting them, only if still at `version`: for a change the
 * books' readers depend on but that is kept elsewhere (a member's leaving, a meeting's corrected
 * attendance), so a posting planned before it is planned again. Books not yet written (version 0)
 * are written empty at version 1, so a first posting racing the change is planned again too.
 */
export function booksMoved(db: Db, groupId: string, version: number): GuardedWrite {
  if (version === 0) return booksWrite(db, groupId, { ...emptyBooks(), version: 1 }, 0);
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.books(groupId),
        UpdateExpression: 'SET #v = :next',
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': version, ':next': version + 1 },
      },
    },
  };
}

/** The books written whole, only if still at the version the plan read. */
function booksWrite(db: Db, groupId: string, books: Books, readVersion: number): GuardedWrite {
  const { activity: _activity, ...rest } = books;
  const item = { ...keys.books(groupId), entity: 'Books', groupId, ...rest };
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: item,
        ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : '#v = :v',
        ...(readVersion === 0
          ? {}
          : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': readVersion } }),
      },
    },
    // No domain meaning: another posting got in first, so the plan is made again on fresh books.
  };
}

export interface PostingPlan {
  groupId: string;
  journal: Journal;
  books: Books;
  readVersion: number;
  closedLoans: (LoanState & { writtenOff?: boolean })[];
  /** Bank loans this posting repaid in full. */
  closedBankLoans?: BankLoanState[];
  /** For a reversal: the original entry to mark. */
  reverses?: EntryRef;
  /** For the reversal of a disbursement: the loan it un-makes. */
  unmadeLoanId?: string;
}

/** The writes of one posting: journal, books, new and closed loans, and a reversal's mark. */
export function postingWrites(db: Db, plan: PostingPlan): GuardedWrite[] {
  const { groupId, journal } = plan;
  // The item keeps attendance and minutes as recorded; corrections are appended later, never merged in.
  const item = journalItem(journal);
  checkJournalSize(item);
  const writes: GuardedWrite[] = [
    {
      write: { Put: { TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: () =>
        journal.kind === 'MEETING'
          ? new ConflictError(say.meetingRecorded(journal.date), 'input.date')
          : new ConflictError(say.postingRecorded),
    },
    booksWrite(db, groupId, plan.books, plan.readVersion),
    activityWrite(db, groupId, plan.books.activity),
  ];
  journal.entries.forEach((entry, i) => {
    if (entry.kind !== 'LOAN_DISBURSEMENT' || !entry.loanTerms) return;
    const loan: LoanRecord = {
      id: entry.id,
      groupId,
      ...entry.loanTerms,
      principalPaid: 0n,
      interestPaid: 0n,
      status: 'ACTIVE',
      closedOn: null,
    };
    writes.push({
      write: {
        Put: {
          TableName: db.table,
          Item: { ...keys.loan(groupId, entry.id), entity: 'Loan', ...loan },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(say.loanIdUsed, `input.entries.${i}.id`),
    });
  });
  for (const loan of plan.closedLoans)
    writes.push(loanStatusWrite(db, groupId, loan, loan.writtenOff ? 'WRITTEN_OFF' : 'CLOSED', journal.date));
  for (const loan of plan.closedBankLoans ?? []) writes.push(bankLoanRepaidWrite(db, groupId, loan, journal.date));
  if (plan.reverses) {
    const ref = plan.reverses;
    writes.push({
      write: {
        Update: {
          TableName: db.table,
          Key: keys.journal(groupId, ref.date, ref.journalId),
          UpdateExpression: 'SET reversed.#e = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reversed.#e)',
          ExpressionAttributeNames: { '#e': ref.entryId },
          ExpressionAttributeValues: {
            ':by': { date: journal.date, journalId: journal.journalId, entryId: journal.entries[0]!.id },
          },
        },
      },
      onConditionFailed: () => new ConflictError(say.entryAlreadyReversed, 'input.entryRef'),
    });
  }
  if (plan.unmadeLoanId)
    writes.push(
      loanStatusWrite(
        db,
        groupId,
        { id: plan.unmadeLoanId, principalPaid: 0n, interestPaid: 0n },
        'REVERSED',
        journal.date,
      ),
    );
  if (writes.length > 99) {
    throw ValidationError.at('input.entries', say.tooManyLoans(95));
  }
  return writes;
}

/**
 * A posting's journal item as stored: attendance and minutes as recorded (corrections are appended
 * to the stored item later, never merged into these).
 */
function journalItem(journal: Journal): Record<string, unknown> {
  const { asRecorded, corrections: _appendedLater, ...posted } = journal;
  return {
    ...keys.journal(journal.groupId, journal.date, journal.journalId),
    entity: 'Journal',
    ...posted,
    ...asRecorded,
  };
}

/** The recent activity, written whole; guarded by the books' version written in the same transaction. */
function activityWrite(db: Db, groupId: string, activity: Activity): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: db.table,
        Item: { ...keys.activity(groupId), entity: 'Activity', groupId, ...encodeActivity(activity) },
      },
    },
  };
}

function checkJournalSize(item: Record<string, unknown>): void {
  const size = Buffer.byteLength(JSON.stringify(item, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  if (size > MAX_JOURNAL_BYTES) throw ValidationError.at('input', say.tooLarge(size));
}

/**
 * A meeting's correction appended to its journal — only if no other correction got there first —
 * and, when attendance changed, the activity the credit profile reads, with the books' version
 * moved on so that a posting planned on the old activity is made again rather than overwrite it.
 */
export function meetingCorrectionWrites(
  db: Db,
  journal: Journal,
  correction: MeetingCorrection,
  books: Books | null,
): GuardedWrite[] {
  const corrections = [...journal.corrections, correction];
  const stored = journal.corrections.length;
  checkJournalSize({ ...journalItem(journal), corrections });
  const writes: GuardedWrite[] = [
    {
      write: {
        Update: {
          TableName: db.table,
          Key: keys.journal(journal.groupId, journal.date, journal.journalId),
          UpdateExpression: 'SET corrections = :corrections',
          ConditionExpression:
            stored === 0 ? 'attribute_exists(pk) AND attribute_not_exists(corrections)' : 'size(corrections) = :stored',
          ExpressionAttributeValues: { ':corrections': corrections, ...(stored === 0 ? {} : { ':stored': stored }) },
        },
      },
    },
  ];
  if (books) {
    writes.push(booksMoved(db, journal.groupId, books.version), activityWrite(db, journal.groupId, books.activity));
  }
  return writes;
}

function loanStatusWrite(
  db: Db,
  groupId: string,
  loan: Pick<LoanState, 'id' | 'principalPaid' | 'interestPaid'>,
  status: LoanStatus,
  on: string,
): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: db.table,
        Key: keys.loan(groupId, loan.id),
        UpdateExpression: 'SET #s = :s, closedOn = :on, principalPaid = :pp, interestPaid = :ip',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':on': on, ':pp': loan.principalPaid, ':ip': loan.interestPaid },
      },
    },
    onConditionFailed: () => new NotFoundError(say.loanRecordMissing),
  };
}
