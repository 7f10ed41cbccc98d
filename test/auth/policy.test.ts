/** Unit tier: the policy, as a table of who may do what. Anything not listed as allowed is denied. */
import { describe, expect, it } from 'vitest';
import { expectKhmerAsSpecific } from '../helpers/khmer.ts';
import { decide, type Permission, type Viewer } from '#auth/policy.ts';

const viewers: Record<string, Viewer> = {
  admin: { userId: 'a', roles: [{ tenantType: 'PLATFORM', tenantId: 'platform', role: 'ADMIN' }] },
  coordTop: { userId: 'c1', roles: [{ tenantType: 'FEDERATION', tenantId: 'F-top', role: 'COORDINATOR' }] },
  coordSub: { userId: 'c2', roles: [{ tenantType: 'FEDERATION', tenantId: 'F-sub', role: 'COORDINATOR' }] },
  treasurerA: { userId: 't', roles: [{ tenantType: 'GROUP', tenantId: 'A', role: 'TREASURER' }] },
  secretaryA: { userId: 's', roles: [{ tenantType: 'GROUP', tenantId: 'A', role: 'SECRETARY' }] },
  presidentA: { userId: 'p', roles: [{ tenantType: 'GROUP', tenantId: 'A', role: 'PRESIDENT' }] },
  treasurerB: { userId: 'tb', roles: [{ tenantType: 'GROUP', tenantId: 'B', role: 'TREASURER' }] },
  bank: { userId: 'b', roles: [{ tenantType: 'BANK', tenantId: 'K', role: 'LOAN_OFFICER' }] },
  ngo: { userId: 'n', roles: [{ tenantType: 'NGO', tenantId: 'N', role: 'STAFF' }] },
  nobody: { userId: 'x', roles: [] },
};

const groupA = { groupId: 'A', federationIds: ['F-sub', 'F-top'] };
const permissions: Record<string, Permission> = {
  administer: { action: 'platform.administer' },
  createFederation: { action: 'federation.create', parent: null },
  readSubFederation: { action: 'federation.read', federation: { federationIds: ['F-sub', 'F-top'] } },
  readTopFederation: { action: 'federation.read', federation: { federationIds: ['F-top'] } },
  createGroupInSub: { action: 'group.create', federation: { federationIds: ['F-sub', 'F-top'] } },
  createGroupNoFederation: { action: 'group.create', federation: null },
  readProfileA: { action: 'group.readProfile', group: groupA },
  readMembersA: { action: 'group.readMembers', group: groupA },
  writeMembersA: { action: 'group.writeMembers', group: groupA },
  correctRecordsA: { action: 'group.correctRecords', group: groupA },
  directory: { action: 'group.browseDirectory' },
  appointOfficerA: { action: 'group.appointOfficers', group: groupA },
  readOfficersA: { action: 'group.readOfficers', group: groupA },
  readBooksA: { action: 'group.readBooks', group: groupA },
  writeBooksA: { action: 'group.writeBooks', group: groupA },
  assignBankRole: { action: 'role.assign', tenantType: 'BANK', tenantId: 'K' },
  readOrganisations: { action: 'organisation.read' },
  requestAccessForK: { action: 'access.request', bankId: 'K' },
  decideAccessA: { action: 'access.decide', group: groupA },
  readGroupSideA: { action: 'access.readGroupSide', group: groupA },
  readBankSideK: { action: 'access.readBankSide', bankId: 'K' },
  moveAWithinTop: {
    action: 'group.move',
    from: { federationIds: ['F-sub', 'F-top'] },
    to: { federationIds: ['F-top'] },
  },
  moveAOutOfTop: {
    action: 'group.move',
    from: { federationIds: ['F-sub', 'F-top'] },
    to: { federationIds: ['F-elsewhere'] },
  },
  moveSubToTop: {
    action: 'federation.move',
    federation: { federationIds: ['F-sub', 'F-top'] },
    from: { federationIds: ['F-top'] },
    to: null,
  },
  moveTopUnderElsewhere: {
    action: 'federation.move',
    federation: { federationIds: ['F-top'] },
    from: null,
    to: { federationIds: ['F-elsewhere'] },
  },
  moveLoneUnderTop: {
    action: 'federation.move',
    federation: { federationIds: ['F-lone'] },
    from: null,
    to: { federationIds: ['F-top'] },
  },
  moveSubUnderElsewhere: {
    action: 'federation.move',
    federation: { federationIds: ['F-sub', 'F-top'] },
    from: { federationIds: ['F-top'] },
    to: { federationIds: ['F-elsewhere'] },
  },
  manageNgoN: { action: 'ngo.manage', ngoId: 'N' },
  readCoverage: { action: 'coverage.read' },
  readPlaceRollup: { action: 'rollup.readPlace' },
  applyBankLoanA: { action: 'bankLoan.apply', group: groupA },
  decideBankLoanK: { action: 'bankLoan.decide', bankId: 'K' },
  bankReadNoGrant: {
    action: 'bank.readGroup',
    group: groupA,
    grant: undefined,
    scopes: ['SAVINGS_SUMMARY'],
    range: { from: '2025-01-01', to: '2025-12-31' },
    now: new Date('2026-01-01T00:00:00Z'),
  },
  bankReadUnderKGrant: {
    action: 'bank.readGroup',
    group: groupA,
    grant: {
      id: 'g',
      requestId: 'r',
      groupId: 'A',
      bankId: 'K',
      purpose: 'LOAN_ASSESSMENT',
      scopes: ['SAVINGS_SUMMARY'],
      dataRange: { from: '2025-01-01', to: '2026-12-31' },
      validFrom: '2025-12-01T00:00:00Z',
      validUntil: '2026-06-01T00:00:00Z',
      state: 'ACTIVE',
      approvedBy: 't',
      history: [],
    },
    scopes: ['SAVINGS_SUMMARY'],
    range: { from: '2025-01-01', to: '2025-12-31' },
    now: new Date('2026-01-01T00:00:00Z'),
  },
};

