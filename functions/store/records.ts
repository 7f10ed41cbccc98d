/**
 * How each entity is read back from its item: a zod schema per entity, checked against the
 * entity's TypeScript type (`satisfies`), so a record read from the table is what the code says it
 * is — an item that is not (a write from an older release, a hand edit) fails loudly with the
 * entity and key named, instead of flowing on as a cast. Key attributes and the entity tag are
 * dropped; attributes no schema names are dropped too.
 */
import * as z from 'zod';
import {
  ACCESS_PURPOSES,
  ACCESS_SCOPES,
  GRANT_STATES,
  REQUEST_STATES,
  type AccessRequest,
  type Grant,
} from '#core/access.ts';
import { SECTORS, type CommuneCoverage, type Reach } from '#core/coverage.ts';
import { MEMBER_FIELDS, SEXES, type Federation, type Group, type Member } from '#core/groups.ts';
import type { Constitution } from '#core/constitution.ts';
import {
  ACCOUNTS,
  BANK_LOAN_STATUSES,
  ENTRY_KINDS,
  LOAN_STATUSES,
  PAYOUT_REASONS,
  ZERO_BALANCES,
  type Balances,
  type Books,
  type EntryRef,
  type LoanState,
  type PostedEntry,
} from '#core/ledger.ts';
import { INTEREST_METHODS } from '#core/loans.ts';
import { ATTENDANCE_STATUSES, JOURNAL_KINDS, type MeetingCorrection } from '#core/meetings.ts';
import { CURRENCIES, toMinorUnits } from '#core/money.ts';
import { FREQUENCIES, WEEKDAYS } from '#core/schedule.ts';
import type { ReadLogEntry } from './access.ts';
import type { BankLoanRecord } from './bank-loans.ts';
import type { LoanRecord } from './books.ts';
import type { Delivery, Service } from './coverage.ts';
import type { FederationMembership } from './groups.ts';
import type { Item } from './db.ts';
import type { OfficerTerm } from './officers.ts';
import type { Organisation } from './organisations.ts';
import type { RoleChange, User } from './users.ts';
import { GROUP_OFFICER_ROLES, ROLE_NAMES, TENANT_TYPES, type RoleGrant } from '#core/roles.ts';

const text = z.string();

const meetingSchedule = z.object({
  frequency: z.enum(FREQUENCIES),
  weekday: z.enum(WEEKDAYS),
  weekOfMonth: z.number().nullable(),
});

export const federationRecord = z.object({
  id: text,
  name: text,
  placeCode: text,
  parentId: text.nullable(),
  createdAt: text,
}) satisfies z.ZodType<Federation>;

export const groupRecord = z.object({
  id: text,
  name: text,
  placeCode: text,
  currency: z.enum(CURRENCIES),
  meetingSchedule,
  formedOn: text,
  federationId: text.nullable(),
  memberCount: z.number(),
  womenCount: z.number(),
  createdAt: text,
}) satisfies z.ZodType<Group>;

export const memberRecord = z.object({
  id: text,
  groupId: text,
  name: text,
  sex: z.enum(SEXES),
  phone: text.nullable(),
  joinedOn: text,
  leftOn: text.nullable(),
  createdAt: text,
  corrections: z
    .array(
      z.object({
        number: z.number(),
        changes: z.array(z.object({ field: z.enum(MEMBER_FIELDS), was: text.nullable(), now: text.nullable() })),
        reason: text,
        correctedBy: text,
        correctedAt: text,
      }),
    )
    .optional(),
}) satisfies z.ZodType<Member>;

export const serviceRecord = z.object({
  id: text,
  ngoId: text,
  name: text,
  sector: z.enum(SECTORS),
}) satisfies z.ZodType<Service>;

export const deliveryRecord = z.object({
  id: text,
  ngoId: text,
  serviceId: text,
  sector: z.enum(SECTORS),
  date: text,
  communeCodes: z.array(text),
  groupIds: z.array(text),
  participants: z.number(),
  women: z.number(),
  status: z.enum(['RECORDED', 'CORRECTED', 'WITHDRAWN']).optional(),
  corrects: text.nullable().optional(),
  ending: z.object({ by: text, at: text, reason: text, replacedBy: text.nullable() }).nullable().optional(),
}) satisfies z.ZodType<Delivery>;

export const reachRecord = z.object({
  communeCode: text,
  date: text,
  groupId: text.nullable().default(null),
  members: z.number().default(0),
  groups: z.number().nullable().default(null),
}) satisfies z.ZodType<Reach, unknown>;

