/**
 * The DynamoDB key layout — the only place that knows how keys are spelled. Every item's keys and
 * every access pattern with the key or index that serves it are listed in one table,
 * docs/data-model.md; indexes are declared in table.ts.
 */
import type { TenantType } from '#core/roles.ts';
import { ID_PATTERN } from '#core/validation.ts';

/** Ids embedded in keys never contain the separator; anything else is refused before a key is built. */
export const isId = (value: string): boolean => ID_PATTERN.test(value);

const TENANT_PREFIX: Record<TenantType, string> = {
  PLATFORM: 'PLATFORM',
  FEDERATION: 'FED',
  GROUP: 'GROUP',
  BANK: 'BANK',
  NGO: 'NGO',
};

/** The partition key of a tenant's own item (and of what it owns, for groups). */
export const tenantKey = (type: TenantType, id: string): string =>
  type === 'PLATFORM' ? 'PLATFORM' : `${TENANT_PREFIX[type]}#${id}`;

export const keys = {
  federation: (id: string) => ({ pk: tenantKey('FEDERATION', id), sk: 'FED' }),
  federationChildOf: (parentId: string, id: string) => ({
    gsi1pk: tenantKey('FEDERATION', parentId),
    gsi1sk: `FED#${id}`,
  }),
  /** Every federation in one listing, sorted by place, so an administrator pages through them (or a place's). */
  federationListing: (placeCode: string, id: string) => ({
    gsi2pk: prefixes.federationListing,
    gsi2sk: `${placeCode.padEnd(8, '0')}#${id}`,
  }),
  group: (id: string) => ({ pk: tenantKey('GROUP', id), sk: 'GROUP' }),
  groupInFederation: (federationId: string, groupId: string) => ({
    gsi1pk: tenantKey('FEDERATION', federationId),
    gsi1sk: `GROUP#${groupId}`,
  }),
  /** Directory position: the province partitions; the sort key runs district → commune → village. */
  groupAtPlace: (placeCode: string, groupId: string) => ({
    gsi2pk: `PROV#${placeCode.slice(0, 2)}`,
    gsi2sk: `${placeCode.padEnd(8, '0')}#${groupId}`,
  }),
  /** A group's membership of a federation over time: joined on `from`, left on `until` (if set). */
  federationMembership: (groupId: string, from: string, federationId: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `FEDHIST#${from}#${federationId}`,
  }),
  /** A federation's membership of a parent federation over time (same shape as a group's). */
  parentMembership: (federationId: string, from: string, parentId: string) => ({
    pk: tenantKey('FEDERATION', federationId),
    sk: `FEDHIST#${from}#${parentId}`,
  }),
  member: (groupId: string, memberId: string) => ({ pk: tenantKey('GROUP', groupId), sk: `MEMBER#${memberId}` }),
  organisation: (type: 'BANK' | 'NGO', id: string) => ({ pk: tenantKey(type, id), sk: type }),
  organisationListing: (type: 'BANK' | 'NGO', id: string) => ({
    gsi1pk: prefixes.organisations(type),
    gsi1sk: `${type}#${id}`,
  }),
  books: (groupId: string) => ({ pk: tenantKey('GROUP', groupId), sk: 'BOOKS' }),
  activity: (groupId: string) => ({ pk: tenantKey('GROUP', groupId), sk: 'ACTIVITY' }),
  /** Journals sort by date; a meeting's journal id is fixed per date, so a date holds one meeting. */
  journal: (groupId: string, date: string, journalId: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `JOURNAL#${date}#${journalId}`,
  }),
  loan: (groupId: string, loanId: string) => ({ pk: tenantKey('GROUP', groupId), sk: `LOAN#${loanId}` }),
  constitution: (groupId: string, effectiveFrom: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `CONST#${effectiveFrom}`,
  }),
  officerTerm: (groupId: string, role: string, from: string, sub: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `TERM#${role}#${from}#${sub}`,
  }),
  accessRequest: (groupId: string, id: string) => ({ pk: tenantKey('GROUP', groupId), sk: `ACCESSREQ#${id}` }),
  accessRequestOfBank: (bankId: string, createdAt: string, id: string) => ({
    gsi1pk: tenantKey('BANK', bankId),
    gsi1sk: `ACCESSREQ#${createdAt}#${id}`,
  }),
  grant: (groupId: string, id: string) => ({ pk: tenantKey('GROUP', groupId), sk: `GRANT#${id}` }),
  grantOfBank: (bankId: string, groupId: string, id: string) => ({
    gsi1pk: tenantKey('BANK', bankId),
    gsi1sk: `GRANT#${groupId}#${id}`,
  }),
  bankLoan: (groupId: string, id: string) => ({ pk: tenantKey('GROUP', groupId), sk: `BANKLOAN#${id}` }),
  bankLoanOfBank: (bankId: string, createdAt: string, id: string) => ({
    gsi1pk: tenantKey('BANK', bankId),
    gsi1sk: `BANKLOAN#${createdAt}#${id}`,
  }),
  readLog: (groupId: string, at: string, id: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `READLOG#${at}#${id}`,
  }),
  readLogOfBank: (bankId: string, at: string, id: string) => ({
    gsi1pk: tenantKey('BANK', bankId),
    gsi1sk: `READLOG#${at}#${id}`,
  }),
  /** How many times an officer read a group's bank view on a day (expires after the day). */
  readCount: (groupId: string, day: string, officerId: string) => ({
    pk: tenantKey('GROUP', groupId),
    sk: `READCOUNT#${day}#${officerId}`,
  }),
  /** A rollup: "FED#<id>" or "PLACE#<code>". */
  rollup: (target: string) => ({ pk: `${ROLLUP_KEY_PREFIX}${target}`, sk: 'ROLLUP' }),
  /** A rollup's figures at the end of each of its last 60 closed months, in one item. */
  rollupHistory: (target: string) => ({ pk: `${ROLLUP_KEY_PREFIX}${target}`, sk: 'HISTORY' }),
  /** What the aggregator has counted for a group, and where. */
  rollupSource: (groupId: string) => ({ pk: tenantKey('GROUP', groupId), sk: 'ROLLUPSRC' }),
  service: (ngoId: string, id: string) => ({ pk: tenantKey('NGO', ngoId), sk: `SERVICE#${id}` }),
  /** A delivery as the NGO recorded it, in its partition by date. */
  delivery: (ngoId: string, date: string, id: string) => ({
    pk: tenantKey('NGO', ngoId),
    sk: `DELIVERY#${date}#${id}`,
  }),
  /** Where a delivery reached, by sector, sorted by place then date, so a place's reach is one range. `*` = the whole commune. */
  deliveryReach: (sector: string, communeCode: string, date: string, id: string, groupId: string | null) => ({
    pk: prefixes.sectorReach(sector),
    sk: `${prefixes.reachOfDelivery(communeCode, date, id)}${groupId ?? '*'}`,
  }),
  /**
   * Where a sector reaches below a district (an entry per commune reached) or a province (an entry
   * per district): one small item, so reading coverage never reads deliveries.
   */
  coverage: (placeCode: string, sector: string) => ({
    pk: `${COVERAGE_KEY_PREFIX}${placeCode}`,
    sk: `SECTOR#${sector}`,
  }),
  /** A district's coverage item, listed by the first day one of its counts changes with the calendar (the nightly recount's list). */
  coverageChanging: (changesOn: string, districtCode: string, sector: string) => ({
    gsi1pk: prefixes.coverageChanging,
    gsi1sk: `${changesOn}#${districtCode}#${sector}`,
  }),
  user: (sub: string) => ({ pk: `${USER_KEY_PREFIX}${sub}`, sk: 'PROFILE' }),
  /** A mobile number (E.164) claimed by the person who signs in with it: one person per number. */
  phone: (e164: string) => ({ pk: `PHONE#${e164}`, sk: 'PERSON' }),
  /**
   * Every person in one listing for administrators. One index partition holds them all: people are
   * thousands, written rarely, far inside what one partition serves.
   */
  userListing: (sub: string) => ({ gsi1pk: prefixes.people, gsi1sk: `USER#${sub}` }),
  role: (sub: string, tenantType: TenantType, tenantId: string, role: string) => ({
    pk: `USER#${sub}`,
    sk: `ROLE#${tenantType}#${tenantId}`,
    gsi1pk: tenantKey(tenantType, tenantId),
    gsi1sk: `ROLE#${role}#${sub}`,
  }),
  /** Who gave or took away a person's role, when and why: the audit trail beside her roles, in the order of her role-set versions. */
  roleChange: (sub: string, version: number) => ({
    pk: `USER#${sub}`,
    sk: `ROLECHANGE#${String(version).padStart(10, '0')}`,
  }),
  idempotency: (actor: string, key: string) => ({ pk: `IDEM#${actor}#${key}`, sk: 'IDEM' }),
} as const;

