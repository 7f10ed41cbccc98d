/**
 * Posting to a group's books: read what the rules need (books, members, constitution), apply the
 * rules in core, and commit the journal and the new books in one idempotent transaction. If
 * another posting changes the books first, the plan is made again on the fresh books.
 */
import { addMeeting, correctMeetingAttendance } from '#core/activity.ts';
import { constitutionOn } from '#core/constitution.ts';
import { daysBetween } from '#core/loans.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '#core/errors.ts';
import type { Group, Member } from '#core/groups.ts';
import { postEntries, reverseEntry, type BankLoanOffer, type EntryInput, type MemberFacts } from '#core/ledger.ts';
import type { Transition } from '#core/access.ts';
import { transitionWrite } from '#store/access.ts';
import { getBankLoan, type BankLoanRecord } from '#store/bank-loans.ts';
import { keys } from '#store/keys.ts';
import {
  attendanceCounts,
  checkAttendance,
  correctedRecords,
  planMeetingCorrection,
  type CorrectMeetingInput,
  checkPostingDate,
  entriesJournalId,
  meetingJournalId,
  parseEntryRef,
  reversalJournalId,
  type Journal,
  type JournalKind,
  meetingRecordSchema,
  type MeetingRecord,
  type RecordEntriesInput,
  type ReverseEntryInput,
} from '#core/meetings.ts';
import { cambodiaDate, parseInput } from '#core/validation.ts';
import { getBooks, getJournal, listConstitutions, meetingCorrectionWrites, postingWrites } from '#store/books.ts';
import { listAllMembers } from '#store/groups.ts';
import type { GuardedWrite, WritePlan } from '#store/idempotency.ts';
import type { Context } from '#api/context.ts';
import { commit } from '#api/mutation.ts';
import { say } from '#core/messages.ts';

function memberFacts(members: Member[]): Map<string, MemberFacts> {
  return new Map(members.map((m) => [m.id, { joinedOn: m.joinedOn, leftOn: m.leftOn }]));
}

/** A posting's journal, recorded by the viewer now. */
function journalOf(
  ctx: Context,
  group: Group,
  posting: Omit<Journal, 'groupId' | 'recordedBy' | 'recordedAt' | 'reversed' | 'asRecorded' | 'corrections'>,
): Journal {
  return {
    ...posting,
    asRecorded: { attendance: posting.attendance, minutes: posting.minutes },
    corrections: [],
    groupId: group.id,
    recordedBy: ctx.viewer.userId,
    recordedAt: ctx.now().toISOString(),
    reversed: {},
  };
}

interface PostingRequest {
  /** Bank loans this posting pays in (the bank's disbursement only). */
  bankLoanOffers?: ReadonlyMap<string, BankLoanOffer>;
  /** Further writes that must commit with the posting (the bank loan's own state). */
  alsoWrite?: GuardedWrite[];
  kind: JournalKind;
  journalId: string;
  date: string;
  entries: EntryInput[];
  attendance?: MeetingRecord['attendance'];
  minutes?: MeetingRecord['minutes'];
  /** Dotted path of the record in the request ("input", or "input.meetings.3"). */
  field: string;
}

async function planPosting(ctx: Context, group: Group, req: PostingRequest): Promise<WritePlan<Journal>> {
  checkPostingDate(group.formedOn, req.date, cambodiaDate(ctx.now()), `${req.field}.date`);
  // The books first, the members after them: a leaving recorded between the two reads either shows
  // in the members read or has moved the books' version, and this posting is planned again.
  const books = await getBooks(ctx.db, group.id);
  const [members, constitutions] = await Promise.all([
    listAllMembers(ctx.db, group.id),
    listConstitutions(ctx.db, group.id),
  ]);
  const facts = memberFacts(members);
  if (req.attendance) checkAttendance(req.attendance, facts, req.date, `${req.field}.attendance`);
  const result = postEntries(books, req.entries, {
    date: req.date,
    constitution: constitutionOn(constitutions, req.date),
    members: facts,
    field: `${req.field}.entries`,
    bankLoanOffers: req.bankLoanOffers,
  });
  if (req.attendance) {
    const recordedOn = cambodiaDate(ctx.now());
    result.books.activity = addMeeting(result.books.activity, {
      date: req.date,
      listed: req.attendance.length,
      present: req.attendance.filter((a) => a.status !== 'ABSENT').length,
      recordedAfterDays: Math.max(0, daysBetween(req.date, recordedOn)),
    });
  }
  const journal = journalOf(ctx, group, {
    journalId: req.journalId,
    kind: req.kind,
    date: req.date,
    entries: result.posted,
    attendance: req.attendance ?? null,
    minutes:
      req.minutes?.map((m) => ({ agendaItem: m.agendaItem, discussed: m.discussed, decision: m.decision ?? null })) ??
      null,
    sequence: result.books.version,
  });
  const writes = postingWrites(ctx.db, {
    groupId: group.id,
    journal,
    books: result.books,
    readVersion: books.version,
    closedLoans: result.closedLoans,
    closedBankLoans: result.closedBankLoans,
  });
  return { writes: [...writes, ...(req.alsoWrite ?? [])], result: journal };
}

