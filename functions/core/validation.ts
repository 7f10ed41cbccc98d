/**
 * Validation at the edge: zod schemas describe each input; `parseInput` turns the first problem
 * into a ValidationError naming the field, so a client learns exactly what to fix.
 */
import * as z from 'zod';
import { ValidationError } from './errors.ts';
import { parseMinorUnits } from './money.ts';
import { isKnownPlaceCode } from './places.ts';

/** Parses `input` or throws a ValidationError whose field is the dotted path under `root`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].join('.');
  throw new ValidationError(`${field}: ${issue.message}`, `${field}៖ តម្លៃមិនត្រឹមត្រូវ`, field);
}

/** A key the client makes once per intended change and sends again on every retry of it. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_" (a UUID fits)');

// Control characters other than tab and newline never belong in names or minutes.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text in Khmer or English, stored as given (only refused when blank, too long or binary). */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, 'must not be blank')
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', 'must be between 1990 and 2100');

/** A place code from the gazetteer (2, 4 or 6 digits) or a village code inside a known commune (8). */
export const placeCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{8})$/, 'must be a place code of 2, 4, 6 or 8 digits')
  .refine(isKnownPlaceCode, 'is not a known place code');

/** An amount of money in minor units, as the Money scalar delivers it. */
export const moneySchema = z
  .union([z.bigint(), z.string()])
  .transform((v, ctx) => {
    const parsed = typeof v === 'bigint' ? v : parseMinorUnits(v);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a whole number of minor units' });
      return z.NEVER;
    }
    return parsed;
  });

export const positiveMoneySchema = moneySchema.refine((v) => v > 0n, 'must be more than zero');
export const nonNegativeMoneySchema = moneySchema.refine((v) => v >= 0n, 'must not be negative');

/** Today's date in Cambodia (UTC+7), where every group meets. */
export function cambodiaDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