/** What an item is, read back from its keys — for code that meets raw keys (the stream aggregator). */
export type ParsedKey =
  | { item: 'group' | 'books'; groupId: string }
  | { item: 'reach'; sector: string; communeCode: string }
  | { item: 'federation'; federationId: string }
  | { item: 'other' };

export function parseKey(pk: string | undefined, sk: string | undefined): ParsedKey {
  const [prefix, id] = (pk ?? '').split(/#(.*)/s) as [string, string | undefined];
  if (!id || !sk) return { item: 'other' };
  if (prefix === TENANT_PREFIX.GROUP && sk === keys.group(id).sk) return { item: 'group', groupId: id };
  if (prefix === TENANT_PREFIX.GROUP && sk === keys.books(id).sk) return { item: 'books', groupId: id };
  if (prefix === TENANT_PREFIX.FEDERATION && sk === keys.federation(id).sk)
    return { item: 'federation', federationId: id };
  if (pk === prefixes.sectorReach(id) && /^\d{6}#/.test(sk))
    return { item: 'reach', sector: id, communeCode: sk.slice(0, 6) };
  return { item: 'other' };
}

/** Partition-key prefixes the infra scopes write permissions with (IAM dynamodb:LeadingKeys). */
export const GROUP_KEY_PREFIX = `${TENANT_PREFIX.GROUP}#`;
export const ROLLUP_KEY_PREFIX = 'ROLLUP#';
export const FEDERATION_KEY_PREFIX = `${TENANT_PREFIX.FEDERATION}#`;
export const USER_KEY_PREFIX = 'USER#';
export const COVERAGE_KEY_PREFIX = 'COVERAGE#';

/** Prefixes for range queries over the keys above. */
export const prefixes = {
  members: 'MEMBER#',
  federationHistory: 'FEDHIST#',
  journals: 'JOURNAL#',
  loans: 'LOAN#',
  constitutions: 'CONST#',
  officerTerms: 'TERM#',
  accessRequests: 'ACCESSREQ#',
  grants: 'GRANT#',
  readLog: 'READLOG#',
  bankLoans: 'BANKLOAN#',
  services: 'SERVICE#',
  deliveries: 'DELIVERY#',
  sectorReach: (sector: string) => `REACH#${sector}`,
  coverageChanging: 'COVERAGE#CHANGING',
  /** Within a sector's partition: every place one delivery reached in one commune. */
  reachOfDelivery: (communeCode: string, date: string, id: string) => `${communeCode}#${date}#${id}#`,
  /** The byParent partition listing every bank (or every NGO). */
  organisations: (type: 'BANK' | 'NGO') => `ORG#${type}`,
  roles: 'ROLE#',
  people: 'PEOPLE',
  federationListing: 'FEDERATIONS',
  roleChanges: 'ROLECHANGE#',
  groupsOfFederation: 'GROUP#',
  childFederations: 'FED#',
  /** Directory range for a place: its code is a prefix of every position below it. */
  directory: (placeCode: string) => ({ gsi2pk: `PROV#${placeCode.slice(0, 2)}`, gsi2skPrefix: placeCode }),
} as const;
