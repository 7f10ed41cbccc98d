/**
 * NGOs' services and where they reach: sectors (the technical working groups of Cambodia's CSO
 * mapping), coverage by place × sector, gaps, and small-count suppression so that no group can be
 * singled out. Pure.
 */
import { z } from 'zod';
import { dateSchema, idempotencyKeySchema, textSchema } from './validation.ts';

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

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid id');

export const setSectorsInputSchema = z.object({ idempotencyKey: idempotencyKeySchema, ngoId: id, sectors: z.array(z.enum(SECTORS)).max(SECTORS.length) });
export const registerServiceInputSchema = z.object({ idempotencyKey: idempotencyKeySchema, ngoId: id, name: textSchema(200), sector: z.enum(SECTORS) });
export const recordDeliveryInputSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    ngoId: id,
    serviceId: id,
    date: dateSchema,
    communeCode: z.string().regex(/^\d{6}$/, 'must be a commune code of 6 digits'),
    participants: z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100,000'),
    women: z.number().int().min(0, 'must not be negative'),
  })
  .refine((d) => d.women <= d.participants, { message: 'must not be more than the participants', path: ['women'] });
