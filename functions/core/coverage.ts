/**
 * NGOs' services and where they reach: sectors (the technical working groups of Cambodia's CSO
 * mapping), coverage by place × sector, gaps, and small-count suppression so that no group can be
 * singled out. Pure.
 */
import * as z from 'zod';
import { dateSchema, idempotencyKeySchema, textSchema, idSchema, says } from './validation.ts';
import { invalid } from './messages.ts';
import { addMonths } from './loans.ts';

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
  /** For a group: its members when the service reached it; for a whole commune, its groups' members then. */
  members: number;
  /**
   * For a whole commune: its groups when the delivery was recorded. Null for a group, and for a
   * commune reached before the count was kept (its groups are then read from its rollup).
   */
  groups: number | null;
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
 * What a commune counts for one sector, as coverage keeps it: reached as a whole or not, groups and
 * members reached, and the day these can next change by the calendar alone (when a delivery
 * counted turns 12 months old) — null when nothing counts. Kept per commune in its district's
 * coverage item, so reading coverage never reads deliveries.
 */
export interface CommuneCoverage {
  /** 1 when a delivery of the sector reached the whole commune in the last 12 months. */
  communesReached: number;
  groups: number;
  members: number;
  changesOn: string | null;
}

/** Figures of a place: a commune's, or the sum over the communes (or districts) below it. */
export type CoverageSum = Omit<CommuneCoverage, 'changesOn'>;

export const NO_COVERAGE: CoverageSum = { communesReached: 0, groups: 0, members: 0 };

/**
 * A commune's coverage of one sector on `today`, from its deliveries' reach. A delivery counts for
 * 12 months. Reached as a whole, the commune counts the groups and members it had when the latest
 * such delivery was recorded (`rollupOf` answers for a reach recorded before that was kept);
 * otherwise each group delivered to directly counts once, with its members when last reached.
 */
export function communeCoverage(
  reaches: readonly Reach[],
  today: string,
  rollupOf: () => { groups: number; members: number },
): CommuneCoverage {
  const since = addMonths(today, -12);
  const counted = reaches.filter((r) => r.date >= since && r.date <= today);
  if (!counted.length) return { ...NO_COVERAGE, changesOn: null };
  const changesOn = addMonths(
    counted.reduce((first, r) => (r.date < first ? r.date : first), counted[0]!.date),
    12,
  );
  const wholes = counted.filter((r) => r.groupId === null);
  if (wholes.length) {
    const latest = wholes.reduce((a, b) => (b.date > a.date ? b : a));
    const figures = latest.groups === null ? rollupOf() : { groups: latest.groups, members: latest.members };
    return { communesReached: 1, ...figures, changesOn };
  }
  const { directGroups } = reachOf(counted);
  const members = [...directGroups.values()].reduce((s, r) => s + r.members, 0);
  return { communesReached: 0, groups: directGroups.size, members, changesOn };
}

/** Figures of the places below one, added up: communes partition groups, so nothing counts twice. */
export function sumCoverage(parts: Iterable<CoverageSum>): CoverageSum {
  const sum = { ...NO_COVERAGE };
  for (const p of parts) {
    sum.communesReached += p.communesReached;
    sum.groups += p.groups;
    sum.members += p.members;
  }
  return sum;
}

/** A place's figures as the API shows them: groups and members suppressed below 3 groups. */
export function shownCoverage(f: CoverageSum): {
  communesReached: number;
  groupsReached: CountOrSuppressed;
  membersReached: CountOrSuppressed;
} {
  return {
    communesReached: f.communesReached,
    groupsReached: suppress(f.groups, f.groups),
    membersReached: suppress(f.members, f.groups),
  };
}

/**
 * The coverage item a place's figures and those one level down are read from: a district's or
 * province's own (an entry per place below it); for a commune, its district's (its own entry).
 */
export function coverageHolder(placeCode: string): string {
  return placeCode.length === 6 ? placeCode.slice(0, 4) : placeCode;
}

/**
 * A place's coverage grid from the entries of its holder's items, a sector at a time: the place's
 * figures per sector (a commune's own entry; above, the sum of the entries) and a row per place one
 * level down (`childCodes`, none for a commune), a cell per sector.
 */
export function coverageGrid(
  placeCode: string,
  childCodes: readonly string[],
  sectors: readonly Sector[],
  entriesOf: (sector: Sector) => Readonly<Record<string, CoverageSum>>,
): { total: CoverageSum[]; rows: { code: string; cells: CoverageSum[] }[] } {
  const commune = placeCode.length === 6;
  const total = sectors.map((s) =>
    commune ? (entriesOf(s)[placeCode] ?? NO_COVERAGE) : sumCoverage(Object.values(entriesOf(s))),
  );
  const rows = commune
    ? []
    : childCodes.map((code) => ({ code, cells: sectors.map((s) => entriesOf(s)[code] ?? NO_COVERAGE) }));
  return { total, rows };
}