/**
 * Pays an approved bank loan into the group's books: a BANK_LOAN_RECEIVED entry, and the loan's
 * move to DISBURSED, in one transaction.
 */
export function disburseBankLoan(
  ctx: Context,
  group: Group,
  input: { idempotencyKey: string; date: string },
  loan: BankLoanRecord,
  transition: Transition,
): Promise<Journal> {
  const request = { ...input, bankLoanId: loan.id };
  return commit(
    ctx,
    'disburseBankLoan',
    request,
    async () => {
      const current = await getBankLoan(ctx.db, group.id, loan.id);
      if (current?.status !== 'APPROVED') {
        throw new ConflictError(say.approvedLoanOnly(String(current?.status)), 'input.bankLoanId');
      }
      return planPosting(ctx, group, {
        kind: 'ENTRIES',
        journalId: `B-${input.idempotencyKey}`,
        date: input.date,
        entries: [{ id: loan.id, kind: 'BANK_LOAN_RECEIVED', amount: loan.amount, note: loan.purpose }],
        bankLoanOffers: new Map([
          [
            loan.id,
            {
              bankId: loan.bankId,
              monthlyRateBasisPoints: loan.monthlyRateBasisPoints ?? 0,
              method: 'DECLINING_BALANCE' as const,
              termMonths: loan.termMonths,
            },
          ],
        ]),
        alsoWrite: [
          transitionWrite(
            ctx.db,
            keys.bankLoan(group.id, loan.id),
            'APPROVED',
            transition,
            { disbursedOn: input.date },
            'status',
          ),
        ],
        field: 'input',
      });
    },
    { rememberRejections: true },
  );
}

/** Records a whole meeting — attendance, minutes and money — all or nothing. */
export function recordMeeting(ctx: Context, group: Group, record: MeetingRecord, field = 'input'): Promise<Journal> {
  return commit(
    ctx,
    'recordMeeting',
    record,
    () =>
      planPosting(ctx, group, {
        kind: 'MEETING',
        journalId: meetingJournalId(record.date),
        date: record.date,
        entries: record.entries,
        attendance: record.attendance,
        minutes: record.minutes,
        field,
      }),
    { rememberRejections: true },
  );
}

/** Records money that moved between meetings (a bank deposit, a repayment brought to the treasurer). */
export function recordEntries(ctx: Context, group: Group, input: RecordEntriesInput): Promise<Journal> {
  return commit(
    ctx,
    'recordEntries',
    input,
    () =>
      planPosting(ctx, group, {
        kind: 'ENTRIES',
        journalId: entriesJournalId(input.idempotencyKey),
        date: input.date,
        entries: input.entries,
        field: 'input',
      }),
    { rememberRejections: true },
  );
}

/** Corrects a posted entry by a reversal entry of opposite effects; the original stays as it was. */
export function reverse(ctx: Context, group: Group, input: ReverseEntryInput): Promise<Journal> {
  const ref = parseEntryRef(input.entryRef);
  const badRef = () => ValidationError.at('input.entryRef', say.notAnEntry);
  if (!ref) throw badRef();
  return commit(
    ctx,
    'reverseEntry',
    input,
    async () => {
      checkPostingDate(group.formedOn, input.date, cambodiaDate(ctx.now()), 'input.date');
      if (input.date < ref.date) throw ValidationError.at('input.date', say.notBeforeReversed);
      const [original, books] = await Promise.all([
        getJournal(ctx.db, group.id, ref.date, ref.journalId),
        getBooks(ctx.db, group.id),
      ]);
      const entry = original?.entries.find((e) => e.id === ref.entryId);
      if (!original || !entry) throw badRef();
      if (original.reversed[entry.id]) throw ValidationError.at('input.entryRef', say.alreadyReversed);
      const journalId = reversalJournalId(input.idempotencyKey);
      const result = reverseEntry(books, entry, `${entry.id}-reversal`, input.date, 'input.entryRef');
      const journal = journalOf(ctx, group, {
        journalId,
        kind: 'REVERSAL',
        date: input.date,
        entries: [{ ...result.posted, note: input.reason, reverses: ref }],
        attendance: null,
        minutes: null,
        sequence: result.books.version,
      });
      const writes = postingWrites(ctx.db, {
        groupId: group.id,
        journal,
        books: result.books,
        readVersion: books.version,
        closedLoans: [],
        reverses: ref,
        unmadeLoanId: entry.kind === 'LOAN_DISBURSEMENT' ? (entry.loanId ?? undefined) : undefined,
      });
      return { writes, result: journal };
    },
    { rememberRejections: true },
  );
}

