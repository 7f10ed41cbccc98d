/**
 * Validation at the edge: zod schemas describe each input; `parseInput` turns the first problem
 * into a ValidationError naming the field, so a client learns exactly what to fix.
 */
import * as z from 'zod';
// The Khmer locale alone: `z.locales.km` would bundle every locale zod has (~250 KiB into each Lambda).
import khmerLocale from 'zod/v4/locales/km.js';
import { ValidationError } from './errors.ts';
import { invalid, say, type Text } from './messages.ts';
import { parseMinorUnits } from './money.ts';
import { isKnownPlaceCode } from './places.ts';

/** The Khmer of each of Krom's own check messages, keyed by its English (see `says`). */
const KHMER_OF = new Map<string, string>();
const zodKhmer = khmerLocale().localeError;

/**
 * A catalogue message for a zod check: zod carries one string, so the English goes in and the
 * Khmer is remembered beside it. Every schema's own message goes through here.
 */
export function says(text: Text): string {
  KHMER_OF.set(text.en, text.km);
  return text.en;
}

/** One zod issue in both languages: Krom's own message from the catalogue, zod's built-in ones from its Khmer locale. */
export function textOfIssue(issue: z.core.$ZodIssue): Text {
  const km = KHMER_OF.get(issue.message) ?? zodKhmer(issue as unknown as Parameters<typeof zodKhmer>[0]);
  return { en: issue.message, km: typeof km === 'string' ? km : (km?.message ?? issue.message) };
}

/** Parses `input` or throws a ValidationError whose field is the dotted path under `root`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.infer<S> {
  // reportInput: zod's Khmer for a wrong type names what it received, as its English does.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw ValidationError.at([root, ...issue.path.map(String)].join('.'), textOfIssue(issue));
}

/** A key the client makes once per intended change and sends again on every retry of it. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, says(invalid.idempotencyKey));

/** What an id may be: never the key separator `#`, so an id cannot steer a key (store/keys.ts). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An id Krom made (or a demo's stable one). */
export const idSchema = z.string().regex(ID_PATTERN, says(invalid.id));

// Control characters other than tab and newline never belong in names or minutes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text in Khmer or English, stored as given (only refused when blank, too long or binary). */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max, says(invalid.atMostChars(max)))
    .refine((s) => s.trim().length > 0, says(invalid.blank))
    .refine((s) => !CONTROL.test(s), says(invalid.controlCharacters));

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says(invalid.dateFormat))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, says(invalid.notACalendarDate))
  .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', says(invalid.dateBetween));

/** A place code from the gazetteer (2, 4 or 6 digits) or a village code inside a known commune (8). */
export const placeCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{8})$/, says(invalid.placeCodeFormat))
  .refine(isKnownPlaceCode, says(invalid.unknownPlace));

/**
 * A place-code argument of a query: a known province, district or commune — or village, where
 * `villages` — else BAD_USER_INPUT naming `field`.
 */
export function placeArgument(code: string, field: string, options: { villages?: boolean } = {}): string {
  const parsed = placeCodeSchema.safeParse(code);
  if (options.villages && !parsed.success) throw ValidationError.at(field, textOfIssue(parsed.error.issues[0]!));
  if (!parsed.success || (code.length > 6 && !options.villages)) throw ValidationError.at(field, say.notAPlace);
  return parsed.data;
}

/** An amount of money in minor units, as the Money scalar delivers it. */
export const moneySchema = z.union([z.bigint(), z.string()]).transform((v, ctx) => {
  const parsed = typeof v === 'bigint' ? v : parseMinorUnits(v);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: says(invalid.minorUnits) });
    return z.NEVER;
  }
  return parsed;
});

export const positiveMoneySchema = moneySchema.refine((v) => v > 0n, says(invalid.moreThanZero));
export const nonNegativeMoneySchema = moneySchema.refine((v) => v >= 0n, says(invalid.notNegative));

/** Today's date in Cambodia (UTC+7), where every group meets. */
export function cambodiaDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
