/** Unit tier: the gazetteer. */
import { describe, expect, it } from 'vitest';
import { allProvinces, ancestry, childrenOf, findPlace, isKnownPlaceCode } from '#core/places.ts';

describe('places', () => {
  it('has all 25 provinces and the capital', () => {
    expect(allProvinces()).toHaveLength(25);
    expect(findPlace('12')).toMatchObject({
      nameEn: 'Phnom Penh',
      nameKm: 'ភ្នំពេញ',
      level: 'PROVINCE',
      type: 'capital',
    });
  });

  it('knows the seed places and their chain', () => {
    expect(ancestry('020901').map((p) => p.nameEn)).toEqual(['Ta Taok', 'Samlout', 'Battambang']);
    expect(findPlace('020902')?.nameKm).toBe('កំពង់ល្ពៅ');
    expect(findPlace('1704')?.nameEn).toBe('Chi Kraeng');
    expect(childrenOf('1213').map((p) => p.code)).toContain('121302');
  });

  it.each([
    ['02', true],
    ['0209', true],
    ['020901', true],
    ['02090105', true], // a village inside Ta Taok
    ['99', false],
    ['020999', false],
    ['99999901', false],
    ['2', false],
    ['abc', false],
  ])('isKnownPlaceCode(%s) = %s', (code, known) => expect(isKnownPlaceCode(code)).toBe(known));
});
