/**
 * Federations, groups and members: what is recorded about them and the rules their inputs obey.
 */
import * as z from 'zod';
import { CURRENCIES, type Currency } from './money.ts';
import { FREQUENCIES, WEEKDAYS, type MeetingSchedule } from './schedule.ts';
import { dateSchema, idempotencyKeySchema, placeCodeSchema, textSchema, idSchema, says } from './validation.ts';
import { invalid, say, type Text } from './messages.ts';
import { ValidationError } from './errors.ts';

export const SEXES = ['FEMALE', 'MALE', 'OTHER'] as const;
export type Sex = (typeof SEXES)[number];

export interface Federation {
  id: string;
  name: string;
  placeCode: string;
  /**
   * The federation directly above, if any. Only the parent is stored: the chain above is walked
   * (federationChain) so that moving a federation rewrites one item, never its descendants.
   */
  parentId: string | null;
  createdAt: string;
}

/** Federations nest at most this deep (a group's federation and 7 above it); creates and moves beyond it are refused. */
export const MAX_FEDERATION_DEPTH = 8;

/**
 * The federation and every federation above it, itself first, read through `load` (a cached
 * loader). Stops at a missing parent, and — should a cycle or an over-deep chain ever exist,
 * which writes prevent — after a hard bound, so a read can never loop.
 */
export async function federationChain(
  start: Federation,
  load: (id: string) => Promise<Federation | undefined>,
): Promise<Federation[]> {
  const chain = [start];
  let current = start;
  while (current.parentId && chain.length < MAX_FEDERATION_DEPTH * 2) {
    const parent = await load(current.parentId);
    if (!parent || chain.some((f) => f.id === parent.id)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/**
 * Why a federation cannot move under `newParentChain` (the new parent and those above it), or null.
 * `subtreeHeight` counts the moved federation's own level: 1 when nothing is below it.
 */
export function checkFederationMove(
  federationId: string,
  newParentChain: readonly Federation[],
  subtreeHeight: number,
): Text | null {
  if (newParentChain.some((f) => f.id === federationId)) return say.notItselfOrBelow;
  if (newParentChain.length + subtreeHeight > MAX_FEDERATION_DEPTH) return say.tooDeep(MAX_FEDERATION_DEPTH);
  return null;
}

export interface Group {
  id: string;
  name: string;
  /** Commune (6 digits) or village (8 digits) where the group meets. */
  placeCode: string;
  currency: Currency;
  meetingSchedule: MeetingSchedule;
  formedOn: string;
  federationId: string | null;
  /** Members who have joined and not left; kept with each member write. */
  memberCount: number;
  womenCount: number;
  createdAt: string;
}

export interface Member {
  id: string;
  groupId: string;
  name: string;
  sex: Sex;
  phone: string | null;
  joinedOn: string;
  leftOn: string | null;
  createdAt: string;
  /** Every correction of her name, sex or phone, oldest first: the register keeps what it said before. */
  corrections?: MemberCorrection[];
}

export const MEMBER_FIELDS = ['NAME', 'SEX', 'PHONE'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** One field a correction changed: what the register said, and what it says now. */
export interface MemberFieldChange {
  field: MemberField;
  was: string | null;
  now: string | null;
}

export interface MemberCorrection {
  /** 1 for the first correction of this member, and so on. */
  number: number;
  changes: MemberFieldChange[];
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

/**
 * Corrections a record keeps at most: each is a few hundred bytes inside the record's item, so
 * this bounds the item far below DynamoDB's 400 KB whatever happens.
 */
export const MAX_CORRECTIONS = 50;

const phoneSchema = z.string().regex(/^\+?[0-9 ]{6,20}$/, says(invalid.phone));

export const meetingScheduleSchema = z
  .object({
    frequency: z.enum(FREQUENCIES),
    weekday: z.enum(WEEKDAYS),
    weekOfMonth: z
      .number()
      .int()
      .refine((n) => [1, 2, 3, 4, -1].includes(n), says(invalid.weekOfMonth))
      .nullish(),
  })
  .transform((s) => ({ ...s, weekOfMonth: s.frequency === 'MONTHLY' ? (s.weekOfMonth ?? 1) : null }));

export const createFederationInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  name: textSchema(120),
  placeCode: placeCodeSchema,
  parentId: idSchema.nullish(),
});
export type CreateFederationInput = z.infer<typeof createFederationInputSchema>;

export const createGroupInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  name: textSchema(120),
  placeCode: placeCodeSchema.refine((c) => c.length >= 6, says(invalid.communeOrVillage)),
  currency: z.enum(CURRENCIES),
  meetingSchedule: meetingScheduleSchema,
  formedOn: dateSchema,
  federationId: idSchema.nullish(),
});
export type CreateGroupInput = z.infer<typeof createGroupInputSchema>;

export const addMemberInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  name: textSchema(120),
  sex: z.enum(SEXES),
  phone: phoneSchema.nullish(),
  joinedOn: dateSchema,
});
export type AddMemberInput = z.infer<typeof addMemberInputSchema>;

/** What is left out (or null) stays as it is; `phone: null` takes the number away. */
export const correctMemberInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  memberId: idSchema,
  name: textSchema(120).nullish(),
  sex: z.enum(SEXES).nullish(),
  phone: phoneSchema.nullish(),
  reason: textSchema(500),
});
export type CorrectMemberInput = z.infer<typeof correctMemberInputSchema>;

/**
 * The member as corrected, with the correction appended to her history. Only fields that differ
 * from the register count; a correction that changes nothing is refused, so the history holds
 * only real changes.
 */
export function correctMember(member: Member, input: CorrectMemberInput, by: string, at: string): Member {
  const wanted: [MemberField, string | null, string | null | undefined][] = [
    ['NAME', member.name, input.name ?? undefined],
    ['SEX', member.sex, input.sex ?? undefined],
    ['PHONE', member.phone, input.phone === undefined ? undefined : input.phone],
  ];
  const changes = wanted
    .filter(([, was, now]) => now !== undefined && now !== was)
    .map(([field, was, now]) => ({ field, was, now: now! }));
  if (changes.length === 0) throw ValidationError.at('input', say.nothingToCorrect);
  const history = member.corrections ?? [];
  if (history.length >= MAX_CORRECTIONS)
    throw ValidationError.at('input.memberId', say.tooManyCorrections(MAX_CORRECTIONS));
  return {
    ...member,
    name: input.name ?? member.name,
    sex: input.sex ?? member.sex,
    phone: input.phone === undefined ? member.phone : input.phone,
    corrections: [
      ...history,
      { number: history.length + 1, changes, reason: input.reason, correctedBy: by, correctedAt: at },
    ],
  };
}

/** A member cannot join before the group was formed, nor on a day that has not come yet. */
export function checkJoinDate(group: Pick<Group, 'formedOn'>, joinedOn: string, today: string): Text | null {
  if (joinedOn < group.formedOn) return say.beforeForming(group.formedOn);
  if (joinedOn > today) return say.notInFuture;
  return null;
}

export const moveFederationInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  federationId: idSchema,
  parentId: idSchema.nullish(),
  from: dateSchema,
});
export type MoveFederationInput = z.infer<typeof moveFederationInputSchema>;

export const moveGroupInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  groupId: idSchema,
  federationId: idSchema.nullish(),
  from: dateSchema,
});
