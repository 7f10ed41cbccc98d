/**
 * How dark a coverage cell is shaded, so the places a sector reaches most stand out at a glance.
 * A cell resting on fewer than 3 groups is never shaded by its hidden number — it would give the
 * number away — but as its own lightest level; a place not reached is not shaded at all. The
 * others are shaded in thirds of the most groups reached in the table. The number (or "fewer
 * than 3") is always written in the cell: the shade only repeats it. Pure: test/web/heat.test.ts.
 */
export interface Count {
  suppressed: boolean;
  value?: number | null;
}

/** 0 not reached · 1 fewer than 3 · 2, 3, 4 by thirds of the most in the table. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export function heatLevel(count: Count, most: number): HeatLevel {
  if (count.suppressed) return 1;
  const value = count.value ?? 0;
  if (value <= 0 || most <= 0) return 0;
  const third = Math.ceil((value * 3) / most);
  return (1 + Math.min(3, Math.max(1, third))) as HeatLevel;
}

/** The most groups a shown (not hidden) cell of the table holds. */
export const mostShown = (counts: Count[]): number =>
  counts.reduce((most, c) => (c.suppressed ? most : Math.max(most, c.value ?? 0)), 0);