/** A district's (or province's) coverage of a sector: an entry per commune (or district) reached. */
export const coverageItemRecord = z.object({
  version: z.number().int(),
  children: z.record(
    z.string(),
    z.object({
      communesReached: z.number().int(),
      groups: z.number().int(),
      members: z.number().int(),
      changesOn: text.nullable().default(null),
    }) satisfies z.ZodType<CommuneCoverage, unknown>,
  ),
});
export type CoverageItem = z.infer<typeof coverageItemRecord>;

/** An NGO's organisation item, for the sectors it works in (none registered yet: none). */
export const ngoSectorsRecord = z.object({ sectors: z.array(z.enum(SECTORS)).default([]) });

export const membershipRecord = z.object({
  federationId: text,
  from: text,
  until: text.nullable().default(null),
}) satisfies z.ZodType<FederationMembership, unknown>;

export const userRecord = z.object({
  id: text,
  displayName: text,
  createdAt: text,
  phone: text.optional(),
}) satisfies z.ZodType<User>;

export const roleGrantRecord = z.object({
  tenantType: z.enum(TENANT_TYPES),
  tenantId: text,
  role: z.enum(ROLE_NAMES),
}) satisfies z.ZodType<RoleGrant>;

export const roleChangeRecord = roleGrantRecord.extend({
  action: z.enum(['ASSIGNED', 'REVOKED']),
  by: text,
  at: text,
  reason: text.nullable().default(null),
}) satisfies z.ZodType<RoleChange, unknown>;

export const organisationRecord = z.object({
  id: text,
  type: z.enum(['BANK', 'NGO']),
  name: text,
  createdAt: text,
}) satisfies z.ZodType<Organisation>;

export const officerTermRecord = z.object({
  groupId: text,
  role: z.enum(GROUP_OFFICER_ROLES),
  userId: text,
  from: text,
  until: text.nullable().default(null),
}) satisfies z.ZodType<OfficerTerm, unknown>;

const money = z.union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/)]).transform(toMinorUnits);
const transition = z.object({ from: text.nullable(), to: text, by: text, at: text, reason: text.nullable() });
const dataRange = z.object({ from: text, to: text });
const scopes = z.array(z.enum(ACCESS_SCOPES));

export const accessRequestRecord = z.object({
  id: text,
  groupId: text,
  bankId: text,
  requestedBy: text,
  purpose: z.enum(ACCESS_PURPOSES),
  scopes,
  dataRange,
  durationMonths: z.number(),
  message: text.nullable(),
  state: z.enum(REQUEST_STATES),
  createdAt: text,
  grantId: text.nullable(),
  history: z.array(transition),
}) satisfies z.ZodType<AccessRequest>;

export const grantRecord = z.object({
  id: text,
  requestId: text,
  groupId: text,
  bankId: text,
  purpose: z.enum(ACCESS_PURPOSES),
  scopes,
  dataRange,
  validFrom: text,
  validUntil: text,
  state: z.enum(GRANT_STATES),
  approvedBy: text,
  history: z.array(transition),
}) satisfies z.ZodType<Grant>;

export const readLogRecord = z.object({
  id: text,
  groupId: text,
  bankId: text,
  grantId: text,
  officerId: text,
  scopes,
  dataRange,
  at: text,
}) satisfies z.ZodType<ReadLogEntry>;

/** Amounts are stored as numbers (or decimal strings past 2^53); paid amounts are absent until paid. */
export const bankLoanRecord = z.object({
  id: text,
  groupId: text,
  bankId: text,
  requestedBy: text,
  amount: money,
  termMonths: z.number(),
  purpose: text,
  status: z.enum(BANK_LOAN_STATUSES),
  reasons: text.nullable(),
  monthlyRateBasisPoints: z.number().nullable(),
  disbursedOn: text.nullable(),
  repaidOn: text.nullable(),
  maxDaysLate: z.number(),
  principalPaid: money.default(0n),
  interestPaid: money.default(0n),
  createdAt: text,
  history: z.array(transition),
}) satisfies z.ZodType<BankLoanRecord, unknown>;

// The books. Amounts are integer minor units, stored as numbers (decimal strings past 2^53).

const loanTerms = {
  principal: money,
  monthlyRateBasisPoints: z.number(),
  method: z.enum(INTEREST_METHODS),
  termMonths: z.number(),
  disbursedOn: text,
};

