/**
 * Bank access that a group's treasurer grants, modelled on India's Account Aggregator consent
 * artefact: a bank's request is kept apart from the grant the treasurer makes of it; each has a
 * purpose, scopes, a data range and a validity; each moves only along the transitions below; and
 * every use is logged. Pure: the store keeps the records, the policy asks `checkBankRead`.
 */
import * as z from 'zod';
import { addMonths } from './loans.ts';
import { dateSchema, idempotencyKeySchema, textSchema, idSchema, says } from './validation.ts';
import { denied, invalid, say, type Text } from './messages.ts';

export const ACCESS_SCOPES = [
  'SAVINGS_SUMMARY',
  'LOAN_BOOK_QUALITY',
  'MEETING_DISCIPLINE',
  'CREDIT_GRADE',
  'BANK_LOAN_HISTORY',
] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];

export const ACCESS_PURPOSES = ['LOAN_ASSESSMENT', 'LOAN_MONITORING'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export const REQUEST_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const GRANT_STATES = ['ACTIVE', 'PAUSED', 'REVOKED', 'EXPIRED'] as const;
export type GrantState = (typeof GRANT_STATES)[number];
export type RequestAction = 'APPROVE' | 'REJECT' | 'WITHDRAW' | 'EXPIRE';
export type GrantAction = 'PAUSE' | 'RESUME' | 'REVOKE' | 'EXPIRE';

/** The only transitions there are. Terminal states have none: they are final. */
export const REQUEST_TRANSITIONS: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  PENDING: { APPROVE: 'APPROVED', REJECT: 'REJECTED', WITHDRAW: 'WITHDRAWN', EXPIRE: 'EXPIRED' },
  APPROVED: {},
  REJECTED: {},
  WITHDRAWN: {},
  EXPIRED: {},
};

export const GRANT_TRANSITIONS: Record<GrantState, Partial<Record<GrantAction, GrantState>>> = {
  ACTIVE: { PAUSE: 'PAUSED', REVOKE: 'REVOKED', EXPIRE: 'EXPIRED' },
  PAUSED: { RESUME: 'ACTIVE', REVOKE: 'REVOKED', EXPIRE: 'EXPIRED' },
  REVOKED: {},
  EXPIRED: {},
};

/** A request unanswered this long expires. */
export const REQUEST_TTL_DAYS = 30;
export const MAX_DURATION_MONTHS = 12;
/**
 * How many times one loan officer may read one group's bank view in a Cambodian day. A loan file
 * needs a handful of reads; hundreds mean a script scraping a group's books, which the group's read
 * log would then drown in. Every read still counts towards it, refused ones do not.
 */
export const BANK_READS_PER_GROUP_PER_DAY = 50;

/** Who moved a record to a state, when and why. */
export interface Transition {
  from: string | null;
  to: string;
  by: string;
  at: string;
  reason: string | null;
}

export interface DataRange {
  from: string;
  to: string;
}

export interface AccessRequest {
  id: string;
  groupId: string;
  bankId: string;
  requestedBy: string;
  purpose: AccessPurpose;
  scopes: AccessScope[];
  dataRange: DataRange;
  durationMonths: number;
  message: string | null;
  state: RequestState;
  createdAt: string;
  grantId: string | null;
  history: Transition[];
}

export interface Grant {
  id: string;
  requestId: string;
  groupId: string;
  bankId: string;
  purpose: AccessPurpose;
  scopes: AccessScope[];
  dataRange: DataRange;
  validFrom: string;
  validUntil: string;
  state: GrantState;
  approvedBy: string;
  history: Transition[];
}

/** A request's state as of `now`: a pending one expires 30 days after it was made, to the second. */
export function requestStateAt(r: Pick<AccessRequest, 'state' | 'createdAt'>, now: Date): RequestState {
  if (r.state === 'PENDING' && now.getTime() >= Date.parse(r.createdAt) + REQUEST_TTL_DAYS * 86_400_000)
    return 'EXPIRED';
  return r.state;
}

/** A grant's state as of `now`: an active or paused one expires at validUntil, to the second. */
export function grantStateAt(g: Pick<Grant, 'state' | 'validUntil'>, now: Date): GrantState {
  if ((g.state === 'ACTIVE' || g.state === 'PAUSED') && now.getTime() >= Date.parse(g.validUntil)) return 'EXPIRED';
  return g.state;
}

export function nextRequestState(state: RequestState, action: RequestAction): RequestState | null {
  return REQUEST_TRANSITIONS[state][action] ?? null;
}

export function nextGrantState(state: GrantState, action: GrantAction): GrantState | null {
  return GRANT_TRANSITIONS[state][action] ?? null;
}

