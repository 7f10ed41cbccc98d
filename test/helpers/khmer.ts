/**
 * "The Khmer says as much as the English": every figure, date, field path, code and quoted value
 * the English message names appears in the Khmer too (Khmer digits count as the same figures).
 * Used on every refusal the API sweeps provoke, and on the catalogue itself.
 */
import { expect } from 'vitest';

const KHMER_SCRIPT = /[\u1780-\u17FF]/;
const KHMER_DIGITS = /[\u17E0-\u17E9]/g;

/** What a reader acts on: figures and dates, field paths, CODES, "quoted values". */
export function specifics(english: string): string[] {
  const found = [
    ...english.matchAll(/\d[\d.:%-]*\d|\d/g),
    ...english.matchAll(/\b[a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+\b/g),
    ...english.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{3,}\b/g),
    ...english.matchAll(/"[^"]*"/g),
  ].map((m) => m[0]);
  return [...new Set(found)].filter((s) => !TRANSLATED.has(s));
}

/** Words, not codes: Khmer translates them (NGO is អង្គការមិនមែនរដ្ឋាភិបាល). */
const TRANSLATED = new Set(['NGO']);

const asArabic = (km: string) => km.replace(KHMER_DIGITS, (d) => String(d.charCodeAt(0) - 0x17e0));

export function expectKhmerAsSpecific(en: string, km: unknown, where = en): void {
  expect(typeof km, `${where}: no Khmer message`).toBe('string');
  expect(km as string, `${where}: the Khmer is not in Khmer`).toMatch(KHMER_SCRIPT);
  const khmer = asArabic(km as string);
  const missing = specifics(en).filter((s) => !khmer.includes(s));
  expect(missing, `${where}: the Khmer "${km as string}" leaves out what the English says`).toEqual([]);
}

/** The same check on a GraphQL error as the API answers it. */
export function expectReadableError(e: { message: string; extensions?: Record<string, unknown> }): void {
  expectKhmerAsSpecific(
    e.message,
    e.extensions?.messageKm,
    `${String(e.extensions?.code)}: ${e.message.slice(0, 160)}`,
  );
}