const loanState = z.object({
  id: text,
  memberId: text,
  ...loanTerms,
  principalPaid: money,
  interestPaid: money,
  lastRepaymentOn: text.nullable().default(null),
}) satisfies z.ZodType<LoanState, unknown>;

/** A LOAN item: the terms as made, and its final state once closed. */
export const loanRecord = loanState.omit({ lastRepaymentOn: true }).extend({
  groupId: text,
  status: z.enum(LOAN_STATUSES),
  closedOn: text.nullable().default(null),
}) satisfies z.ZodType<LoanRecord, unknown>;

/** Every account, zero where the item has none (an account added after the item was written). */
const balances = z
  .partialRecord(z.enum(ACCOUNTS), money)
  .default({})
  .transform((raw): Balances => {
    const all = { ...ZERO_BALANCES };
    for (const a of ACCOUNTS) all[a] = raw[a] ?? 0n;
    return all;
  });

/** The BOOKS item, without the activity (its own item). */
export const booksRecord = z.object({
  version: z.number(),
  balances,
  members: z.record(text, z.object({ savings: money })),
  loans: z.record(text, loanState),
  bankLoans: z
    .record(text, loanState.omit({ memberId: true }).extend({ bankId: text, maxDaysLate: z.number() }))
    .default({}),
  lastPostedOn: text.nullable().default(null),
  firstPostedOn: text.nullable().default(null),
}) satisfies z.ZodType<Omit<Books, 'activity'>, unknown>;

/** The ACTIVITY item: months and recent meetings as short strings (decoded by the books' store). */
export const activityRecord = z.object({
  months: z.record(text, text).default({}),
  meetings: z.array(text).default([]),
});

const entryRef = z.object({ date: text, journalId: text, entryId: text }) satisfies z.ZodType<EntryRef>;

const postedEntry = z.object({
  id: text,
  kind: z.enum([...ENTRY_KINDS, 'REVERSAL']),
  amount: money,
  memberId: text.nullable().default(null),
  loanId: text.nullable().default(null),
  payoutReason: z.enum(PAYOUT_REASONS).nullable().default(null),
  note: text.nullable().default(null),
  effects: z.partialRecord(z.enum(ACCOUNTS), money).default({}),
  memberSavings: money.default(0n),
  interest: money.default(0n),
  principal: money.default(0n),
  loanTerms: z
    .object({ memberId: text, ...loanTerms })
    .nullable()
    .default(null),
  reverses: entryRef.nullable().default(null),
  reversedKind: z.enum(ENTRY_KINDS).nullable().default(null),
}) satisfies z.ZodType<PostedEntry, unknown>;

const attendanceLine = z.object({ memberId: text, status: z.enum(ATTENDANCE_STATUSES) });
const minutesItem = z.object({ agendaItem: text, discussed: z.boolean(), decision: text.nullable() });

/** A JOURNAL item as stored: attendance and minutes as recorded; the corrections apply on top. */
export const journalRecord = z.object({
  groupId: text,
  journalId: text,
  kind: z.enum(JOURNAL_KINDS),
  date: text,
  entries: z.array(postedEntry),
  attendance: z.array(attendanceLine).nullable().default(null),
  minutes: z.array(minutesItem).nullable().default(null),
  corrections: z
    .array(
      z.object({
        number: z.number(),
        attendance: z.array(attendanceLine).nullable(),
        minutes: z.array(minutesItem).nullable(),
        reason: text,
        correctedBy: text,
        correctedAt: text,
      }),
    )
    .default([]) satisfies z.ZodType<MeetingCorrection[], unknown>,
  sequence: z.number(),
  recordedBy: text,
  recordedAt: text,
  reversed: z.record(text, entryRef).default({}),
});

export const constitutionRecord = z.object({
  groupId: text,
  effectiveFrom: text,
  meetingSchedule,
  regularSaving: money,
  monthlyInterestBasisPoints: z.number(),
  interestMethod: z.enum(INTEREST_METHODS),
  maxLoanToSavingsPercent: z.number(),
  maxLoanTermMonths: z.number(),
  absenceFine: money,
  lateRepaymentFine: money,
  socialFundContribution: money,
  recordedBy: text,
  recordedAt: text,
}) satisfies z.ZodType<Constitution, unknown>;

/** The entity an item holds, checked; a malformed item is an internal error naming its key. */
export function readRecord<T>(schema: z.ZodType<T>, item: Item): T {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(
    `item ${String(item.pk)} / ${String(item.sk)} is not a valid ${String(item.entity)}: ${issue.path.join('.')} ${issue.message}`,
  );
}
