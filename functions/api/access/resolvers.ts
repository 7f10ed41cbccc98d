/**
 * Bank access: banks ask, the group's treasurer decides, and every bank read goes through one
 * enforcement point (`bankView`) that checks the grant through the policy and logs the read before
 * any data is read.
 */
import {
  type FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  changeGrantInputSchema,
  decideRequestInputSchema,
  askedRange,
  BANK_READS_PER_GROUP_PER_DAY,
  grantOf,
  newAccessRequest,
  transitionBy,
  checkBankRead,
  chooseGrant,
  scopesOfFields,
  touchedRange,
  grantStateAt,
  narrowRequest,
  nextGrantState,
  nextRequestState,
  requestAccessInputSchema,
  withdrawRequestInputSchema,
  requestStateAt,
  REQUEST_TTL_DAYS,
  type AccessRequest,
  type Grant,
  type GrantAction,
  type Transition,
} from '#core/access.ts';
import { ConflictError, ValidationError } from '#core/errors.ts';
import { daysInArrears, par30BasisPoints } from '#core/loans.ts';
import { cambodiaDate, parseInput } from '#core/validation.ts';
import {
  getAccessRequest,
  getGrant,
  listBankGrants,
  listBankReadLog,
  listBankRequests,
  listGroupGrants,
  listGroupReadLog,
  listGroupRequests,
  logRead,
  putGrantWrite,
  putRequestWrite,
  transitionWrite,
} from '#store/access.ts';
import { listConstitutions, listJournals } from '#store/books.ts';
import { recordOf, viewsOf } from '#api/credit/resolvers.ts';
import { listGroupBankLoans } from '#store/bank-loans.ts';
import { constitutionOn } from '#core/constitution.ts';
import {
  bankLoanWithin,
  creditFacts,
  expectedMeetings,
  lastMonths,
  median,
  monthsOfBooks,
  monthWithin,
  overdueAmount,
  ratioBp,
  repaymentRateBp,
  score,
  suggestedLoan,
  sumMonths,
  type CreditFacts,
} from '#core/credit.ts';
import type { MeetingStat } from '#core/activity.ts';
import { keys } from '#store/keys.ts';
import { allowed, authorize, authorizeOnGroup, groupTarget, notFound, groupFor } from '#api/authorize.ts';
import type { BankGroupViewModel } from '#api/access/views.ts';
import type { Context } from '#api/context.ts';
import type { WritePlan } from '#store/idempotency.ts';
import { commit, newId } from '#api/mutation.ts';
import { countGrantTransition, countRefusedRead } from '#api/metrics.ts';
import { connection, pageArgs } from '#api/pagination.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import { invalid, say } from '#core/messages.ts';

/**
 * Paths of the fields selected under the current field ("savingsSummary", "creditProfile.grade"),
 * through fragments, leaving out what `@include(if: false)` or `@skip(if: true)` leaves out: a bank
 * asks only for what its grant covers by leaving the rest out, and is not refused for it.
 */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const paths = new Set<string>();
  const included = (node: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const walk = (set: SelectionSetNode | undefined, prefix: string, depth: number) => {
    for (const s of set?.selections ?? []) {
      if (!included(s)) continue;
      if (s.kind === 'Field') {
        const path = prefix + s.name.value;
        paths.add(path);
        if (depth < 2) walk(s.selectionSet, `${path}.`, depth + 1);
      } else if (s.kind === 'InlineFragment') walk(s.selectionSet, prefix, depth);
      else walk(info.fragments[s.name.value]?.selectionSet, prefix, depth);
    }
  };
  for (const n of info.fieldNodes as readonly FieldNode[]) walk(n.selectionSet, '', 1);
  return paths;
}

/** The viewer's bank: the one named, or her only one. */
function viewerBank(ctx: Context, bankId: string | null | undefined, field: string): string {
  const banks = ctx.viewer.roles
    .filter((r) => r.tenantType === 'BANK' && r.role === 'LOAN_OFFICER')
    .map((r) => r.tenantId);
  if (bankId) return bankId;
  if (banks.length === 1) return banks[0]!;
  if (banks.length === 0) return '';
  throw ValidationError.at(field, say.officerOfSeveralBanks);
}

const transition = (ctx: Context, from: string | null, to: string, reason: string | null | undefined): Transition =>
  transitionBy(ctx.viewer.userId, ctx.now(), from, to, reason);