/** The whole truth of the policy for these viewers: [permission, who is allowed]. */
const allowedTable: Record<string, string[]> = {
  administer: ['admin'],
  createFederation: ['admin'],
  readSubFederation: ['admin', 'coordTop', 'coordSub'],
  readTopFederation: ['admin', 'coordTop'],
  createGroupInSub: ['admin', 'coordTop', 'coordSub'],
  createGroupNoFederation: ['admin'],
  readProfileA: ['admin', 'coordTop', 'coordSub', 'treasurerA', 'secretaryA', 'presidentA', 'bank', 'ngo'],
  readMembersA: ['treasurerA', 'secretaryA', 'presidentA'],
  writeMembersA: ['treasurerA', 'secretaryA', 'presidentA'],
  correctRecordsA: ['treasurerA', 'secretaryA'],
  directory: ['admin', 'coordTop', 'coordSub', 'bank', 'ngo'],
  appointOfficerA: ['admin', 'coordTop', 'coordSub', 'presidentA'],
  readOfficersA: ['admin', 'coordTop', 'coordSub', 'treasurerA', 'secretaryA', 'presidentA'],
  readBooksA: ['treasurerA', 'secretaryA', 'presidentA'],
  writeBooksA: ['treasurerA', 'secretaryA', 'presidentA'],
  assignBankRole: ['admin'],
  readOrganisations: [
    'admin',
    'coordTop',
    'coordSub',
    'treasurerA',
    'secretaryA',
    'presidentA',
    'treasurerB',
    'bank',
    'ngo',
  ],
  requestAccessForK: ['bank'],
  decideAccessA: ['treasurerA'],
  readGroupSideA: ['treasurerA', 'secretaryA', 'presidentA'],
  readBankSideK: ['bank'],
  moveAWithinTop: ['admin', 'coordTop'],
  moveAOutOfTop: ['admin'],
  moveSubToTop: ['admin', 'coordTop'],
  // coordTop speaks for F-top joining, but F-elsewhere has not agreed.
  moveTopUnderElsewhere: ['admin'],
  // F-lone's coordinators have not agreed to join F-top.
  moveLoneUnderTop: ['admin'],
  // coordSub coordinates the federation moved, not the parent it leaves.
  moveSubUnderElsewhere: ['admin'],
  manageNgoN: ['admin', 'ngo'],
  readCoverage: ['admin', 'coordTop', 'coordSub', 'ngo'],
  readPlaceRollup: ['admin', 'coordTop', 'coordSub'],
  applyBankLoanA: ['treasurerA'],
  decideBankLoanK: ['bank'],
  bankReadNoGrant: [],
  bankReadUnderKGrant: ['bank'],
};

const cases = Object.entries(permissions).flatMap(([p, permission]) =>
  Object.entries(viewers).map(([v, viewer]) => ({ p, v, permission, viewer, expected: allowedTable[p]!.includes(v) })),
);

describe(`policy matrix (${cases.length} cases)`, () => {
  it.each(cases)('$v → $p: allowed=$expected', ({ viewer, permission, expected }) => {
    const decision = decide(viewer, permission);
    expect(decision.allowed).toBe(expected);
    if (!decision.allowed) expectKhmerAsSpecific(decision.reason.en, decision.reason.km);
  });
});
