/** Unit tier: suppression and who a sector's deliveries reached. */
import { describe, expect, it } from 'vitest';
import { coverageFigures, reachOf, recordDeliveryInputSchema, suppress, type Reach } from '#core/coverage.ts';

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

describe('coverageFigures', () => {
  const reach = (communeCode: string, groupId: string | null, members = 0, date = '2026-06-01') => ({
    communeCode,
    date,
    groupId,
    members,
  });
  it('adds whole communes from their counts and groups reached directly once each, suppressed below 3 groups', () => {
    const r = reachOf([
      reach('170403', null),
      reach('170404', 'g1', 12),
      reach('170404', 'g1', 14, '2026-07-01'),
      reach('170403', 'g9', 99),
    ]);
    const figures = coverageFigures(r, [{ groups: 3n, members: 40n }]);
    // g9 sits in a commune reached as a whole: counted there, not again.
    expect(figures).toEqual({
      communesReached: 1,
      groupsReached: { suppressed: false, value: 4 },
      membersReached: { suppressed: false, value: 54 },
    });
    expect(coverageFigures(reachOf([reach('170404', 'g1', 12)]), [])).toEqual({
      communesReached: 0,
      groupsReached: { suppressed: true, value: null },
      membersReached: { suppressed: true, value: null },
    });
  });
});
