/**
 * Integration tier: every mutation, sent twice with the same idempotency key, gives the same answer
 * and writes once (the table holds exactly the items the first call wrote, plus nothing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { L } from '../helpers/bank-loans.ts';
import { C } from '../helpers/coverage.ts';
import { B, constitution } from '../helpers/books.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  await graphqlOk(env.app, world.token.treasurerA, B.setConstitution, { input: constitution(world.ids.groupA, ikey(), { effectiveFrom: '2020-01-07' }) });
});

/** Every item in the table, as a fingerprint that changes with any write. */
async function snapshot(): Promise<string> {
  const out = await env.db.doc.send(new ScanCommand({ TableName: env.table, ConsistentRead: true }));
  return JSON.stringify((out.Items ?? []).map((i) => JSON.stringify(i)).sort());
}

type Case = [name: string, token: () => string, document: string, input: () => Promise<Record<string, unknown>> | Record<string, unknown>];

async function pending(): Promise<string> {
  const r = await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
    input: { idempotencyKey: ikey(), groupId: world.ids.groupA, purpose: 'LOAN_ASSESSMENT', scopes: ['SAVINGS_SUMMARY'], dataRange: { from: '2020-01-01', to: '2027-01-01' }, durationMonths: 3 },
  });
  return r.requestAccess.id;
}
async function active(): Promise<string> {
  const r = await graphqlOk(env.app, world.token.treasurerA, A.approve, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, requestId: await pending() } });
  return r.approveAccessRequest.id;
}

async function asked(): Promise<string> {
  const r = await graphqlOk(env.app, world.token.treasurerA, L.apply, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, bankId: world.ids.bank, amount: '1000', termMonths: 2, purpose: 'x' } });
  return r.applyForBankLoan.id;
}