/**
 * Corrects a meeting's attendance or minutes by a correction appended to it: what was recorded
 * stays, and the meeting reads as corrected. Corrected attendance is checked against the members
 * of that day, as when it was recorded, and moves the attendance the credit profile reads.
 */
export function correctMeeting(ctx: Context, group: Group, input: CorrectMeetingInput): Promise<Journal> {
  return commit(ctx, 'correctMeeting', input, async () => {
    // Corrected attendance needs the books (their activity) read before the members, as a posting
    // reads them: a leaving between the two reads has moved the books' version, and this is planned again.
    const [journal, current] = await Promise.all([
      getJournal(ctx.db, group.id, input.date, meetingJournalId(input.date)),
      input.attendance ? getBooks(ctx.db, group.id) : null,
    ]);
    if (!journal) throw new NotFoundError(say.noSuch('meeting'), 'input.date');
    if (input.attendance) {
      const members = memberFacts(await listAllMembers(ctx.db, group.id));
      checkAttendance(input.attendance, members, input.date, 'input.attendance');
    }
    const correction = planMeetingCorrection(journal, input, ctx.viewer.userId, ctx.now().toISOString());
    const books =
      current && correction.attendance
        ? {
            ...current,
            activity: correctMeetingAttendance(
              current.activity,
              input.date,
              attendanceCounts(journal.attendance),
              attendanceCounts(correction.attendance),
            ),
          }
        : null;
    const corrections = [...journal.corrections, correction];
    return {
      writes: meetingCorrectionWrites(ctx.db, journal, correction, books),
      result: { ...journal, ...correctedRecords(journal.asRecorded, corrections), corrections },
    };
  });
}

/** One meeting of a sync: applied (with its meeting) or rejected (with why), answered by its key. */
export interface SyncOutcome {
  index: number;
  idempotencyKey: string;
  date: string;
  status: 'APPLIED' | 'REJECTED';
  meeting: Journal | null;
  error: DomainError | null;
}

/**
 * Applies meetings recorded offline, each on its own: a meeting refused (bad input, not the
 * viewer's group, a rule broken) is answered with its reason and does not stop the others. They
 * are applied in date order, so a loan made at one meeting can be repaid at a later one in the
 * same batch; answers come back in the order sent. `groupOf` loads and authorises a group.
 */
export async function syncMeetings(
  ctx: Context,
  meetings: readonly unknown[],
  groupOf: (groupId: string, field: string) => Promise<Group>,
): Promise<{ results: SyncOutcome[]; applied: number; rejected: number }> {
  const outcomes: SyncOutcome[] = [];
  const valid: { index: number; record: MeetingRecord }[] = [];
  meetings.forEach((raw, index) => {
    const sent = raw as { idempotencyKey?: string; date?: string };
    try {
      valid.push({ index, record: parseInput(meetingRecordSchema, raw, `input.meetings.${index}`) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({
        index,
        idempotencyKey: String(sent.idempotencyKey),
        date: String(sent.date),
        status: 'REJECTED',
        meeting: null,
        error,
      });
    }
  });
  valid.sort((a, b) => (a.record.date < b.record.date ? -1 : a.record.date > b.record.date ? 1 : a.index - b.index));
  for (const { index, record } of valid) {
    const base = { index, idempotencyKey: record.idempotencyKey, date: record.date };
    try {
      const group = await groupOf(record.groupId, `input.meetings.${index}.groupId`);
      outcomes.push({
        ...base,
        status: 'APPLIED',
        meeting: await recordMeeting(ctx, group, record, `input.meetings.${index}`),
        error: null,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ ...base, status: 'REJECTED', meeting: null, error });
    }
  }
  outcomes.sort((a, b) => a.index - b.index);
  return {
    results: outcomes,
    applied: outcomes.filter((o) => o.status === 'APPLIED').length,
    rejected: outcomes.filter((o) => o.status === 'REJECTED').length,
  };
}
