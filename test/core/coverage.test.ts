/** Unit tier: suppression, who a sector's deliveries reached, a commune's coverage over 12 months, and the grid. */
import { describe, expect, it } from 'vitest';
import {
  communeCoverage,
  coverageGrid,
  coverageHolder,
  reachOf,
  recordDeliveryInputSchema,
  shownCoverage,
  sumCoverage,
  suppress,
  type Reach,
} from '#core/coverage.ts';

describe('suppress', () => {
  it.each([
    [0, 0, { suppressed: false, value: 0 }],
    [10, 1, { suppressed: true, value: null }],
    [20, 2, { suppressed: true, value: null }],
    [30, 3, { suppressed: false, value: 30 }],
  ])('%i behind %i groups', (value, groups, expected) => expect(suppress(value, groups)).toEqual(expected));
});

describe('reachOf', () => {
  const r = (communeCode: string, groupId: string | null, date = '2026-01-01', members = 0): Reach => ({
    communeCode,
    groupId,
    date,
    members,
    groups: null,
  });

  it('counts whole communes once and groups outside them by their latest reach', () => {
    const { wholeCommunes, directGroups } = reachOf([
      r('170403', null),
      r('170403', null, '2026-02-01'),
      r('170403', 'g1', '2026-03-01', 9),
      r('170404', 'g2', '2026-01-01', 10),
      r('170404', 'g2', '2026-05-01', 12),
      r('170402', 'g3', '2026-04-01', 7),
    ]);
    expect(wholeCommunes).toEqual(['170403']);
    expect([...directGroups.keys()].sort()).toEqual(['g2', 'g3']);
    expect(directGroups.get('g2')!.members).toBe(12);
  });

  it('is empty for no deliveries', () => {
    expect(reachOf([])).toEqual({ wholeCommunes: [], directGroups: new Map() });
  });
});

describe('recordDeliveryInputSchema', () => {
  const base = {
    idempotencyKey: 'k1234567',
    ngoId: 'n',
    serviceId: 's',
    date: '2026-01-01',
    participants: 3,
    women: 1,
  };
  it.each([
    [{ communeCode: '170403' }, true],
    [{ groupIds: ['a', 'b'] }, true],
    [{}, false],
    [{ communeCode: '170403', groupIds: ['a'] }, false],
    [{ groupIds: [] }, false],
    [{ groupIds: ['a', 'a'] }, false],
    [{ groupIds: Array.from({ length: 26 }, (_, i) => `g${i}`) }, false],
  ])('%j → valid %s', (patch, valid) =>
    expect(recordDeliveryInputSchema.safeParse({ ...base, ...patch }).success).toBe(valid),
  );
});

describe('communeCoverage', () => {
  const today = '2026-11-22';
  const noRollup = () => {
    throw new Error('the rollup is read only for a commune reached before its groups were counted');
  };
  const group = (groupId: string, date: string, members: number): Reach => ({
    communeCode: '170404',
    groupId,
    date,
    members,
    groups: null,
  });
  const whole = (date: string, groups: number | null, members: number): Reach => ({
    communeCode: '170404',
    groupId: null,
    date,
    members,
    groups,
  });

  it('counts each group delivered to once, with its members when last reached', () => {
    const c = communeCoverage(
      [group('g1', '2026-03-01', 10), group('g1', '2026-09-01', 12), group('g2', '2026-06-01', 8)],
      today,
      noRollup,
    );
    expect(c).toEqual({ communesReached: 0, groups: 2, members: 20, changesOn: '2027-03-01' });
  });

  it('a commune reached as a whole counts the groups and members it had at its latest such delivery; groups there count once', () => {
    const c = communeCoverage(
      [whole('2026-02-01', 2, 20), whole('2026-08-01', 3, 31), group('g1', '2026-09-01', 99)],
      today,
      noRollup,
    );
    expect(c).toEqual({ communesReached: 1, groups: 3, members: 31, changesOn: '2027-02-01' });
  });

  it('a commune reached before its groups were counted on the reach reads them from its rollup', () => {
    expect(communeCoverage([whole('2026-08-01', null, 0)], today, () => ({ groups: 4, members: 44 }))).toEqual({
      communesReached: 1,
      groups: 4,
      members: 44,
      changesOn: '2027-08-01',
    });
  });

  it('a delivery counts for 12 months: on the day it turns 12 months old, then not after', () => {
    const reaches = [group('g1', '2025-11-22', 10), group('g2', '2026-01-10', 5)];
    expect(communeCoverage(reaches, '2026-11-22', noRollup)).toMatchObject({ groups: 2, changesOn: '2026-11-22' });
    expect(communeCoverage(reaches, '2026-11-23', noRollup)).toEqual({
      communesReached: 0,
      groups: 1,
      members: 5,
      changesOn: '2027-01-10',
    });
    expect(communeCoverage(reaches, '2027-01-11', noRollup)).toEqual({
      communesReached: 0,
      groups: 0,
      members: 0,
      changesOn: null,
    });
  });

  it('a delivery dated after the day counted does not count yet', () => {
    expect(communeCoverage([group('g1', '2026-12-01', 10)], today, noRollup).changesOn).toBeNull();
  });
});

describe('coverage of places above a commune', () => {
  it('adds the communes (or districts) below: a group sits in one commune, so it is never counted twice', () => {
    expect(
      sumCoverage([
        { communesReached: 1, groups: 3, members: 30 },
        { communesReached: 0, groups: 2, members: 17 },
      ]),
    ).toEqual({ communesReached: 1, groups: 5, members: 47 });
    expect(sumCoverage([])).toEqual({ communesReached: 0, groups: 0, members: 0 });
  });

  it('shows groups and members only when 3 groups or more stand behind them', () => {
    expect(shownCoverage({ communesReached: 0, groups: 2, members: 17 })).toEqual({
      communesReached: 0,
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
    expect(shownCoverage({ communesReached: 1, groups: 3, members: 30 })).toMatchObject({
      groupsReached: { suppressed: false, value: 3 },
      membersReached: { suppressed: false, value: 30 },
    });
  });

  it('a district or province is read from its own item, a commune from its district’s', () => {
    expect(coverageHolder('17')).toBe('17');
    expect(coverageHolder('1704')).toBe('1704');
    expect(coverageHolder('170404')).toBe('1704');
  });

  it('the grid: the place per sector, and a row per place below with a cell per sector in the order asked', () => {
    const entries = {
      HEALTH: { '170403': { communesReached: 1, groups: 3, members: 30 } },
      EDUCATION: {
        '170403': { communesReached: 0, groups: 1, members: 9 },
        '170404': { communesReached: 0, groups: 2, members: 20 },
      },
    } as const;
    const none = { communesReached: 0, groups: 0, members: 0 };
    const grid = coverageGrid('1704', ['170403', '170404', '170405'], ['EDUCATION', 'HEALTH', 'LAND'], (s) =>
      s in entries ? entries[s as keyof typeof entries] : {},
    );
    expect(grid.total).toEqual([{ communesReached: 0, groups: 3, members: 29 }, entries.HEALTH['170403'], none]);
    expect(grid.rows).toEqual([
      { code: '170403', cells: [entries.EDUCATION['170403'], entries.HEALTH['170403'], none] },
      { code: '170404', cells: [entries.EDUCATION['170404'], none, none] },
      { code: '170405', cells: [none, none, none] },
    ]);
    const commune = coverageGrid('170404', [], ['EDUCATION'], (s) => (s === 'EDUCATION' ? entries.EDUCATION : {}));
    expect(commune).toEqual({ total: [entries.EDUCATION['170404']], rows: [] });
  });
});
