/** Unit tier: rollup differences, folding, currencies kept apart, and what a reader may see. */
import { describe, expect, it } from 'vitest';
import {
  contribution,
  differences,
  fold,
  rollupPar30,
  rollupTargets,
  rollupView,
  zeroFigures,
  type Figures,
} from '#core/rollups.ts';

const counted = (savings: bigint, targets: string[]) => ({
  figures: { ...zeroFigures(), groups: 1n, members: 10n, women: 9n, KHR_groups: 1n, KHR_savings: savings },
  targets,
});

/** A place of groups, each { currency, savings, federated }, added up as the aggregator would. */
function place(groups: { currency: 'KHR' | 'USD'; savings: bigint; federated?: boolean }[]): Figures {
  const total = fold(
    groups.map((g) =>
      differences(undefined, {
        figures: contribution({
          ...g,
          federated: g.federated ?? false,
          memberCount: 10,
          womenCount: 9,
          loans: [],
          asOf: '2026-11-22',
        }),
        targets: ['P'],
      }),
    ),
  );
  return total.get('P') ?? zeroFigures();
}
const readable = (groups: number, currency: 'KHR' | 'USD' = 'KHR'): Figures => ({
  ...zeroFigures(),
  groups: BigInt(groups),
  [`${currency}_groups`]: BigInt(groups),
});

describe('rollups', () => {
  it('a group counts in its federation chain, its province, district and commune, and each federation’s share of each place', () => {
    expect(rollupTargets(['sub', 'top'], '02090105')).toEqual([
      'FED#sub',
      'FED#top',
      'PLACE#02',
      'PLACE#0209',
      'PLACE#020901',
      'FEDPLACE#sub#02',
      'FEDPLACE#sub#0209',
      'FEDPLACE#sub#020901',
      'FEDPLACE#top#02',
      'FEDPLACE#top#0209',
      'FEDPLACE#top#020901',
    ]);
    expect(rollupTargets([], '020901')).toEqual(['PLACE#02', 'PLACE#0209', 'PLACE#020901']);
  });
  it('counting the same thing again changes nothing', () => {
    const c = counted(100n, ['FED#a', 'PLACE#02']);
    expect(differences(c, c).size).toBe(0);
  });
  it('a new group adds itself; a change adds only the difference', () => {
    expect(differences(undefined, counted(100n, ['FED#a'])).get('FED#a')).toMatchObject({
      groups: 1n,
      KHR_savings: 100n,
    });
    expect(differences(counted(100n, ['FED#a']), counted(250n, ['FED#a'])).get('FED#a')).toEqual({
      ...zeroFigures(),
      KHR_savings: 150n,
    });
  });
  it('a group moving federation leaves the old chain and joins the new', () => {
    const d = differences(counted(100n, ['FED#old', 'PLACE#02']), counted(100n, ['FED#new', 'PLACE#02']));
    expect(d.get('FED#old')).toMatchObject({ groups: -1n, KHR_savings: -100n });
    expect(d.get('FED#new')).toMatchObject({ groups: 1n, KHR_savings: 100n });
    expect(d.has('PLACE#02')).toBe(false);
  });
  it('folds many groups into one change per rollup', () => {
    const f = fold([
      differences(undefined, counted(100n, ['FED#a'])),
      differences(undefined, counted(50n, ['FED#a', 'FED#b'])),
    ]);
    expect(f.get('FED#a')).toMatchObject({ groups: 2n, KHR_savings: 150n });
    expect(f.get('FED#b')).toMatchObject({ groups: 1n, KHR_savings: 50n });
  });
  it('contribution counts loans more than 30 days late as at risk, in the group’s currency', () => {
    const c = contribution({
      currency: 'USD',
      federated: true,
      memberCount: 3,
      womenCount: 3,
      savings: 10n,
      loans: [
        {
          principal: 600n,
          principalPaid: 0n,
          interestPaid: 0n,
          monthlyRateBasisPoints: 0,
          method: 'FLAT',
          termMonths: 6,
          disbursedOn: '2026-01-01',
        },
      ],
      asOf: '2026-03-05',
    });
    expect(c).toMatchObject({
      groups: 1n,
      federatedGroups: 1n,
      USD_groups: 1n,
      USD_loansOutstanding: 600n,
      USD_atRisk30: 600n,
      KHR_loansOutstanding: 0n,
    });
    expect(rollupPar30(c, 'USD')).toBe(10000);
    expect(rollupPar30(c, 'KHR')).toBe(0);
  });
  it('never adds riel and US cents: a USD group saving $50 leaves the riel total alone', () => {
    const view = rollupView(
      place([
        { currency: 'KHR', savings: 1_248_000n },
        { currency: 'KHR', savings: 234_000n },
        { currency: 'KHR', savings: 100n },
        { currency: 'USD', savings: 5000n },
        { currency: 'USD', savings: 1n },
        { currency: 'USD', savings: 2n },
      ]),
      'all',
    );
    expect(view.byCurrency).toEqual([
      {
        currency: 'KHR',
        groups: 3,
        suppressed: false,
        savings: 1_248_100n + 234_000n,
        loansOutstanding: 0n,
        par30BasisPoints: 0,
      },
      { currency: 'USD', groups: 3, suppressed: false, savings: 5003n, loansOutstanding: 0n, par30BasisPoints: 0 },
    ]);
  });
});

describe('what a reader may see of a place', () => {
  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])('%i group(s) she may not read: suppressed %s', (n, suppressed) => {
    const view = rollupView(
      place(Array.from({ length: n }, (_, i) => ({ currency: 'KHR' as const, savings: 1000n * BigInt(i + 1) }))),
      readable(0),
    );
    expect(view.suppressed).toBe(suppressed);
    expect(view.byCurrency[0]!.suppressed).toBe(suppressed);
    expect(view.byCurrency[0]!.savings).toBe(suppressed ? null : 6000n);
    expect(view.women).toBe(suppressed ? null : 9 * n);
    expect(view.groups).toBe(n); // public in the directory
  });

  it('subtraction gives nothing away: 2 groups, one of them hers, shows no money', () => {
    const view = rollupView(
      place([
        { currency: 'KHR', savings: 1000n },
        { currency: 'KHR', savings: 2000n },
      ]),
      readable(1),
    );
    expect(view.byCurrency[0]).toMatchObject({
      suppressed: true,
      savings: null,
      loansOutstanding: null,
      par30BasisPoints: null,
    });
    // 4 groups, one hers: the other 3 stand together.
    expect(
      rollupView(place(Array.from({ length: 4 }, () => ({ currency: 'KHR' as const, savings: 1n }))), readable(1))
        .byCurrency[0]!.suppressed,
    ).toBe(false);
    // Every group hers: nothing to hide.
    expect(
      rollupView(
        place([
          { currency: 'KHR', savings: 1n },
          { currency: 'KHR', savings: 2n },
        ]),
        readable(2),
      ).suppressed,
    ).toBe(false);
  });

  it('each currency stands on its own: 3 riel groups and 1 dollar group hide the dollar group', () => {
    const view = rollupView(
      place([
        ...Array.from({ length: 3 }, () => ({ currency: 'KHR' as const, savings: 10n })),
        { currency: 'USD', savings: 5000n },
      ]),
      readable(0),
    );
    expect(view.suppressed).toBe(false);
    expect(view.byCurrency.map((c) => [c.currency, c.suppressed, c.savings])).toEqual([
      ['KHR', false, 30n],
      ['USD', true, null],
    ]);
  });
});