async function changeGrant(ctx: Context, input: unknown, action: GrantAction): Promise<Grant> {
  const data = parseInput(changeGrantInputSchema, input);
  const group = await groupFor(ctx, data.groupId, 'access.decide');
  return commit(ctx, `${action.toLowerCase()}Grant`, data, async () => {
    const grant = await getGrant(ctx.db, group.id, data.grantId);
    if (!grant) throw notFound('grant', 'input.grantId');
    const now = ctx.now();
    const state = grantStateAt(grant, now);
    const next = nextGrantState(state, action);
    if (!next) {
      throw new ConflictError(say.grantCannot(state, action), 'input.grantId');
    }
    const t = transition(ctx, state, next, data.reason);
    return {
      writes: [transitionWrite(ctx.db, keys.grant(group.id, grant.id), grant.state, t)],
      result: { ...grant, state: next, history: [...grant.history, t] },
      afterCommit: () => countGrantTransition(next),
    };
  });
}

/** Ends a waiting request — the group rejects it, or the bank withdraws it — with who and why in its history. */
function endRequest(
  ctx: Context,
  request: AccessRequest,
  action: 'REJECT' | 'WITHDRAW',
  reason: string | null | undefined,
): WritePlan<AccessRequest> {
  const state = requestStateAt(request, ctx.now());
  const next = nextRequestState(state, action);
  if (!next) throw new ConflictError(say.requestIs(state, action), 'input.requestId');
  const t = transition(ctx, state, next, reason);
  return {
    writes: [transitionWrite(ctx.db, keys.accessRequest(request.groupId, request.id), state, t)],
    result: { ...request, state: next, history: [...request.history, t] },
    afterCommit: () => countGrantTransition(next),
  };
}

