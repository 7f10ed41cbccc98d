/** Unit tier: coverage cells shaded by how many groups they reach, never by a hidden small count. */
import { describe, expect, it } from 'vitest';
import { heatLevel, mostShown } from '../../web/ngo/heat.ts';

describe('heatLevel', () => {
  it('leaves a place not reached unshaded, and gives fewer than 3 its own lightest shade', () => {
    expect(heatLevel({ suppressed: false, value: 0 }, 30)).toBe(0);
    expect(heatLevel({ suppressed: false, value: null }, 30)).toBe(0);
    expect(heatLevel({ suppressed: true, value: null }, 30)).toBe(1);
  });

  it('shades the rest by thirds of the most in the table', () => {
    expect([3, 10, 11, 20, 21, 30].map((value) => heatLevel({ suppressed: false, value }, 30))).toEqual([
      2, 2, 3, 3, 4, 4,
    ]);
    expect(heatLevel({ suppressed: false, value: 5 }, 5)).toBe(4);
  });

  it('the most is taken from shown cells only: a hidden count cannot darken the others', () => {
    const counts = [
      { suppressed: false, value: 4 },
      { suppressed: true, value: null },
      { suppressed: false, value: 12 },
    ];
    expect(mostShown(counts)).toBe(12);
    expect(counts.map((c) => heatLevel(c, mostShown(counts)))).toEqual([2, 1, 4]);
    expect(mostShown([])).toBe(0);
  });
});
