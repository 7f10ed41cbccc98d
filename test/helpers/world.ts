/**
 * A small world built through the API: two federations (one nested under the other), a third
 * unrelated federation, groups in each, their officers, coordinators, a bank officer, NGO staff, an
 * administrator and a person with no role. Tests use it to prove who can and cannot do what.
 */
import { PLATFORM_ID } from '#core/roles.ts';
import { transactWrite } from '#store/db.ts';
import { putRoleWrite, putUserWrite } from '#store/users.ts';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { ikey, type IntegrationEnv } from './integration.ts';

export const M = {
  createUser: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id displayName } }',
  assignRole: 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { tenantType tenantId role } }',
  revokeRole: 'mutation($input: RevokeRoleInput!) { revokeRole(input: $input) { tenantType tenantId role } }',
  person:
    'query($id: ID!) { person(id: $id) { id displayName roles { tenantType tenantId role } roleHistory { action tenantType tenantId role by at reason } } }',
  invitePerson:
    'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id displayName phone roles { tenantType tenantId role } } }',
  appointOfficer: 'mutation($input: AppointOfficerInput!) { appointOfficer(input: $input) { role userId from until } }',
  createFederation:
    'mutation($input: CreateFederationInput!) { createFederation(input: $input) { id name parent { id } } }',
  createGroup:
    'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id name placeCode currency formedOn memberCount federationId meetingSchedule { frequency weekday weekOfMonth description } } }',
  addMember: 'mutation($input: AddMemberInput!) { addMember(input: $input) { id name sex phone joinedOn leftOn } }',
  correctMember:
    'mutation($input: CorrectMemberInput!) { correctMember(input: $input) { id name sex phone corrections { number changes { field was now } } } }',
  createBank: 'mutation($input: CreateOrganisationInput!) { createBank(input: $input) { id name } }',
  createNgo: 'mutation($input: CreateOrganisationInput!) { createNgo(input: $input) { id name } }',
};

export async function buildWorld(env: IntegrationEnv) {
  const now = env.clock.now();
  await transactWrite(env.db, [
    putUserWrite(env.db, { id: 'admin', displayName: 'Admin', createdAt: now.toISOString() }).write,
    putRoleWrite(env.db, 'admin', { tenantType: 'PLATFORM', tenantId: PLATFORM_ID, role: 'ADMIN' }, now).write,
  ]);
  const token = {
    admin: await env.tokenFor('admin'),
    coordinatorTop: await env.tokenFor('coord-top'),
    coordinatorSub: await env.tokenFor('coord-sub'),
    coordinatorOther: await env.tokenFor('coord-other'),
    treasurerA: await env.tokenFor('treasurer-a'),
    presidentA: await env.tokenFor('president-a'),
    secretaryA: await env.tokenFor('secretary-a'),
    treasurerB: await env.tokenFor('treasurer-b'),
    bankOfficer: await env.tokenFor('bank-officer'),
    ngoStaff: await env.tokenFor('ngo-staff'),
    nobody: await env.tokenFor('nobody'),
  };
  const as = (t: string, query: string, input: Record<string, unknown>) => graphqlOk(env.app, t, query, { input });
  for (const id of [
    'coord-top',
    'coord-sub',
    'coord-other',
    'treasurer-a',
    'president-a',
    'secretary-a',
    'treasurer-b',
    'bank-officer',
    'ngo-staff',
    'nobody',
  ]) {
    await as(token.admin, M.createUser, { idempotencyKey: ikey(), userId: id, displayName: id });
  }
  const fed = async (name: string, placeCode: string, parentId?: string) =>
    (await as(token.admin, M.createFederation, { idempotencyKey: ikey(), name, placeCode, parentId })).createFederation
      .id as string;
  const topFederation = await fed('Siem Reap Federation', '17');
  const subFederation = await fed('Chi Kraeng Cluster', '1704', topFederation);
  const otherFederation = await fed('Samlout Federation', '0209');
  const assign = (userId: string, tenantType: string, tenantId: string, role: string) =>
    as(token.admin, M.assignRole, { idempotencyKey: ikey(), userId, tenantType, tenantId, role });
  await assign('coord-top', 'FEDERATION', topFederation, 'COORDINATOR');
  await assign('coord-sub', 'FEDERATION', subFederation, 'COORDINATOR');
  await assign('coord-other', 'FEDERATION', otherFederation, 'COORDINATOR');

  const group = async (name: string, placeCode: string, federationId: string | null) =>
    (
      await as(token.admin, M.createGroup, {
        idempotencyKey: ikey(),
        name,
        placeCode,
        currency: 'KHR',
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'TUESDAY', weekOfMonth: 1 },
        formedOn: '2020-01-07',
        federationId,
      })
    ).createGroup.id as string;
  const groupA = await group('ក្រុមជីក្រែង', '170402', subFederation);
  const groupB = await group('ក្រុមតាតោក', '020901', otherFederation);
  const appoint = (userId: string, groupId: string, role: string) =>
    as(token.admin, M.appointOfficer, { idempotencyKey: ikey(), groupId, userId, role, from: '2020-01-07' });
  for (const [user, role] of [
    ['treasurer-a', 'TREASURER'],
    ['president-a', 'PRESIDENT'],
    ['secretary-a', 'SECRETARY'],
  ] as const) {
    await appoint(user, groupA, role);
  }
  await appoint('treasurer-b', groupB, 'TREASURER');
  const bank = (await as(token.admin, M.createBank, { idempotencyKey: ikey(), name: 'Rural Bank' })).createBank
    .id as string;
  const ngo = (await as(token.admin, M.createNgo, { idempotencyKey: ikey(), name: 'KCDA' })).createNgo.id as string;
  await assign('bank-officer', 'BANK', bank, 'LOAN_OFFICER');
  await assign('ngo-staff', 'NGO', ngo, 'STAFF');

  const member = async (t: string, groupId: string, name: string, sex: string) =>
    (
      await as(t, M.addMember, {
        idempotencyKey: ikey(),
        groupId,
        name,
        sex,
        joinedOn: '2020-02-04',
        phone: '+855 12 345 678',
      })
    ).addMember.id as string;
  const memberA = await member(token.treasurerA, groupA, 'សុខ ស្រីមុំ', 'FEMALE');
  await member(token.treasurerA, groupA, 'ចាន់ សុភា', 'FEMALE');
  const memberB = await member(token.treasurerB, groupB, 'កែវ ធីតា', 'FEMALE');

  return {
    token,
    ids: { topFederation, subFederation, otherFederation, groupA, groupB, bank, ngo, memberA, memberB },
    as,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
