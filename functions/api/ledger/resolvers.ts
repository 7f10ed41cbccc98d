/** The group's books: thin resolvers over core rules (ledger, loans, meetings) and the store. */
import * as z from 'zod';
import { constitutionOn, setConstitutionInputSchema, type Constitution } from '#core/constitution.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#core/errors.ts';
import type { Group } from '#core/groups.ts';
import { cashMovement, leavingProblem, type Books, type LoanState } from '#core/ledger.ts';
import { daysInArrears, interestDue, par30BasisPoints, schedule } from '#core/loans.ts';
import {
  correctionsWithBefore,
  correctMeetingInputSchema,
  formatEntryRef,
  meetingRecordSchema,
  recordEntriesInputSchema,
  reverseEntryInputSchema,
  syncMeetingsInputSchema,
  type AttendanceLine,
  type Journal,
} from '#core/meetings.ts';
import { dutyConflict, GROUP_OFFICER_ROLES } from '#core/roles.ts';
import { cambodiaDate, dateSchema, idempotencyKeySchema, idSchema, parseInput } from '#core/validation.ts';
import {
  booksMoved,
  getBooks,
  listConstitutions,
  listJournals,
  listLoanRecords,
  putConstitutionWrite,
  type LoanRecord,
} from '#store/books.ts';
import { getMember, meetingScheduleWrite, memberLeftWrites } from '#store/groups.ts';
import { appointmentWrites, listOfficerTerms, type OfficerTerm } from '#store/officers.ts';
import { getRolesForChange, rolesChangedWrite } from '#store/users.ts';
import { authorizeOnGroup, notFound, groupFor } from '#api/authorize.ts';
import type { Context } from '#api/context.ts';
import { correctMeeting, recordEntries, recordMeeting, reverse, syncMeetings } from '#api/ledger/commands.ts';
import type { EntryView, LoanView } from '#api/ledger/views.ts';
import { commit } from '#api/mutation.ts';
import { connection, pageArgs, pageInfo } from '#api/pagination.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import { denied, say } from '#core/messages.ts';

function entryViews(journal: Journal): EntryView[] {
  return journal.entries.map((entry) => ({
    groupId: journal.groupId,
    date: journal.date,
    journalId: journal.journalId,
    entry,
    reversedBy: journal.reversed[entry.id] ? formatEntryRef(journal.reversed[entry.id]!) : null,
  }));
}

/** A loan as it stands: active loans take their live progress from the books. */
function loanView(record: LoanRecord, books: Books, asOf: string): LoanView {
  const live = books.loans[record.id];
  return {
    loan: live ? { ...record, principalPaid: live.principalPaid, interestPaid: live.interestPaid } : record,
    asOf,
  };
}

function loanArrears(loans: LoanState[], asOf: string) {
  return loans.map((l) => ({ outstanding: l.principal - l.principalPaid, daysInArrears: daysInArrears(l, l, asOf) }));
}

const attendanceViews = (groupId: string, lines: readonly AttendanceLine[]) =>
  lines.map((a) => ({ groupId, memberId: a.memberId, status: a.status }));

/** The group the viewer may post to. */
const writableGroup = (ctx: Context, groupId: string, field = 'input.groupId'): Promise<Group> =>
  groupFor(ctx, groupId, 'group.writeBooks', field);

const dateRange = (group: Group, ctx: Context, from?: string | null, to?: string | null) => {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value && !dateSchema.safeParse(value).success) throw ValidationError.at(name, say.notADate);
  }
  return { from: from ?? group.formedOn, to: to ?? cambodiaDate(ctx.now()) };
};

const appointOfficerInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  userId: idSchema,
  role: z.enum(GROUP_OFFICER_ROLES),
  from: dateSchema,
});

const memberLeftInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  memberId: idSchema,
  leftOn: dateSchema,
});

