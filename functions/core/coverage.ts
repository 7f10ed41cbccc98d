/**
 * NGOs' services and where they reach: sectors (the technical working groups of Cambodia's CSO
 * mapping), coverage by place × sector, gaps, and small-count suppression so that no group can be
 * singled out. Pure.
 */
import * as z from 'zod';
import { dateSchema, idempotencyKeySchema, textSchema, idSchema, says } from './validation.ts';
import { invalid } from './messages.ts';

export const SECTORS = [
  'EDUCATION',
  'HEALTH',
  'AGRICULTURE_AND_WATER',
  'FISHERIES',
  'WATER_SANITATION_HYGIENE',
  'LAND',
  'GENDER',
  'DECENTRALISATION',
  'SOCIAL_PROTECTION_NUTRITION',
  'FORESTRY',
  'HIV_AIDS',
  'DISABILITY',
  'LEGAL_REFORM',
  'PRIVATE_SECTOR',
  'PLANNING_POVERTY_REDUCTION',
  'MINE_ACTION',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Fewer groups than this are never shown as a number. */
export const SUPPRESS_BELOW = 3;

export interface CountOrSuppressed {
  suppressed: boolean;
  value: number | null;
}

/**
 * A count of groups, or of their members, shown only when at least 3 groups stand behind it.
 * Zero is shown: "no group" singles nobody out.
 */
export function suppress(value: number, groupsBehind: number): CountOrSuppressed {
  if (groupsBehind > 0 && groupsBehind < SUPPRESS_BELOW) return { suppressed: true, value: null };
  return { suppressed: false, value };
}

const id = idSchema;

export const setSectorsInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  ngoId: id,
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
});
export const registerServiceInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  ngoId: id,
  name: textSchema(200),
  sector: z.enum(SECTORS),
});
/** A delivery names groups directly up to this many; larger ones are recorded by commune. */
export const MAX_GROUPS_PER_DELIVERY = 25;

const deliveryFields = {
  idempotencyKey: idempotencyKeySchema,
  ngoId: id,
  serviceId: id,
  date: dateSchema,
  communeCode: z
    .string()
    .regex(/^\d{6}$/, says(invalid.communeCode))
    .nullish(),
  groupIds: z
    .array(id)
    .min(1, says(invalid.atLeastOneGroup))
    .max(MAX_GROUPS_PER_DELIVERY, says(invalid.atMostGroups(MAX_GROUPS_PER_DELIVERY)))
    .refine((ids) => new Set(ids).size === ids.length, says(invalid.groupTwice))
    .nullish(),
  participants: z
    .number()
    .int()
    .min(0, says(invalid.notNegative))
    .max(100_000, says(invalid.atMost(100_000))),
  women: z.number().int().min(0, says(invalid.notNegative)),
};

/** What a delivery must say, whether recorded first or as a correction of one. */
const deliveryRules = <
  T extends z.ZodType<{ women: number; participants: number; communeCode?: string | null; groupIds?: string[] | null }>,
>(
  schema: T,
) =>
  schema
    .refine((d) => d.women <= d.participants, { message: says(invalid.womenWithinParticipants), path: ['women'] })
    .refine((d) => !!d.communeCode !== !!d.groupIds, { message: says(invalid.communeOrGroups), path: ['communeCode'] });

export const recordDeliveryInputSchema = deliveryRules(z.object(deliveryFields));
export type RecordDeliveryInput = z.infer<typeof recordDeliveryInputSchema>;

/** Which delivery, by its id and date (as listed); a delivery's record is kept under its date. */
const deliveryRef = { deliveryId: id, deliveryDate: dateSchema, reason: textSchema(500) };

/** A delivery as it should have been recorded, in place of the one named. */
export const correctDeliveryInputSchema = deliveryRules(z.object({ ...deliveryFields, ...deliveryRef }));
export type CorrectDeliveryInput = z.infer<typeof correctDeliveryInputSchema>;

export const withdrawDeliveryInputSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  ngoId: id,
  ...deliveryRef,
});
export type WithdrawDeliveryInput = z.infer<typeof withdrawDeliveryInputSchema>;

/** One place a delivery reached: a whole commune (groupId null) or one group in its commune. */
export interface Reach {
  communeCode: string;
  date: string;
  groupId: string | null;
  /** For a group: its members when the service reached it. */
  members: number;
}

/**
 * Who a sector's deliveries reached: communes reached as a whole, and the groups reached
 * directly outside those communes (a group counted once, with its latest reach).
 */
export function reachOf(reaches: readonly Reach[]): { wholeCommunes: string[]; directGroups: Map<string, Reach> } {
  const wholeCommunes = [...new Set(reaches.filter((r) => r.groupId === null).map((r) => r.communeCode))].sort();
  const whole = new Set(wholeCommunes);
  const directGroups = new Map<string, Reach>();
  for (const r of reaches) {
    if (r.groupId === null || whole.has(r.communeCode)) continue;
    const seen = directGroups.get(r.groupId);
    if (!seen || seen.date < r.date) directGroups.set(r.groupId, r);
  }
  return { wholeCommunes, directGroups };
}

/**
 * What a sector's reach adds up to in a place: communes reached as a whole, and groups and members
 * reached — every group of a whole commune (from its rollup's counts) plus each group delivered to
 * directly elsewhere, once, with its members when reached — suppressed below 3 groups.
 */
export function coverageFigures(
  reach: ReturnType<typeof reachOf>,
  wholeCommuneCounts: readonly { groups: bigint; members: bigint }[],
): { communesReached: number; groupsReached: CountOrSuppressed; membersReached: CountOrSuppressed } {
  const groups = wholeCommuneCounts.reduce((s, f) => s + Number(f.groups), 0) + reach.directGroups.size;
  const members =
    wholeCommuneCounts.reduce((s, f) => s + Number(f.members), 0) +
    [...reach.directGroups.values()].reduce((s, r) => s + r.members, 0);
  return {
    communesReached: reach.wholeCommunes.length,
    groupsReached: suppress(groups, groups),
    membersReached: suppress(members, groups),
  };
}