export const accessResolvers: Resolvers = {
  Query: {
    bankView: async (_p, args, ctx, info) => {
      if (args.from && args.to && args.from > args.to) throw ValidationError.at('to', say.toBeforeFrom);
      const now = ctx.now();
      const today = cambodiaDate(now);
      const asked = (g: Grant | undefined) => askedRange(args, g, today);
      // Someone who is not a bank's loan officer is refused before the group is looked up, so the
      // answer is the same for a real group and an unknown id.
      if (!ctx.viewer.roles.some((r) => r.tenantType === 'BANK' && r.role === 'LOAN_OFFICER')) {
        countRefusedRead('NOT_A_BANK');
        authorize(ctx, {
          action: 'bank.readGroup',
          group: { groupId: args.groupId, federationIds: [] },
          grant: undefined,
          scopes: [],
          range: asked(undefined),
          now,
        });
      }
      const group = await ctx.loaders.group.load(args.groupId);
      if (!group) throw notFound('group', 'groupId');
      const scopes = scopesOfFields(selectedFields(info));
      const banks = new Set(ctx.viewer.roles.filter((r) => r.tenantType === 'BANK').map((r) => r.tenantId));
      const target = await groupTarget(ctx, group);
      const grants = (await listGroupGrants(ctx.db, group.id)).filter((g) => banks.has(g.bankId));
      const grant = chooseGrant(grants, (g) =>
        allowed(ctx, {
          action: 'bank.readGroup',
          group: target,
          grant: g,
          scopes,
          range: touchedRange(asked(g), scopes, today),
          now,
        }),
      );
      const read = asked(grant);
      const range = touchedRange(read, scopes, today);
      if (!allowed(ctx, { action: 'bank.readGroup', group: target, grant, scopes, range, now })) {
        countRefusedRead(checkBankRead(grant, scopes, range, now)?.reason ?? 'POLICY');
      }
      authorize(ctx, { action: 'bank.readGroup', group: target, grant, scopes, range, now });
      await logRead(
        ctx.db,
        {
          groupId: group.id,
          bankId: grant!.bankId,
          grantId: grant!.id,
          officerId: ctx.viewer.userId,
          scopes,
          dataRange: read,
          at: now.toISOString(),
        },
        today,
        BANK_READS_PER_GROUP_PER_DAY,
      );
      return { group, grant: grant!, range: read, asOf: today };
    },
    myBankAccess: async (_p, args, ctx) => {
      const bankId = viewerBank(ctx, args.bankId, 'bankId');
      authorize(ctx, { action: 'access.readBankSide', bankId });
      return { bankId };
    },
  },
  BankGroupView: {
    groupId: (v) => v.group.id,
    grantId: (v) => v.grant.id,
    dataRange: (v) => v.range,
    savingsSummary: (v) => v,
    loanBookQuality: (v) => v,
    meetingDiscipline: (v) => v,
    creditProfile: async (v, args, ctx) => {
      if (args.version != null && args.version !== 1)
        throw ValidationError.at('version', say.onlyVersion(args.scorecard));
      if (args.requestedAmount != null && args.requestedAmount <= 0n)
        throw ValidationError.at('requestedAmount', invalid.moreThanZero);
      const [books, constitutions, bankLoanRecords] = await Promise.all([
        ctx.loaders.books.load(v.group.id),
        listConstitutions(ctx.db, v.group.id),
        listGroupBankLoans(ctx.db, v.group.id),
      ]);
      // Loans asked for but never paid out are the group's business with that bank, not history.
      const bankLoans = viewsOf(
        bankLoanRecords.filter((r) => bankLoanWithin(r, v.range)),
        books,
        v.asOf,
      );
      const facts = creditFacts({
        books,
        bankLoanRecord: recordOf(bankLoans),
        formedOn: v.group.formedOn,
        memberCount: v.group.memberCount,
        frequency: v.group.meetingSchedule.frequency,
        constitution: constitutionOn(constitutions, v.asOf),
        asOf: v.asOf,
        // Every figure rests only on data dated inside what the bank asked for, which the policy
        // checked lies inside the grant.
        range: v.range,
      });
      return {
        view: v,
        facts,
        books,
        bankLoans,
        scorecard: score(facts, args.scorecard, { requestedAmount: args.requestedAmount ?? null }),
      };
    },
  },
  CreditProfile: {
    asOf: (p) => p.facts.asOf,
    currency: (p) => p.view.group.currency,
    savings: (p) => p,
    loanBook: (p) => p,
    meetings: (p) => p,
    grade: (p) => p.scorecard,
    suggestedLoan: (p) => suggestedLoan(p.facts.totalSavings, score(p.facts, 'BANK_LINKAGE'), p.facts.par30BasisPoints),
  },
  ProfileSavings: {
    total: (p) => p.facts.totalSavings,
    perMember: (p) => (p.facts.memberCount > 0 ? p.facts.totalSavings / BigInt(p.facts.memberCount) : 0n),
    memberCount: (p) => p.facts.memberCount,
    monthly: (p) =>
      monthsInWindow(p.facts).map((month) => ({ month, saved: p.facts.activity.months[month]?.saved ?? 0n })),
  },
  ProfileLoanBook: {
    outstanding: (p) => p.facts.loansOutstanding,
    utilisationBasisPoints: (p) => ratioBp(p.facts.loansOutstanding, p.facts.totalSavings),
    par30BasisPoints: (p) => p.facts.par30BasisPoints,
    writtenOffLast12Months: (p) => sumMonths(p.facts.activity, lastMonths(p.facts.asOf, 12)).writtenOff,
    repaymentRateBasisPoints: (p) =>
      repaymentRateBp(
        sumMonths(p.facts.activity, lastMonths(p.facts.asOf, 12)).repaid,
        overdueAmount(p.books, p.facts.asOf),
      ),
  },
  ProfileMeetings: {
    monthly: (p) =>
      monthsInWindow(p.facts).map((month) => {
        const m = p.facts.activity.months[month];
        return {
          month,
          meetings: m?.meetings ?? 0,
          attendanceBasisPoints: m && m.meetings > 0 && m.listed > 0 ? ratioBp(m.present, m.listed) : null,
        };
      }),
    attendanceLast4BasisPoints: (p) => attendanceBp(p.facts.activity.recentMeetings.slice(-4)),
    attendanceLast12BasisPoints: (p) => attendanceBp(p.facts.activity.recentMeetings.slice(-12)),
    heldLast12Months: (p) => sumMonths(p.facts.activity, lastMonths(p.facts.asOf, 12)).meetings,
    expectedLast12Months: (p) => expectedMeetings(p.facts.frequency, monthsInWindow(p.facts).length),
    regularityBasisPoints: (p) =>
      ratioBp(
        sumMonths(p.facts.activity, lastMonths(p.facts.asOf, 12)).meetings,
        expectedMeetings(p.facts.frequency, monthsInWindow(p.facts).length),
      ),
    medianDaysToRecord: (p) => median(p.facts.activity.recentMeetings.map((m) => m.recordedAfterDays)),
    groupAgeMonths: (p) => monthsOfBooks({ firstPostedOn: p.facts.formedOn, asOf: p.facts.asOf }),
    monthsOfBooksInKrom: (p) => monthsOfBooks(p.facts),
  },
  Scorecard: {
    notEligibleReason: (r) => r.notEligibleReason?.en ?? null,
    notEligibleReasonKm: (r) => r.notEligibleReason?.km ?? null,
  },
  Indicator: {
    reason: (i) => i.reason.en,
    reasonKm: (i) => i.reason.km,
  },
  SuggestedLoan: {
    rule: (s) => s.rule.en,
    ruleKm: (s) => s.rule.km,
    notYetReason: (s) => s.notYet?.en ?? null,
    notYetReasonKm: (s) => s.notYet?.km ?? null,
  },
  SavingsSummary: {
    currency: (v) => v.group.currency,
    totalSavings: async (v, _a, ctx) => (await ctx.loaders.books.load(v.group.id)).balances.savings,
    memberCount: (v) => v.group.memberCount,
    womenCount: (v) => v.group.womenCount,
    averageSavingsPerMember: async (v, _a, ctx) => {
      const savings = (await ctx.loaders.books.load(v.group.id)).balances.savings;
      return v.group.memberCount > 0 ? savings / BigInt(v.group.memberCount) : 0n;
    },
    asOf: (v) => v.asOf,
  },
  LoanBookQuality: {
    loansOutstanding: async (v, _a, ctx) => (await ctx.loaders.books.load(v.group.id)).balances.loansOutstanding,
    activeLoans: async (v, _a, ctx) => Object.keys((await ctx.loaders.books.load(v.group.id)).loans).length,
    loansInArrears: async (v, _a, ctx) =>
      Object.values((await ctx.loaders.books.load(v.group.id)).loans).filter((l) => daysInArrears(l, l, v.asOf) > 0)
        .length,
    par30BasisPoints: async (v, _a, ctx) =>
      par30BasisPoints(
        Object.values((await ctx.loaders.books.load(v.group.id)).loans).map((l) => ({
          outstanding: l.principal - l.principalPaid,
          daysInArrears: daysInArrears(l, l, v.asOf),
        })),
      ),
    asOf: (v) => v.asOf,
  },
  MeetingDiscipline: {
    from: (v) => v.range.from,
    to: (v) => v.range.to,
    meetingsHeld: async (v, _a, ctx) => (await meetingsIn(ctx, v)).length,
    averageAttendanceBasisPoints: async (v, _a, ctx) => {
      const lines = (await meetingsIn(ctx, v)).flatMap((m) => m.attendance ?? []);
      const present = lines.filter((l) => l.status !== 'ABSENT').length;
      return lines.length ? Math.round((present * 10000) / lines.length) : 0;
    },
  },
  BankAccess: {
    bank: async (b, _a, ctx) => (await ctx.loaders.bank.load(b.bankId))!,
    requests: (b, _a, ctx) => listBankRequests(ctx.db, b.bankId),
    grants: (b, _a, ctx) => listBankGrants(ctx.db, b.bankId),
    readLog: async (b, args, ctx) => {
      const { limit, cursor } = pageArgs(args);
      return connection(await listBankReadLog(ctx.db, b.bankId, limit, cursor));
    },
  },
  Group: {
    accessRequests: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'access.readGroupSide');
      return listGroupRequests(ctx.db, g.id);
    },
    grants: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'access.readGroupSide');
      return listGroupGrants(ctx.db, g.id);
    },
    readLog: async (g, args, ctx) => {
      await authorizeOnGroup(ctx, g, 'access.readGroupSide');
      const { limit, cursor } = pageArgs(args);
      return connection(await listGroupReadLog(ctx.db, g.id, limit, cursor));
    },
  },
  AccessRequest: {
    bank: async (r, _a, ctx) => (await ctx.loaders.bank.load(r.bankId))!,
    // The directory's public fact, so a bank's list of requests says which group (batched).
    groupName: async (r, _a, ctx) => (await ctx.loaders.group.load(r.groupId))?.name ?? r.groupId,
    state: (r, _a, ctx) => requestStateAt(r, ctx.now()),
    expiresAt: (r) => new Date(Date.parse(r.createdAt) + REQUEST_TTL_DAYS * 86_400_000).toISOString(),
  },
  Grant: {
    bank: async (g, _a, ctx) => (await ctx.loaders.bank.load(g.bankId))!,
    groupName: async (g, _a, ctx) => (await ctx.loaders.group.load(g.groupId))?.name ?? g.groupId,
    state: (g, _a, ctx) => grantStateAt(g, ctx.now()),
  },
  ReadLogEntry: {
    bank: async (e, _a, ctx) => (await ctx.loaders.bank.load(e.bankId))!,
    officerName: async (e, _a, ctx) => (await ctx.loaders.user.load(e.officerId))?.displayName ?? e.officerId,
  },
  Mutation: {
    requestAccess: async (_p, { input }, ctx) => {
      const data = parseInput(requestAccessInputSchema, input);
      const bankId = viewerBank(ctx, data.bankId, 'input.bankId');
      authorize(ctx, { action: 'access.request', bankId });
      const group = await ctx.loaders.group.load(data.groupId);
      if (!group) throw notFound('group', 'input.groupId');
      const asked = { ...data, bankId };
      return commit(ctx, 'requestAccess', asked, async () => {
        const now = ctx.now();
        const pending = (await listGroupRequests(ctx.db, group.id)).find(
          (r) => r.bankId === bankId && requestStateAt(r, now) === 'PENDING',
        );
        if (pending) throw new ConflictError(say.requestWaiting, 'input.groupId');
        const request = newAccessRequest(
          {
            id: newId(ctx, data.idempotencyKey),
            groupId: group.id,
            bankId,
            requestedBy: ctx.viewer.userId,
            purpose: data.purpose,
            scopes: data.scopes,
            dataRange: data.dataRange,
            durationMonths: data.durationMonths,
            message: data.message,
          },
          now,
        );
        return { writes: [putRequestWrite(ctx.db, request)], result: request };
      });
    },
    approveAccessRequest: async (_p, { input }, ctx) => {
      const data = parseInput(decideRequestInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'access.decide');
      return commit(ctx, 'approveAccessRequest', data, async () => {
        const request = await getAccessRequest(ctx.db, group.id, data.requestId);
        if (!request) throw notFound('request', 'input.requestId');
        const now = ctx.now();
        const state = requestStateAt(request, now);
        if (!nextRequestState(state, 'APPROVE'))
          throw new ConflictError(say.requestIs(state, 'APPROVE'), 'input.requestId');
        const narrowed = narrowRequest(request, data);
        if ('field' in narrowed) throw ValidationError.at(narrowed.field, narrowed.problem);
        const stored = grantOf(request, narrowed, {
          id: newId(ctx, data.idempotencyKey),
          by: ctx.viewer.userId,
          now,
          reason: data.reason,
        });
        return {
          writes: [
            transitionWrite(
              ctx.db,
              keys.accessRequest(group.id, request.id),
              'PENDING',
              transition(ctx, 'PENDING', 'APPROVED', data.reason),
              { grantId: stored.id },
            ),
            putGrantWrite(ctx.db, stored),
          ],
          result: stored,
          afterCommit: () => countGrantTransition('ACTIVE'),
        };
      });
    },
    rejectAccessRequest: async (_p, { input }, ctx) => {
      const data = parseInput(decideRequestInputSchema, input);
      const group = await groupFor(ctx, data.groupId, 'access.decide');
      return commit(ctx, 'rejectAccessRequest', data, async () => {
        const request = await getAccessRequest(ctx.db, group.id, data.requestId);
        if (!request) throw notFound('request', 'input.requestId');
        return endRequest(ctx, request, 'REJECT', data.reason);
      });
    },
    withdrawAccessRequest: async (_p, { input }, ctx) => {
      const data = parseInput(withdrawRequestInputSchema, input);
      // Only the asking bank's officers know the request is there: to anyone else, theirs or not,
      // it answers as one that does not exist. Its state is checked again by the write's condition.
      const request = await getAccessRequest(ctx.db, data.groupId, data.requestId);
      if (!request || !allowed(ctx, { action: 'access.withdraw', bankId: request.bankId }))
        throw notFound('request', 'input.requestId');
      return commit(ctx, 'withdrawAccessRequest', data, () => endRequest(ctx, request, 'WITHDRAW', data.reason));
    },
    pauseGrant: (_p, { input }, ctx) => changeGrant(ctx, input, 'PAUSE'),
    resumeGrant: (_p, { input }, ctx) => changeGrant(ctx, input, 'RESUME'),
    revokeGrant: (_p, { input }, ctx) => changeGrant(ctx, input, 'REVOKE'),
  },
};

/** The last 12 complete months that the granted range wholly covers, oldest first. */
function monthsInWindow(f: CreditFacts): string[] {
  return lastMonths(f.asOf, 12).filter((m) => !f.range || monthWithin(m, f.range));
}

async function meetingsIn(ctx: Context, v: BankGroupViewModel) {
  const meetings = [];
  let cursor: string | null = null;
  do {
    const page = await listJournals(ctx.db, v.group.id, v.range, 100, cursor, { kind: 'MEETING' });
    meetings.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return meetings;
}

function attendanceBp(meetings: MeetingStat[]): number {
  return ratioBp(
    meetings.reduce((s, m) => s + m.present, 0),
    meetings.reduce((s, m) => s + m.listed, 0),
  );
}
