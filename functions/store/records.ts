/**
 * How each entity is read back from its item: a zod schema per entity, checked against the
 * entity's TypeScript type (`satisfies`), so a record read from the table is what the code says it
 * is — an item that is not (a write from an older release, a hand edit) fails loudly with the
 * entity and key named, instead of flowing on as a cast. Key attributes and the entity tag are
 * dropped; attributes no schema names are dropped too.
 */
import * as z from 'zod';
import { SECTORS } from '#core/coverage.ts';
import { MEMBER_FIELDS, SEXES, type Federation, type Group, type Member } from '#core/groups.ts';
import { CURRENCIES } from '#core/money.ts';
import { FREQUENCIES, WEEKDAYS } from '#core/schedule.ts';
import type { Delivery, Service } from './coverage.ts';
import type { Item } from './db.ts';
import type { OfficerTerm } from './officers.ts';
import type { Organisation } from './organisations.ts';
import type { User } from './users.ts';
import { GROUP_OFFICER_ROLES } from '#core/roles.ts';

const text = z.string();

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
  meetingSchedule: z.object({
    frequency: z.enum(FREQUENCIES),
    weekday: z.enum(WEEKDAYS),
    weekOfMonth: z.number().nullable(),
  }),
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

export const userRecord = z.object({ id: text, displayName: text, createdAt: text }) satisfies z.ZodType<User>;

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

/** The entity an item holds, checked; a malformed item is an internal error naming its key. */
export function readRecord<T>(schema: z.ZodType<T>, item: Item): T {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(
    `item ${String(item.pk)} / ${String(item.sk)} is not a valid ${String(item.entity)}: ${issue.path.join('.')} ${issue.message}`,
  );
}
