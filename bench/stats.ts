/** Small statistics and the figures file every benchmark writes into. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target as text ("≤ 0.7", "≥ 0.8"), or null for a figure that is reported, not judged. */
  target: string | null;
  met: boolean | null;
  /** How it was measured, for RESULTS.md. */
  how: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A figure judged against "at most `limit`". */
export const atMost = (name: string, value: number, unit: string, limit: number, how: string): Figure => ({
  name,
  value: round(value, 3),
  unit,
  target: `≤ ${limit}`,
  met: value <= limit,
  how,
});
/** A figure judged against "at least `limit`". */
export const atLeast = (name: string, value: number, unit: string, limit: number, how: string): Figure => ({
  name,
  value: round(value, 3),
  unit,
  target: `≥ ${limit}`,
  met: value >= limit,
  how,
});
/** A figure reported without a target. */
export const reported = (name: string, value: number, unit: string, how: string): Figure => ({
  name,
  value: round(value, 3),
  unit,
  target: null,
  met: null,
  how,
});
