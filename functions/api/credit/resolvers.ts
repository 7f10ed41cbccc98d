/** Bank loans to groups: the treasurer asks, the bank decides with reasons and pays out, the group repays through its books. */
import * as z from 'zod';
import type { Transition } from '#core/access.ts';
import { bankLoanRecord } from '#core/credit.ts';
import { ConflictError, ValidationError } from '#core/errors.ts';
import { daysInArrears, schedule } from '#core/loans.ts';
import {
  cambodiaDate,
  dateSchema,
  idempotencyKeySchema,
  idSchema,
  parseInput,
  positiveMoneySchema,
  says,
  textSchema,
} from '#core/validation.ts';
import { transitionWrite } from '#store/access.ts';
import {
  getBankLoan,
  listBankBankLoans,
  listGroupBankLoans,
  putBankLoanWrite,
  type BankLoanRecord,
} from '#store/bank-loans.ts';
import type { Books } from '#core/ledger.ts';
import { keys } from '#store/keys.ts';
import { getOrganisation } from '#store/organisations.ts';
import { authorize, authorizeOnGroup, notFound, groupFor } from '#api/authorize.ts';
import type { BankLoanView } from '#api/credit/views.ts';
import type { Context } from '#api/context.ts';
import { disburseBankLoan } from '#api/ledger/commands.ts';
import { commit, newId } from '#api/mutation.ts';
import type { Resolvers } from '#api/generated/schema.ts';
import { invalid, say } from '#core/messages.ts';

const id = idSchema;

const applySchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: id,
  bankId: id,
  amount: positiveMoneySchema,
  termMonths: z
    .number()
    .int()
    .min(1, says(invalid.atLeast(1)))
    .max(60, says(invalid.atMost(60))),
  purpose: textSchema(500),
});
const decideSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: id,
  bankLoanId: id,
  approve: z.boolean(),
  reasons: textSchema(1000),
  monthlyInterestBasisPoints: z
    .number()
    .int()
    .min(0, says(invalid.notNegative))
    .max(1000, says(invalid.atMost(1000, '10% a month')))
    .nullish(),
});
const disburseSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: id,
  bankLoanId: id,
  date: dateSchema,
});

/** Bank loans as they stand on `asOf`: live progress from the books while disbursed. */
export function viewsOf(records: BankLoanRecord[], books: Books, asOf: string): BankLoanView[] {
  return records.map((record) => ({ record, live: books.bankLoans[record.id], asOf }));
}

/** A group's bank loans as they stand today. */
export async function bankLoanViews(
  ctx: Context,
  groupId: string,
  records?: BankLoanRecord[],
): Promise<BankLoanView[]> {
  const [list, books] = await Promise.all([
    records ? Promise.resolve(records) : listGroupBankLoans(ctx.db, groupId),
    ctx.loaders.books.load(groupId),
  ]);
  return viewsOf(list, books, cambodiaDate(ctx.now()));
}

/** The group's repayment record with banks, for the scorecards. */
export function recordOf(views: BankLoanView[]) {
  return bankLoanRecord(
    views.map((v) => ({
      disbursed: v.record.status === 'DISBURSED' || v.record.status === 'REPAID',
      maxDaysLate: Math.max(v.record.maxDaysLate, v.live?.maxDaysLate ?? 0),
      daysLateNow: v.live ? daysInArrears(v.live, v.live, v.asOf) : 0,
    })),
  );
}

async function loanOfBank(ctx: Context, groupId: string, bankLoanId: string) {
  const group = await ctx.loaders.group.load(groupId);
  if (!group) throw notFound('group', 'input.groupId');
  const loan = await getBankLoan(ctx.db, group.id, bankLoanId);
  // A bank sees only loans asked of it: another bank's look like loans that do not exist.
  if (!loan || !ctx.viewer.roles.some((r) => r.tenantType === 'BANK' && r.tenantId === loan.bankId))
    throw notFound('bank loan', 'input.bankLoanId');
  authorize(ctx, { action: 'bankLoan.decide', bankId: loan.bankId });
  return { group, loan };
}

const transition = (ctx: Context, from: string, to: string, reason: string | null): Transition => ({
  from,
  to,
  by: ctx.viewer.userId,
  at: ctx.now().toISOString(),
  reason,
});

