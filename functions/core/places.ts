/**
 * Cambodia's administrative places: province (2-digit code) → district (4) → commune (6) →
 * village (8). The gazetteer ships as data (`cambodia-places.data.ts`); villages are not in it, so a
 * village code is checked for shape and for belonging to a known commune.
 */
import { GAZETTEER_JSON } from './cambodia-places.data.ts';

export type PlaceLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'VILLAGE';

export interface Place {
  code: string;
  level: PlaceLevel;
  /** The gazetteer's own type: province, capital, district, municipality, section, commune, quarter. */
  type: string;
  nameKm: string;
  nameEn: string;
  parentCode: string | null;
}

interface RawPlace {
  code: string;
  type: string;
  km: string;
  en: string;
  parent?: string;
}

const LEVEL_BY_LENGTH: Record<number, PlaceLevel> = { 2: 'PROVINCE', 4: 'DISTRICT', 6: 'COMMUNE', 8: 'VILLAGE' };

let index: Map<string, Place> | undefined;

/** Built on first use, not at import: keeps cold start free of work most requests never need. */
function places(): Map<string, Place> {
  if (index) return index;
  index = new Map();
  const raw = JSON.parse(GAZETTEER_JSON) as { provinces: RawPlace[]; districts: RawPlace[]; communes: RawPlace[] };
  for (const p of [...raw.provinces, ...raw.districts, ...raw.communes]) {
    index.set(p.code, {
      code: p.code,
      level: LEVEL_BY_LENGTH[p.code.length]!,
      type: p.type,
      nameKm: p.km,
      nameEn: p.en,
      parentCode: p.parent ?? null,
    });
  }
  return index;
}

/** The province, district or commune with this code, or undefined. */
export function findPlace(code: string): Place | undefined {
  return places().get(code);
}

/** True for a known province, district or commune code, or an 8-digit village code inside a known commune. */
export function isKnownPlaceCode(code: string): boolean {
  if (/^\d{8}$/.test(code)) return places().has(code.slice(0, 6));
  return places().has(code);
}

/** The place and every place above it, nearest first: commune, district, province. */
export function ancestry(code: string): Place[] {
  const chain: Place[] = [];
  let current = findPlace(code.length === 8 ? code.slice(0, 6) : code);
  while (current) {
    chain.push(current);
    current = current.parentCode ? findPlace(current.parentCode) : undefined;
  }
  return chain;
}

/** Places directly below a code (the districts of a province, the communes of a district). */
export function childrenOf(code: string): Place[] {
  return [...places().values()].filter((p) => p.parentCode === code);
}

let provinces: readonly Place[] | undefined;

/** The 25 provinces, found once (the gazetteer never changes while Krom runs). */
export function allProvinces(): readonly Place[] {
  provinces ??= Object.freeze([...places().values()].filter((p) => p.level === 'PROVINCE'));
  return provinces;
}

/** Every commune inside a province, district or commune (itself, for a commune). */
export function allCommunesIn(code: string): Place[] {
  return [...places().values()].filter((p) => p.level === 'COMMUNE' && p.code.startsWith(code));
}
