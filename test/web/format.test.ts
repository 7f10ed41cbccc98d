/** Unit tier: rates and shares as the app writes them, one way on every screen. */
import { describe, expect, it } from 'vitest';
import { percent } from '../../web/format.ts';

describe('percent', () => {
  it.each([
    [150, '1.5%'],
    [500, '5%'],
    [125, '1.25%'],
    [1234, '12.34%'],
    [0, '0%'],
    [10_000, '100%'],
  ])('%i basis points → %s', (bp, shown) => expect(percent(bp)).toBe(shown));
});
