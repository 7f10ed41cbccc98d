/** Unit tier: rollup differences and folding. */
import { describe, expect, it } from 'vitest';
import { contribution, differences, fold, rollupPar30, rollupTargets, zeroFigures } from '#core/rollups.ts';

const counted = (savings: bigint, targets: string[]) => ({ figures: { ...zeroFigures(), groups: 1n, members: 10n, women: 9n, savings }, targets });

describe('rollups', () => {
  it('a group counts in its federation chain and its province, district and commune', () => {
    expect(rollupTargets(['sub', 'top'], '02090105')).toEqual(['FED#sub', 'FED#top', 'PLACE#02', 'PLACE#0209', 'PLACE#020901']);
  });
  it('counting the same thing again changes nothing', () => {
    const c = counted(100n, ['FED#a', 'PLACE#02']);
    expect(differences(c, c).size).toBe(0);
  });
  it('a new group adds itself; a change adds only the difference', () => {
    expect(differences(undefined, counted(100n, ['FED#a'])).get('FED#a')).toMatchObject({ groups: 1n, savings: 100n });
    expect(differences(counted(100n, ['FED#a']), counted(250n, ['FED#a'])).get('FED#a')).toEqual({ ...zeroFigures(), savings: 150n });
  });
  it('a group moving federation leaves the old chain and joins the new', () => {
    const d = differences(counted(100n, ['FED#old', 'PLACE#02']), counted(100n, ['FED#new', 'PLACE#02']));
    expect(d.get('FED#old')).toMatchObject({ groups: -1n, savings: -100n });
    expect(d.get('FED#new')).toMatchObject({ groups: 1n, savings: 100n });
    expect(d.has('PLACE#02')).toBe(false);
  });
  it('folds many groups into one change per rollup', () => {
    const f = fold([differences(undefined, counted(100n, ['FED#a'])), differences(undefined, counted(50n, ['FED#a', 'FED#b']))]);
    expect(f.get('FED#a')).toMatchObject({ groups: 2n, savings: 150n });
    expect(f.get('FED#b')).toMatchObject({ groups: 1n, savings: 50n });
  });
  it('contribution counts loans more than 30 days late as at risk', () => {
    const c = contribution({
      memberCount: 3,
      womenCount: 3,
      savings: 10n,
      loans: [{ principal: 600n, principalPaid: 0n, interestPaid: 0n, monthlyRateBasisPoints: 0, method: 'FLAT', termMonths: 6, disbursedOn: '2026-01-01' }],
      asOf: '2026-03-05',
    });
    expect(c).toMatchObject({ loansOutstanding: 600n, atRisk30: 600n });
    expect(rollupPar30(c)).toBe(10000);
  });
});
