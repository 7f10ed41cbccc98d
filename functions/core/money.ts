/**
 * Money is exact: integer minor units (whole riel; US cents) held as bigint and carried over the
 * wire as a decimal string, because GraphQL `Int` is 32-bit and federation totals reach billions
 * of riel. No floats anywhere money is computed.
 */
export const CURRENCIES = ['KHR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Digits after the decimal point in everyday use; amounts are stored in these minor units. */
export const MINOR_DIGITS: Record<Currency, number> = { KHR: 0, USD: 2 };

/** Largest magnitude accepted: 10^24 minor units, far above any real total yet well inside
 * DynamoDB's 38-digit numbers, so sums of many amounts cannot overflow storage. */
export const MAX_MONEY = 10n ** 24n;

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** Parses a decimal string of minor units. Returns null when it is not a whole number in range. */
export function parseMinorUnits(text: string): bigint | null {
  if (!INTEGER.test(text)) return null;
  const value = BigInt(text);
  return value > MAX_MONEY || value < -MAX_MONEY ? null : value;
}

/** Normalises a stored amount (DynamoDB returns numbers) to bigint. */
export function toMinorUnits(value: bigint | number | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact amount: ${value}`);
    return BigInt(value);
  }
  const parsed = parseMinorUnits(value);
  if (parsed === null) throw new RangeError(`not an amount: ${value}`);
  return parsed;
}

/** Formats minor units for people: 1248000 KHR → "1,248,000 ៛"; 1250 USD → "$12.50". */
export function formatMoney(amount: bigint, currency: Currency): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  const scale = MINOR_DIGITS[currency];
  const whole = scale === 0 ? digits : digits.slice(0, -scale) || '0';
  const fraction = scale === 0 ? '' : `.${digits.slice(-scale).padStart(scale, '0')}`;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative ? '-' : '';
  return currency === 'KHR' ? `${sign}${grouped}${fraction} ៛` : `${sign}$${grouped}${fraction}`;
}
