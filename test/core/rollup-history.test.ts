/** Unit tier: a rollup's months — kept once at each month's end, carried over months with no change, read as a series. */
import { describe, expect, it } from 'vitest';
import {
  decodeFigures,
  encodeFigures,
  HISTORY_MONTHS,
  monthlySeries,
  monthsToForget,
  shiftMonth,
  zeroFigures,
  type Figures,
} from '#core/rollups.ts';

const with_ = (members: number): Figures => ({ ...zeroFigures(), groups: 1n, members: BigInt(members) });

describe('months', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -60, '2021-03'],
    ['2026-03', 0, '2026-03'],
  ])('%s shifted by %i is %s', (month, n, expected) => expect(shiftMonth(month, n)).toBe(expected));

  it('forgets what falls out of the 60-month window once a month is closed', () => {
    expect(HISTORY_MONTHS).toBe(60);
    expect(monthsToForget(['2021-01', '2021-02', '2021-03', '2025-12'], '2026-02')).toEqual(['2021-01', '2021-02']);
    expect(monthsToForget(['2025-12'], '2026-02')).toEqual([]);
  });
});

describe('kept figures', () => {
  it('read back exactly, billions of riel included', () => {
    const f = { ...with_(12), KHR_savings: 12_345_678_901_234n, USD_loansOutstanding: 99n };
    expect(decodeFigures(encodeFigures(f))).toEqual(f);
  });
});

describe('the series a chart draws', () => {
  const history = {
    current: with_(15),
    month: '2026-04',
    closed: { '2026-01': with_(10), '2026-03': with_(13) },
  };

  it('gives each month its end, carries a month with no change, and this month so far', () => {
    expect(monthlySeries(history, '2026-04', 4).map((m) => [m.month, m.figures?.members])).toEqual([
      ['2026-01', 10n],
      ['2026-02', 10n], // no change in February: January's end
      ['2026-03', 13n],
      ['2026-04', 15n],
    ]);
  });

  it('knows nothing before its history begins', () => {
    expect(monthlySeries(history, '2026-04', 6).map((m) => [m.month, m.figures?.members ?? null])).toEqual([
      ['2025-11', null],
      ['2025-12', null],
      ['2026-01', 10n],
      ['2026-02', 10n],
      ['2026-03', 13n],
      ['2026-04', 15n],
    ]);
  });

  it('months after the last change hold the figures as they are now', () => {
    expect(monthlySeries(history, '2026-07', 3).map((m) => [m.month, m.figures?.members])).toEqual([
      ['2026-05', 15n],
      ['2026-06', 15n],
      ['2026-07', 15n],
    ]);
  });

  it('a rollup never counted has no known month; one counted this month alone has one', () => {
    expect(monthlySeries({ current: zeroFigures(), month: null, closed: {} }, '2026-04', 2)).toEqual([
      { month: '2026-03', figures: null },
      { month: '2026-04', figures: null },
    ]);
    expect(monthlySeries({ current: with_(3), month: '2026-04', closed: {} }, '2026-04', 2)).toEqual([
      { month: '2026-03', figures: null },
      { month: '2026-04', figures: with_(3) },
    ]);
  });
});
