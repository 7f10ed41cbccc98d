/** Unit tier: keys read back to what they name, for the code that meets raw keys (the stream aggregator). */
import { describe, expect, it } from 'vitest';
import { keys, parseKey } from '#store/keys.ts';

describe('parseKey', () => {
  it('names the items whose changes move rollups, from the same builders that wrote them', () => {
    const g = keys.group('g-1');
    const b = keys.books('g-1');
    const f = keys.federation('f-1');
    expect(parseKey(g.pk, g.sk)).toEqual({ item: 'group', groupId: 'g-1' });
    expect(parseKey(b.pk, b.sk)).toEqual({ item: 'books', groupId: 'g-1' });
    expect(parseKey(f.pk, f.sk)).toEqual({ item: 'federation', federationId: 'f-1' });
  });

  it('names the commune and sector of a delivery’s reach, whole commune or one group, whose coverage to recount', () => {
    for (const groupId of [null, 'g-1']) {
      const r = keys.deliveryReach('HEALTH', '170403', '2026-07-01', 'd-1', groupId);
      expect(parseKey(r.pk, r.sk)).toEqual({ item: 'reach', sector: 'HEALTH', communeCode: '170403' });
    }
  });

  it('anything else is other: a group’s member, journal or rollup record, a rollup, a person, no key', () => {
    for (const k of [
      keys.member('g', 'm'),
      keys.journal('g', '2026-01-01', 'M-2026-01-01'),
      keys.rollupSource('g'),
      keys.rollup('FED#f'),
      keys.user('u'),
      keys.coverage('1704', 'HEALTH'),
      keys.service('n', 's'),
    ]) {
      expect(parseKey(k.pk, k.sk)).toEqual({ item: 'other' });
    }
    expect(parseKey(undefined, undefined)).toEqual({ item: 'other' });
    expect(parseKey('GROUP#', 'GROUP')).toEqual({ item: 'other' });
  });
});