const cases: Case[] = [
  ['createUser', () => world.token.admin, M.createUser, () => ({ userId: `u-${ikey()}`, displayName: 'ស្រី' })],
  ['assignRole', () => world.token.admin, M.assignRole, () => ({ userId: 'nobody', tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' })],
  ['createFederation', () => world.token.admin, M.createFederation, () => ({ name: 'Cluster', placeCode: '1704', parentId: world.ids.topFederation })],
  [
    'createGroup',
    () => world.token.coordinatorTop,
    M.createGroup,
    () => ({ name: 'G', placeCode: '170405', currency: 'KHR', meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' }, formedOn: '2021-01-01', federationId: world.ids.subFederation }),
  ],
  ['addMember', () => world.token.treasurerA, M.addMember, () => ({ groupId: world.ids.groupA, name: 'ពៅ', sex: 'FEMALE', joinedOn: '2021-03-02' })],
  ['createBank', () => world.token.admin, M.createBank, () => ({ name: 'Bank' })],
  ['createNgo', () => world.token.admin, M.createNgo, () => ({ name: 'NGO' })],
  ['setConstitution', () => world.token.treasurerA, B.setConstitution, () => ({ ...constitution(world.ids.groupA, 'x'), effectiveFrom: '2022-01-04', idempotencyKey: undefined })],
  ['appointOfficer', () => world.token.admin, M.appointOfficer, () => ({ groupId: world.ids.groupB, userId: 'nobody', role: 'SECRETARY', from: '2021-05-05' })],
  [
    'recordEntries',
    () => world.token.treasurerA,
    B.recordEntries,
    () => ({ groupId: world.ids.groupA, date: '2023-01-03', entries: [{ id: 's', kind: 'SAVING', amount: '10000', memberId: world.ids.memberA }] }),
  ],
  [
    'recordMeeting',
    () => world.token.treasurerA,
    B.recordMeeting,
    async () => {
      const members = (await graphqlOk(env.app, world.token.treasurerA, 'query($id: ID!) { group(id: $id) { members(first: 100) { nodes { id joinedOn leftOn } } } }', { id: world.ids.groupA }))
        .group.members.nodes;
      return {
        groupId: world.ids.groupA,
        date: '2023-02-07',
        attendance: members.filter((m: any) => m.joinedOn <= '2023-02-07' && !m.leftOn).map((m: any) => ({ memberId: m.id, status: 'PRESENT' })),
        minutes: [{ agendaItem: 'ការសន្សំ', discussed: true, decision: 'បាទ' }],
        entries: [{ id: 's', kind: 'SAVING', amount: '2000', memberId: world.ids.memberA }],
      };
    },
  ],
  [
    'reverseEntry',
    () => world.token.treasurerA,
    B.reverseEntry,
    async () => {
      const posted = await graphqlOk(env.app, world.token.treasurerA, B.recordEntries, {
        input: { idempotencyKey: ikey(), groupId: world.ids.groupA, date: '2023-03-01', entries: [{ id: 'oops', kind: 'OTHER_INCOME', amount: '500' }] },
      });
      return { groupId: world.ids.groupA, entryRef: posted.recordEntries.entries[0].ref, date: '2023-03-01', reason: 'typo' };
    },
  ],
  [
    'recordMemberLeft',
    () => world.token.treasurerA,
    'mutation($input: RecordMemberLeftInput!) { recordMemberLeft(input: $input) { id leftOn } }',
    async () => {
      const added = await graphqlOk(env.app, world.token.treasurerA, M.addMember, {
        input: { idempotencyKey: ikey(), groupId: world.ids.groupA, name: 'ចេញ', sex: 'FEMALE', joinedOn: '2021-01-05' },
      });
      return { groupId: world.ids.groupA, memberId: added.addMember.id, leftOn: '2023-04-04' };
    },
  ],
  [
    'requestAccess',
    () => world.token.bankOfficer,
    A.requestAccess,
    () => ({ groupId: world.ids.groupB, purpose: 'LOAN_MONITORING', scopes: ['LOAN_BOOK_QUALITY'], dataRange: { from: '2024-01-01', to: '2025-01-01' }, durationMonths: 2 }),
  ],
  ['approveAccessRequest', () => world.token.treasurerA, A.approve, async () => ({ groupId: world.ids.groupA, requestId: await pending() })],
  ['rejectAccessRequest', () => world.token.treasurerA, A.reject, async () => ({ groupId: world.ids.groupA, requestId: await pending(), reason: 'no' })],
  ['pauseGrant', () => world.token.treasurerA, A.pause, async () => ({ groupId: world.ids.groupA, grantId: await active(), reason: 'wait' })],
  [
    'resumeGrant',
    () => world.token.treasurerA,
    A.resume,
    async () => {
      const grantId = await active();
      await graphqlOk(env.app, world.token.treasurerA, A.pause, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, grantId, reason: 'wait' } });
      return { groupId: world.ids.groupA, grantId, reason: 'go' };
    },
  ],
  ['applyForBankLoan', () => world.token.treasurerA, L.apply, () => ({ groupId: world.ids.groupA, bankId: world.ids.bank, amount: '1000', termMonths: 2, purpose: 'x' })],
  ['decideBankLoan', () => world.token.bankOfficer, L.decide, async () => ({ groupId: world.ids.groupA, bankLoanId: await asked(), approve: true, reasons: 'ok', monthlyInterestBasisPoints: 100 })],
  [
    'disburseBankLoan',
    () => world.token.bankOfficer,
    L.disburse,
    async () => {
      const bankLoanId = await asked();
      await graphqlOk(env.app, world.token.bankOfficer, L.decide, { input: { idempotencyKey: ikey(), groupId: world.ids.groupA, bankLoanId, approve: true, reasons: 'ok', monthlyInterestBasisPoints: 100 } });
      return { groupId: world.ids.groupA, bankLoanId, date: '2023-05-02' };
    },
  ],
  [
    'moveGroupToFederation',
    () => world.token.admin,
    'mutation($input: MoveGroupInput!) { moveGroupToFederation(input: $input) { id federationId } }',
    () => ({ groupId: world.ids.groupB, federationId: world.ids.topFederation, from: '2024-02-06' }),
  ],
  [
    'moveFederation',
    () => world.token.admin,
    'mutation($input: MoveFederationInput!) { moveFederation(input: $input) { id parent { id } parentHistory { federationId from until } } }',
    async () => {
      const federationId = (await graphqlOk(env.app, world.token.admin, M.createFederation, { input: { idempotencyKey: ikey(), name: 'Movable', placeCode: '17', parentId: world.ids.topFederation } })).createFederation.id;
      return { federationId, parentId: world.ids.otherFederation, from: '2026-11-22' };
    },
  ],
  ['setNgoSectors', () => world.token.ngoStaff, C.sectors, () => ({ ngoId: world.ids.ngo, sectors: ['GENDER', 'HEALTH'] })],
  ['registerService', () => world.token.ngoStaff, C.service, () => ({ ngoId: world.ids.ngo, name: 'Training', sector: 'GENDER' })],
  [
    'recordDelivery',
    () => world.token.ngoStaff,
    C.deliver,
    async () => {
      const serviceId = (await graphqlOk(env.app, world.token.ngoStaff, C.service, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'T', sector: 'GENDER' } })).registerService.id;
      return { ngoId: world.ids.ngo, serviceId, date: '2026-01-05', communeCode: '170402', participants: 20, women: 18 };
    },
  ],
  [
    'recordDelivery',
    () => world.token.ngoStaff,
    C.deliver,
    async () => {
      const serviceId = (await graphqlOk(env.app, world.token.ngoStaff, C.service, { input: { idempotencyKey: ikey(), ngoId: world.ids.ngo, name: 'T', sector: 'GENDER' } })).registerService.id;
      return { ngoId: world.ids.ngo, serviceId, date: '2026-01-05', groupIds: [world.ids.groupA, world.ids.groupB], participants: 20, women: 18 };
    },
  ],
  ['revokeGrant', () => world.token.treasurerA, A.revoke, async () => ({ groupId: world.ids.groupA, grantId: await active(), reason: 'done' })],
];

describe(`every mutation is idempotent (${new Set(cases.map((c) => c[0])).size + 1} mutations, ${cases.length + 1} cases)`, () => {
  it('the cases cover every mutation in the schema', async () => {
    const r = await graphqlOk(env.app, world.token.admin, '{ __schema { mutationType { fields { name } } } }');
    const inSchema = r.__schema.mutationType.fields.map((f: any) => f.name).sort();
    expect([...new Set([...cases.map((c) => c[0]), 'syncMeetings'])].sort()).toEqual(inSchema);
  });

  it.each(cases)('%s: the same key gives the same answer and writes once', async (_name, token, document, build) => {
    const input = { ...(await build()), idempotencyKey: ikey() };
    const first = await graphql(env.app, token(), document, { input });
    expect(first.errors).toBeUndefined();
    const afterFirst = await snapshot();
    const second = await graphql(env.app, token(), document, { input });
    expect(second).toEqual(first);
    expect(await snapshot()).toBe(afterFirst);
  });

  it('syncMeetings: a replayed batch writes nothing and answers the same', async () => {
    const members = (await graphqlOk(env.app, world.token.treasurerB, 'query($id: ID!) { group(id: $id) { members { nodes { id } } } }', { id: world.ids.groupB })).group.members.nodes;
    const meeting = (date: string) => ({
      idempotencyKey: ikey(),
      groupId: world.ids.groupB,
      date,
      attendance: members.map((m: any) => ({ memberId: m.id, status: 'PRESENT' })),
      minutes: [],
      entries: [{ id: 's', kind: 'SAVING', amount: '1000', memberId: world.ids.memberB }],
    });
    const input = { meetings: [meeting('2023-05-02'), meeting('2023-06-06')] };
    const first = await graphqlOk(env.app, world.token.treasurerB, B.syncMeetings, { input });
    const afterFirst = await snapshot();
    expect(await graphqlOk(env.app, world.token.treasurerB, B.syncMeetings, { input })).toEqual(first);
    expect(await snapshot()).toBe(afterFirst);
  });
});
