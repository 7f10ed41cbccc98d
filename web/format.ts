/**
 * Money and dates as people write them. Money is exact: amounts arrive as decimal strings of
 * minor units and are formatted by core's formatMoney (the API's own rule), never through floats.
 */
import { formatMoney, parseMinorUnits, type Currency } from '#core/money.ts';
import type { Language } from './i18n/messages.ts';

/** A rate or share in basis points as people write it: 150 → "1.5%", 500 → "5%", 1234 → "12.34%". */
export function percent(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`;
}

export function money(amount: string | bigint, currency: Currency): string {
  const value = typeof amount === 'bigint' ? amount : (parseMinorUnits(amount) ?? 0n);
  return formatMoney(value, currency);
}

const MONTHS: Record<Language, string[]> = {
  km: ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "2026-03-03" → "3 មីនា 2026" / "3 March 2026". */
export function date(iso: string, language: Language): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[language][(m ?? 1) - 1]} ${y}`;
}

/** "2026-03" → "មីនា 2026" / "March 2026". */
export function monthName(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[language][(m ?? 1) - 1]} ${y}`;
}

/** Today in Cambodia (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function cambodiaToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * An amount typed by a person, in major units ("5000", "5,000", "12.50" for dollars), as minor
 * units; null when it is not an amount.
 */
export function parseAmount(text: string, currency: Currency): bigint | null {
  const clean = text.replace(/[,\s៛$]/g, '');
  if (clean === '') return 0n;
  const scale = currency === 'USD' ? 2 : 0;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!match || (match[2] && match[2].length > scale)) return null;
  return BigInt(match[1]!) * 10n ** BigInt(scale) + BigInt((match[2] ?? '').padEnd(scale, '0') || '0');
}

/** Minor units as a person types them back (no separators): 500000n KHR → "500000"; 1250n USD → "12.50". */
export function amountText(minor: bigint, currency: Currency): string {
  if (currency === 'KHR') return minor.toString();
  const digits = minor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