/** validUntil for a grant made at `now` lasting `months`: the same instant, months later. */
export function validUntil(now: Date, months: number): string {
  const iso = now.toISOString();
  return `${addMonths(iso.slice(0, 10), months)}${iso.slice(10)}`;
}

export type ReadRefusal =
  | { reason: 'NO_GRANT' }
  | { reason: 'NOT_ACTIVE'; state: GrantState }
  | { reason: 'SCOPE_MISSING'; missing: AccessScope[] }
  | { reason: 'OUT_OF_RANGE'; granted: DataRange };

/**
 * May a bank read `scopes` of data within `range` under `grant` at `now`? Only under an ACTIVE
 * grant, inside its validity, whose scopes cover every field read and whose range covers the data.
 */
export function checkBankRead(
  grant: Grant | undefined,
  scopes: AccessScope[],
  range: DataRange,
  now: Date,
): ReadRefusal | null {
  if (!grant) return { reason: 'NO_GRANT' };
  const state = grantStateAt(grant, now);
  if (state !== 'ACTIVE') return { reason: 'NOT_ACTIVE', state };
  const missing = scopes.filter((s) => !grant.scopes.includes(s));
  if (missing.length) return { reason: 'SCOPE_MISSING', missing };
  if (range.from < grant.dataRange.from || range.to > grant.dataRange.to)
    return { reason: 'OUT_OF_RANGE', granted: grant.dataRange };
  return null;
}

/** Says a refusal in words a loan officer can act on. */
export function describeRefusal(r: ReadRefusal): Text {
  switch (r.reason) {
    case 'NO_GRANT':
      return denied.notGranted;
    case 'NOT_ACTIVE':
      return denied.grantNotActive(r.state);
    case 'SCOPE_MISSING':
      return denied.scopeMissing(r.missing);
    case 'OUT_OF_RANGE':
      return denied.outOfRange(r.granted.from, r.granted.to);
  }
}

const scopesSchema = z
  .array(z.enum(ACCESS_SCOPES))
  .min(1, says(invalid.atLeastOneScope))
  .transform((s) => [...new Set(s)].sort() as AccessScope[]);

const rangeSchema = z
  .object({ from: dateSchema, to: dateSchema })
  .refine((r) => r.from <= r.to, { message: says(invalid.endsAfterBegins), path: ['to'] });

export const requestAccessInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  bankId: idSchema.nullish(),
  purpose: z.enum(ACCESS_PURPOSES),
  scopes: scopesSchema,
  dataRange: rangeSchema,
  durationMonths: z
    .number()
    .int()
    .min(1, says(invalid.atLeast(1)))
    .max(MAX_DURATION_MONTHS, says(invalid.atMostMonths(MAX_DURATION_MONTHS))),
  message: textSchema(1000).nullish(),
});
export type RequestAccessInput = z.infer<typeof requestAccessInputSchema>;

export const decideRequestInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: z.string(),
  requestId: z.string(),
  /** Approval only: the treasurer may narrow what was asked. */
  scopes: scopesSchema.nullish(),
  dataRange: rangeSchema.nullish(),
  durationMonths: z
    .number()
    .int()
    .min(1, says(invalid.atLeast(1)))
    .max(MAX_DURATION_MONTHS, says(invalid.atMostMonths(MAX_DURATION_MONTHS)))
    .nullish(),
  reason: textSchema(1000).nullish(),
});
export type DecideRequestInput = z.infer<typeof decideRequestInputSchema>;

/** A bank takes back a request it made by mistake, saying why; only while it waits. */
export const withdrawRequestInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  requestId: idSchema,
  reason: textSchema(1000),
});

export const changeGrantInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: z.string(),
  grantId: z.string(),
  reason: textSchema(1000),
});

/**
 * What the treasurer approves: the request, narrowed where she chose. Returns a problem (field,
 * message) if she tried to widen it instead.
 */
export function narrowRequest(
  request: AccessRequest,
  choice: { scopes?: AccessScope[] | null; dataRange?: DataRange | null; durationMonths?: number | null },
): { scopes: AccessScope[]; dataRange: DataRange; durationMonths: number } | { field: string; problem: Text } {
  const scopes = choice.scopes ?? request.scopes;
  if (scopes.some((s) => !request.scopes.includes(s))) return { field: 'input.scopes', problem: say.narrowScopes };
  const dataRange = choice.dataRange ?? request.dataRange;
  if (dataRange.from < request.dataRange.from || dataRange.to > request.dataRange.to) {
    return { field: 'input.dataRange', problem: say.narrowRange };
  }
  const durationMonths = choice.durationMonths ?? request.durationMonths;
  if (durationMonths > request.durationMonths) return { field: 'input.durationMonths', problem: say.shortenDuration };
  return { scopes, dataRange, durationMonths };
}