export const bankLoanResolvers: Resolvers = {
  Group: {
    bankLoans: async (g, _a, ctx) => {
      await authorizeOnGroup(ctx, g, 'group.readBooks');
      return bankLoanViews(ctx, g.id);
    },
  },
  BankAccess: {
    loans: async (b, _a, ctx) => {
      const records = await listBankBankLoans(ctx.db, b.bankId);
      const asOf = cambodiaDate(ctx.now());
      // A loan's repayments are money the group pays this bank, which it sees arrive in its own
      // accounts: so it follows its own loans' progress with no grant. It reads only that loan's
      // entry of the books (batched, one BatchGetItem per 50 groups); nothing else of them.
      return Promise.all(
        records.map(async (record) => ({
          record,
          live:
            record.status === 'DISBURSED'
              ? (await ctx.loaders.books.load(record.groupId)).bankLoans[record.id]
              : undefined,
          asOf,
        })),
      );
    },
  },
  CreditProfile: {
    bankLoans: (p) => {
      const made = p.bankLoans.filter((v) => v.record.status === 'DISBURSED' || v.record.status === 'REPAID');
      return { record: p.facts.bankLoanRecord, loans: made };
    },
  },
  BankLoan: {
    id: (v) => v.record.id,
    groupId: (v) => v.record.groupId,
    groupName: async (v, _a, ctx) => (await ctx.loaders.group.load(v.record.groupId))?.name ?? v.record.groupId,
    currency: async (v, _a, ctx) => (await ctx.loaders.group.load(v.record.groupId))!.currency,
    bank: async (v, _a, ctx) => (await ctx.loaders.bank.load(v.record.bankId))!,
    amount: (v) => v.record.amount,
    termMonths: (v) => v.record.termMonths,
    purpose: (v) => v.record.purpose,
    status: (v) => v.record.status,
    reasons: (v) => v.record.reasons,
    monthlyInterestBasisPoints: (v) => v.record.monthlyRateBasisPoints,
    disbursedOn: (v) => v.record.disbursedOn,
    repaidOn: (v) => v.record.repaidOn,
    principalPaid: (v) => v.live?.principalPaid ?? v.record.principalPaid,
    interestPaid: (v) => v.live?.interestPaid ?? v.record.interestPaid,
    outstanding: (v) => (v.live ? v.live.principal - v.live.principalPaid : 0n),
    daysInArrears: (v) => (v.live ? daysInArrears(v.live, v.live, v.asOf) : 0),
    maxDaysLate: (v) => Math.max(v.record.maxDaysLate, v.live?.maxDaysLate ?? 0),
    schedule: (v) =>
      v.record.disbursedOn && v.record.monthlyRateBasisPoints !== null
        ? schedule({
            principal: v.record.amount,
            monthlyRateBasisPoints: v.record.monthlyRateBasisPoints,
            method: 'DECLINING_BALANCE',
            termMonths: v.record.termMonths,
            disbursedOn: v.record.disbursedOn,
          })
        : [],
    history: (v) => v.record.history,
  },
  Mutation: {
    applyForBankLoan: async (_p, { input }, ctx) => {
      const data = parseInput(applySchema, input);
      const group = await groupFor(ctx, data.groupId, 'bankLoan.apply');
      if (!(await getOrganisation(ctx.db, 'BANK', data.bankId))) throw notFound('bank', 'input.bankId');
      return commit(ctx, 'applyForBankLoan', data, () => {
        const now = ctx.now().toISOString();
        const record: BankLoanRecord = {
          id: newId(ctx, data.idempotencyKey),
          groupId: group.id,
          bankId: data.bankId,
          requestedBy: ctx.viewer.userId,
          amount: data.amount,
          termMonths: data.termMonths,
          purpose: data.purpose,
          status: 'REQUESTED',
          reasons: null,
          monthlyRateBasisPoints: null,
          disbursedOn: null,
          repaidOn: null,
          maxDaysLate: 0,
          principalPaid: 0n,
          interestPaid: 0n,
          createdAt: now,
          history: [{ from: null, to: 'REQUESTED', by: ctx.viewer.userId, at: now, reason: data.purpose }],
        };
        return {
          writes: [putBankLoanWrite(ctx.db, record)],
          result: { record, live: undefined, asOf: cambodiaDate(ctx.now()) },
        };
      });
    },
    decideBankLoan: async (_p, { input }, ctx) => {
      const data = parseInput(decideSchema, input);
      if (data.approve && data.monthlyInterestBasisPoints == null) {
        throw ValidationError.at('input.monthlyInterestBasisPoints', say.approvalSetsInterest);
      }
      const { group, loan } = await loanOfBank(ctx, data.groupId, data.bankLoanId);
      return commit(ctx, 'decideBankLoan', data, async () => {
        const current = (await getBankLoan(ctx.db, group.id, loan.id))!;
        if (current.status !== 'REQUESTED')
          throw new ConflictError(say.loanDecided(current.status), 'input.bankLoanId');
        const to = data.approve ? 'APPROVED' : 'DECLINED';
        const t = transition(ctx, 'REQUESTED', to, data.reasons);
        const extra = {
          reasons: data.reasons,
          ...(data.approve ? { monthlyRateBasisPoints: data.monthlyInterestBasisPoints } : {}),
        };
        const record: BankLoanRecord = {
          ...current,
          ...extra,
          status: to,
          history: [...current.history, t],
        } as BankLoanRecord;
        return {
          writes: [transitionWrite(ctx.db, keys.bankLoan(group.id, loan.id), 'REQUESTED', t, extra, 'status')],
          result: { record, live: undefined, asOf: cambodiaDate(ctx.now()) },
        };
      });
    },
    disburseBankLoan: async (_p, { input }, ctx) => {
      const data = parseInput(disburseSchema, input);
      const { group, loan } = await loanOfBank(ctx, data.groupId, data.bankLoanId);
      const t = transition(ctx, 'APPROVED', 'DISBURSED', null);
      await disburseBankLoan(ctx, group, data, loan, t);
      const record = (await getBankLoan(ctx.db, group.id, loan.id))!;
      return (await bankLoanViews(ctx, group.id, [record]))[0]!;
    },
  },
};