export const ledgerResolvers: Resolvers = {
  Group: {
    books: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      return ctx.loaders.books.load(g.id);
    },
    cashBook: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      const { limit, cursor } = pageArgs(args);
      const page = await listJournals(ctx.db, g.id, dateRange(g, ctx, args.from, args.to), limit, cursor);
      const entries = page.items.flatMap(entryViews);
      const moves = entries.map((e) => cashMovement(e.entry));
      return {
        entries,
        totalIn: moves.filter((m) => m > 0n).reduce((s, m) => s + m, 0n),
        totalOut: moves.filter((m) => m < 0n).reduce((s, m) => s - m, 0n),
        pageInfo: pageInfo(page.cursor),
      };
    },
    meetings: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      const { limit, cursor } = pageArgs(args);
      const range = dateRange(g, ctx, args.from, args.to);
      return connection(await listJournals(ctx.db, g.id, range, limit, cursor, { newestFirst: true, kind: 'MEETING' }));
    },
    loans: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      const [records, books] = await Promise.all([listLoanRecords(ctx.db, g.id), ctx.loaders.books.load(g.id)]);
      const asOf = cambodiaDate(ctx.now());
      return records.filter((r) => !args.status || r.status === args.status).map((r) => loanView(r, books, asOf));
    },
    passbook: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      const member = await ctx.loaders.member.load(`${g.id}/${args.memberId}`);
      if (!member) throw notFound('member', 'memberId');
      const { limit, cursor } = pageArgs(args);
      const [books, records, page] = await Promise.all([
        ctx.loaders.books.load(g.id),
        listLoanRecords(ctx.db, g.id),
        listJournals(ctx.db, g.id, dateRange(g, ctx, args.from, args.to), limit, cursor),
      ]);
      const asOf = cambodiaDate(ctx.now());
      return {
        groupId: g.id,
        memberId: member.id,
        savings: books.members[member.id]?.savings ?? 0n,
        loans: records.filter((r) => r.memberId === member.id).map((r) => loanView(r, books, asOf)),
        entries: page.items.flatMap(entryViews).filter((e) => e.entry.memberId === member.id),
        cursor: page.cursor,
      };
    },
    constitution: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      return constitutionOn(await listConstitutions(ctx.db, g.id), args.on ?? cambodiaDate(ctx.now())) ?? null;
    },
    constitutionHistory: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      return listConstitutions(ctx.db, g.id);
    },
    officers: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readOfficers');
      return (await listOfficerTerms(ctx.db, g.id)).filter((t) => t.until === null);
    },
    officerHistory: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readOfficers');
      return listOfficerTerms(ctx.db, g.id);
    },
  },
  Books: {
    par30BasisPoints: (b, _a, ctx) => par30BasisPoints(loanArrears(Object.values(b.loans), cambodiaDate(ctx.now()))),
    loansInArrears: (b, _a, ctx) =>
      loanArrears(Object.values(b.loans), cambodiaDate(ctx.now())).filter((l) => l.daysInArrears > 0).length,
    asOf: (_b, _a, ctx) => cambodiaDate(ctx.now()),
  },
  LedgerEntry: {
    ref: (v) => formatEntryRef({ date: v.date, journalId: v.journalId, entryId: v.entry.id }),
    id: (v) => v.entry.id,
    kind: (v) => v.entry.kind,
    amount: (v) => v.entry.amount,
    cashIn: (v) => (cashMovement(v.entry) > 0n ? cashMovement(v.entry) : 0n),
    cashOut: (v) => (cashMovement(v.entry) < 0n ? -cashMovement(v.entry) : 0n),
    member: (v, _a, ctx) =>
      v.entry.memberId ? ctx.loaders.member.load(`${v.groupId}/${v.entry.memberId}`).then((m) => m ?? null) : null,
    loanId: (v) => v.entry.loanId,
    interest: (v) => v.entry.interest,
    principal: (v) => v.entry.principal,
    payoutReason: (v) => v.entry.payoutReason,
    note: (v) => v.entry.note,
    reverses: (v) => (v.entry.reverses ? formatEntryRef(v.entry.reverses) : null),
  },
  Journal: {
    id: (j) => j.journalId,
    entries: (j) => entryViews(j),
  },
  Meeting: {
    id: (j) => j.journalId,
    attendance: (j) => attendanceViews(j.groupId, j.attendance ?? []),
    presentCount: (j) => (j.attendance ?? []).filter((a) => a.status !== 'ABSENT').length,
    minutes: (j) => j.minutes ?? [],
    entries: (j) => entryViews(j),
    corrections: (j) => correctionsWithBefore(j).map((c) => ({ ...c, groupId: j.groupId })),
  },
  MeetingCorrection: {
    attendance: (c) => c.attendance && attendanceViews(c.groupId, c.attendance),
    attendanceBefore: (c) => c.attendance && attendanceViews(c.groupId, c.before.attendance ?? []),
    minutesBefore: (c) => c.minutes && (c.before.minutes ?? []),
  },
  SyncRecordResult: {
    error: (o) =>
      o.error
        ? { code: o.error.code, field: o.error.field ?? null, message: o.error.message, messageKm: o.error.messageKm }
        : null,
  },
  AttendanceLine: {
    member: async (a, _x, ctx) => (await ctx.loaders.member.load(`${a.groupId}/${a.memberId}`))!,
  },
  Loan: {
    id: (v) => v.loan.id,
    member: async (v, _a, ctx) => (await ctx.loaders.member.load(`${v.loan.groupId}/${v.loan.memberId}`))!,
    principal: (v) => v.loan.principal,
    monthlyInterestBasisPoints: (v) => v.loan.monthlyRateBasisPoints,
    interestMethod: (v) => v.loan.method,
    termMonths: (v) => v.loan.termMonths,
    disbursedOn: (v) => v.loan.disbursedOn,
    status: (v) => v.loan.status,
    principalPaid: (v) => v.loan.principalPaid,
    interestPaid: (v) => v.loan.interestPaid,
    outstanding: (v) => (v.loan.status === 'ACTIVE' ? v.loan.principal - v.loan.principalPaid : 0n),
    interestDue: (v) => (v.loan.status === 'ACTIVE' ? interestDue(v.loan, v.loan, v.asOf) : 0n),
    daysInArrears: (v) => (v.loan.status === 'ACTIVE' ? daysInArrears(v.loan, v.loan, v.asOf) : 0),
    atRisk: (v) => v.loan.status === 'ACTIVE' && daysInArrears(v.loan, v.loan, v.asOf) > 30,
    closedOn: (v) => v.loan.closedOn,
    schedule: (v) => schedule(v.loan),
  },
  Installment: {
    total: (i) => i.principal + i.interest,
  },
  Passbook: {
    member: async (p, _a, ctx) => (await ctx.loaders.member.load(`${p.groupId}/${p.memberId}`))!,
    pageInfo: (p) => pageInfo(p.cursor),
  },
  OfficerTerm: {
    displayName: async (t, _a, ctx) => (await ctx.loaders.user.load(t.userId))?.displayName ?? null,
  },
  Mutation: {
    correctMeeting: async (_p, { input }, ctx) => {
      const data = parseInput(correctMeetingInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'group.correctRecords');
      return correctMeeting(ctx, group, data);
    },
    recordMeeting: async (_p, { input }, ctx) => {
      const record = parseInput(meetingRecordSchema, input);
      return recordMeeting(ctx, await writableGroup(ctx, record.groupId), record);
    },
    syncMeetings: async (_p, { input }, ctx) => {
      const { meetings } = parseInput(syncMeetingsInputSchema, input);
      return syncMeetings(ctx, meetings, (groupId, field) => writableGroup(ctx, groupId, field));
    },
    recordEntries: async (_p, { input }, ctx) => {
      const data = parseInput(recordEntriesInputSchema, input);
      return recordEntries(ctx, await writableGroup(ctx, data.groupId), data);
    },
    reverseEntry: async (_p, { input }, ctx) => {
      const data = parseInput(reverseEntryInputSchema, input);
      return reverse(ctx, await writableGroup(ctx, data.groupId), data);
    },
    setConstitution: async (_p, { input }, ctx) => {
      const data = parseInput(setConstitutionInputSchema, input);
      const group = await writableGroup(ctx, data.groupId);
      if (data.effectiveFrom < group.formedOn) {
        throw ValidationError.at('input.effectiveFrom', say.beforeForming(group.formedOn));
      }
      return commit(ctx, 'setConstitution', data, async () => {
        const versions = await listConstitutions(ctx.db, group.id);
        const { idempotencyKey: _key, ...rules } = data;
        const constitution: Constitution = {
          ...rules,
          groupId: group.id,
          meetingSchedule: { ...data.meetingSchedule, weekOfMonth: data.meetingSchedule.weekOfMonth ?? null },
          recordedBy: ctx.viewer.userId,
          recordedAt: ctx.now().toISOString(),
        };
        const writes = [putConstitutionWrite(ctx.db, constitution)];
        // The group's meeting schedule follows the newest version.
        if (versions.every((v) => v.effectiveFrom < data.effectiveFrom))
          writes.push(meetingScheduleWrite(ctx.db, group.id, constitution.meetingSchedule));
        return { writes, result: constitution };
      });
    },
    appointOfficer: async (_p, { input }, ctx) => {
      const data = parseInput(appointOfficerInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'group.appointOfficers');
      if (data.userId === ctx.viewer.userId)
        throw new ForbiddenError(say.notAllowed(denied.selfAppointment), 'input.userId');
      const today = cambodiaDate(ctx.now());
      if (data.from < group.formedOn || data.from > today) {
        throw ValidationError.at('input.from', say.betweenFormingAndToday(group.formedOn));
      }
      return commit(ctx, 'appointOfficer', data, async () => {
        const [terms, duties] = await Promise.all([
          listOfficerTerms(ctx.db, group.id),
          getRolesForChange(ctx.db, data.userId),
        ]);
        if (!duties.exists) throw notFound('user', 'input.userId');
        const conflict = dutyConflict(duties.roles, { tenantType: 'GROUP', tenantId: group.id, role: data.role });
        if (conflict) throw ConflictError.at('input.userId', conflict);
        const current = terms.filter((t) => t.until === null);
        const holder = current.find((t) => t.role === data.role);
        if (holder?.userId === data.userId) {
          throw new ConflictError(say.alreadyInOffice(data.userId), 'input.userId');
        }
        const ending = current.filter((t) => t.role === data.role || t.userId === data.userId);
        const tooEarly = ending.find((t) => t.from >= data.from);
        if (tooEarly) {
          throw ValidationError.at('input.from', say.afterTermBegan(tooEarly.from));
        }
        const term: OfficerTerm = {
          groupId: group.id,
          role: data.role,
          userId: data.userId,
          from: data.from,
          until: null,
        };
        return {
          writes: [
            ...appointmentWrites(ctx.db, term, ending, ctx.now()),
            rolesChangedWrite(ctx.db, data.userId, duties.version),
          ],
          result: term,
        };
      });
    },
    recordMemberLeft: async (_p, { input }, ctx) => {
      const data = parseInput(memberLeftInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'group.writeMembers');
      return commit(ctx, 'recordMemberLeft', data, async () => {
        const [member, books] = await Promise.all([
          getMember(ctx.db, group.id, data.memberId),
          getBooks(ctx.db, group.id),
        ]);
        if (!member) throw notFound('member', 'input.memberId');
        if (member.leftOn) throw new ConflictError(say.memberAlreadyLeft, 'input.memberId');
        if (data.leftOn < member.joinedOn || data.leftOn > cambodiaDate(ctx.now())) {
          throw ValidationError.at('input.leftOn', say.betweenJoiningAndToday(member.joinedOn));
        }
        const problem = leavingProblem(books, member.id);
        if (problem) throw ValidationError.at('input.memberId', problem);
        return {
          // The books must not move between the check above and the write; and moving their version
          // makes a posting planned on the members before she left plan again.
          writes: [...memberLeftWrites(ctx.db, member, data.leftOn), booksMoved(ctx.db, group.id, books.version)],
          result: { ...member, leftOn: data.leftOn },
        };
      });
    },
  },
};