/** The scope each field of the bank view reads ("creditProfile.grade" is a path under bankView). */
export const SCOPE_OF_FIELD: Record<string, AccessScope> = {
  savingsSummary: 'SAVINGS_SUMMARY',
  loanBookQuality: 'LOAN_BOOK_QUALITY',
  meetingDiscipline: 'MEETING_DISCIPLINE',
  'creditProfile.savings': 'SAVINGS_SUMMARY',
  'creditProfile.loanBook': 'LOAN_BOOK_QUALITY',
  'creditProfile.meetings': 'MEETING_DISCIPLINE',
  'creditProfile.grade': 'CREDIT_GRADE',
  'creditProfile.suggestedLoan': 'CREDIT_GRADE',
  'creditProfile.bankLoans': 'BANK_LOAN_HISTORY',
};
/** Scopes whose data are today's balances, so today must lie inside the granted range. */
export const AS_OF_TODAY: AccessScope[] = ['SAVINGS_SUMMARY', 'LOAN_BOOK_QUALITY', 'CREDIT_GRADE'];

/** The scopes a read of these fields needs, sorted, each once. */
export function scopesOfFields(fields: Iterable<string>): AccessScope[] {
  return [...new Set([...fields].flatMap((f) => (SCOPE_OF_FIELD[f] ? [SCOPE_OF_FIELD[f]] : [])))].sort();
}

/**
 * The range a bank reads: what it asked for, or under a grant the range it gives (up to today),
 * never ending before it starts.
 */
export function askedRange(
  args: { from?: string | null; to?: string | null },
  grant: Grant | undefined,
  today: string,
): DataRange {
  const from = args.from ?? grant?.dataRange.from ?? today;
  const to = args.to ?? (grant && grant.dataRange.to < today ? grant.dataRange.to : today);
  return { from, to: to < from ? from : to };
}

/** What a read touches: figures as of today are read today, even when the range ended before. */
export function touchedRange(range: DataRange, scopes: readonly AccessScope[], today: string): DataRange {
  const asOfToday = scopes.some((s) => AS_OF_TODAY.includes(s));
  return {
    from: asOfToday && today < range.from ? today : range.from,
    to: asOfToday && today > range.to ? today : range.to,
  };
}

/**
 * The grant a read goes under: of the bank's grants for the group, newest first, the first one
 * `accepts`; if none does, the newest, so the refusal explains what is missing.
 */
export function chooseGrant(grants: readonly Grant[], accepts: (grant: Grant) => boolean): Grant | undefined {
  const newestFirst = [...grants].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return newestFirst.find(accepts) ?? newestFirst[0];
}

/** A change of state, by whom, when and why: one line of a request's or a grant's history. */
export const transitionBy = (
  by: string,
  at: Date,
  from: string | null,
  to: string,
  reason: string | null | undefined,
): Transition => ({
  from,
  to,
  by,
  at: at.toISOString(),
  reason: reason ?? null,
});

/** A bank's request as it is made: waiting for the group's treasurer. */
export function newAccessRequest(
  asked: Pick<
    AccessRequest,
    'id' | 'groupId' | 'bankId' | 'requestedBy' | 'purpose' | 'scopes' | 'dataRange' | 'durationMonths'
  > & { message?: string | null },
  now: Date,
): AccessRequest {
  return {
    ...asked,
    message: asked.message ?? null,
    state: 'PENDING',
    createdAt: now.toISOString(),
    grantId: null,
    history: [transitionBy(asked.requestedBy, now, null, 'PENDING', asked.message)],
  };
}

/** The grant a treasurer's approval makes of a request, as narrowed by her, valid from now for the months chosen. */
export function grantOf(
  request: AccessRequest,
  narrowed: { scopes: AccessScope[]; dataRange: DataRange; durationMonths: number },
  approval: { id: string; by: string; now: Date; reason: string | null | undefined },
): Grant {
  return {
    id: approval.id,
    requestId: request.id,
    groupId: request.groupId,
    bankId: request.bankId,
    purpose: request.purpose,
    scopes: narrowed.scopes,
    dataRange: narrowed.dataRange,
    validFrom: approval.now.toISOString(),
    validUntil: validUntil(approval.now, narrowed.durationMonths),
    state: 'ACTIVE',
    approvedBy: approval.by,
    history: [transitionBy(approval.by, approval.now, null, 'ACTIVE', approval.reason)],
  };
}
