/** Integration tier (DynamoDB Local): federations, groups and members end to end, with the policy. */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;

beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

const GROUP_WITH_MEMBERS = `query($id: ID!) { group(id: $id) { id name memberCount members { nodes { id name phone } } } }`;
const GROUP_PUBLIC = `query($id: ID!) { group(id: $id) { id name memberCount ageInMonths place { code nameEn nameKm } } }`;

describe('group officers', () => {
  it('read their own group and its members, in Khmer as written', async () => {
    const r = await graphql(env.app, world.token.treasurerA, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(r.errors).toBeUndefined();
    expect(r.data!.group.name).toBe('ក្រុមជីក្រែង');
    expect(r.data!.group.memberCount).toBe(2);
    expect(r.data!.group.members.nodes.map((m: any) => m.name).sort()).toEqual(['ចាន់ សុភា', 'សុខ ស្រីមុំ'].sort());
  });

  it('every officer role of the group reads members', async () => {
    for (const t of [world.token.presidentA, world.token.secretaryA]) {
      const r = await graphql(env.app, t, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
      expect(r.data!.group.members.nodes).toHaveLength(2);
    }
  });

  it('an officer of group A cannot see group B at all: null, as for an unknown id', async () => {
    const r = await graphql(env.app, world.token.treasurerA, GROUP_WITH_MEMBERS, { id: world.ids.groupB });
    expect(r.errors).toBeUndefined();
    expect(r.data!.group).toBeNull();
    const unknown = await graphql(env.app, world.token.treasurerA, GROUP_WITH_MEMBERS, { id: 'no-such-group' });
    expect(unknown.data!.group).toBeNull();
  });

  it('an officer of group A cannot add a member to group B, and nothing is written', async () => {
    const r = await graphql(env.app, world.token.treasurerA, M.addMember, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupB, name: 'x', sex: 'FEMALE', joinedOn: '2021-01-01' },
    });
    expect(r.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(r.errors![0]!.extensions!.field).toBe('input.groupId');
    const b = await graphql(env.app, world.token.treasurerB, GROUP_WITH_MEMBERS, { id: world.ids.groupB });
    expect(b.data!.group.memberCount).toBe(1);
    expect(b.data!.group.members.nodes).toHaveLength(1);
  });

  it('myGroups lists exactly the groups the viewer is an officer of', async () => {
    const r = await graphql(env.app, world.token.treasurerB, '{ myGroups { id } }');
    expect(r.data!.myGroups).toEqual([{ id: world.ids.groupB }]);
  });
});

describe('bank officers', () => {
  it('see public facts of a group but no member names', async () => {
    const r = await graphql(env.app, world.token.bankOfficer, GROUP_PUBLIC, { id: world.ids.groupA });
    expect(r.errors).toBeUndefined();
    expect(r.data!.group).toMatchObject({
      name: 'ក្រុមជីក្រែង',
      memberCount: 2,
      place: { code: '170402', nameEn: 'Chi Kraeng' },
    });
    const members = await graphql(env.app, world.token.bankOfficer, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(members.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(members.errors![0]!.path).toEqual(['group', 'members']);
    expect(JSON.stringify(members)).not.toContain('ស្រីមុំ');
  });

  it('browse the directory by province, district, commune, with paging', async () => {
    const province = await graphql(
      env.app,
      world.token.bankOfficer,
      '{ groupDirectory(placeCode: "17") { nodes { id name } pageInfo { hasNextPage } } }',
    );
    expect(province.data!.groupDirectory.nodes.map((g: any) => g.id)).toEqual([world.ids.groupA]);
    const commune = await graphql(
      env.app,
      world.token.bankOfficer,
      '{ groupDirectory(placeCode: "020901") { nodes { id } } }',
    );
    expect(commune.data!.groupDirectory.nodes.map((g: any) => g.id)).toEqual([world.ids.groupB]);
    const empty = await graphql(
      env.app,
      world.token.bankOfficer,
      '{ groupDirectory(placeCode: "1207") { nodes { id } } }',
    );
    expect(empty.data!.groupDirectory.nodes).toEqual([]);
  });

  it('cannot add members to a group they can see: FORBIDDEN', async () => {
    const r = await graphql(env.app, world.token.bankOfficer, M.addMember, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, name: 'x', sex: 'FEMALE', joinedOn: '2021-01-01' },
    });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('NGO staff and people without a role', () => {
  it('someone without a role cannot see a group or the directory', async () => {
    const t = world.token.nobody;
    expect((await graphql(env.app, t, GROUP_PUBLIC, { id: world.ids.groupA })).data!.group).toBeNull();
    const dir = await graphql(env.app, t, '{ groupDirectory(placeCode: "17") { nodes { id } } }');
    expect(dir.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('NGO staff find groups in the directory (to record deliveries to them) but never their members', async () => {
    const t = world.token.ngoStaff;
    expect((await graphql(env.app, t, GROUP_PUBLIC, { id: world.ids.groupA })).data!.group).toMatchObject({
      id: world.ids.groupA,
    });
    const dir = await graphqlOk(env.app, t, '{ groupDirectory(placeCode: "17") { nodes { id } } }');
    expect(dir.groupDirectory.nodes.map((n: any) => n.id)).toContain(world.ids.groupA);
    const members = await graphql(env.app, t, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(members.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('federation coordinators', () => {
  const FEDERATION = `query($id: ID!) { federation(id: $id) { id name parent { id } children { nodes { id } } groups { nodes { id name memberCount } } } }`;

  it('see their federation, its child federations and its groups, but no member names', async () => {
    const top = await graphql(env.app, world.token.coordinatorTop, FEDERATION, { id: world.ids.topFederation });
    expect(top.data!.federation.children.nodes).toEqual([{ id: world.ids.subFederation }]);
    const sub = await graphql(env.app, world.token.coordinatorTop, FEDERATION, { id: world.ids.subFederation });
    expect(sub.data!.federation.groups.nodes).toEqual([{ id: world.ids.groupA, name: 'ក្រុមជីក្រែង', memberCount: 2 }]);
    const members = await graphql(env.app, world.token.coordinatorTop, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(members.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('a coordinator below does not see the federation above, nor its parent link', async () => {
    const up = await graphql(env.app, world.token.coordinatorSub, FEDERATION, { id: world.ids.topFederation });
    expect(up.data!.federation).toBeNull();
    const own = await graphql(env.app, world.token.coordinatorSub, FEDERATION, { id: world.ids.subFederation });
    expect(own.data!.federation.parent).toBeNull();
  });

  it('a coordinator cannot read a federation outside their own, nor its groups', async () => {
    const r = await graphql(env.app, world.token.coordinatorOther, FEDERATION, { id: world.ids.topFederation });
    expect(r.data!.federation).toBeNull();
    const g = await graphql(env.app, world.token.coordinatorOther, GROUP_PUBLIC, { id: world.ids.groupA });
    expect(g.data!.group).toBeNull();
  });

  it('onboard groups into their own federations only', async () => {
    const input = (federationId: string) => ({
      idempotencyKey: ikey(),
      name: 'New group',
      placeCode: '170404',
      currency: 'KHR',
      meetingSchedule: { frequency: 'WEEKLY', weekday: 'FRIDAY' },
      formedOn: '2024-03-01',
      federationId,
    });
    const ok = await graphql(env.app, world.token.coordinatorTop, M.createGroup, {
      input: input(world.ids.subFederation),
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createGroup).toMatchObject({
      memberCount: 0,
      meetingSchedule: { frequency: 'WEEKLY', weekOfMonth: null, description: 'every Friday' },
    });
    const denied = await graphql(env.app, world.token.coordinatorSub, M.createGroup, {
      input: input(world.ids.otherFederation),
    });
    expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const officer = await graphql(env.app, world.token.treasurerA, M.createGroup, {
      input: input(world.ids.subFederation),
    });
    expect(officer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('administration', () => {
  it('only administrators create federations, banks, NGOs and users', async () => {
    for (const t of [
      world.token.coordinatorTop,
      world.token.treasurerA,
      world.token.bankOfficer,
      world.token.ngoStaff,
      world.token.nobody,
    ]) {
      const f = await graphql(env.app, t, M.createFederation, {
        input: { idempotencyKey: ikey(), name: 'x', placeCode: '17' },
      });
      expect(f.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const b = await graphql(env.app, t, M.createBank, { input: { idempotencyKey: ikey(), name: 'x' } });
      expect(b.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const u = await graphql(env.app, t, M.createUser, {
        input: { idempotencyKey: ikey(), userId: 'x1', displayName: 'x' },
      });
      expect(u.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('administrators do not read member names: those belong to the group', async () => {
    const profile = await graphql(env.app, world.token.admin, GROUP_PUBLIC, { id: world.ids.groupA });
    expect(profile.data!.group.name).toBe('ក្រុមជីក្រែង');
    const r = await graphql(env.app, world.token.admin, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r)).not.toContain('ស្រីមុំ');
  });

  it('a role change takes effect on the next request', async () => {
    await graphql(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'rotating', displayName: 'R' },
    });
    const t = await env.tokenFor('rotating');
    expect((await graphql(env.app, t, GROUP_WITH_MEMBERS, { id: world.ids.groupB })).data!.group).toBeNull();
    await graphql(env.app, world.token.admin, M.appointOfficer, {
      input: {
        idempotencyKey: ikey(),
        userId: 'rotating',
        groupId: world.ids.groupB,
        role: 'SECRETARY',
        from: '2021-01-01',
      },
    });
    const after = await graphql(env.app, t, GROUP_WITH_MEMBERS, { id: world.ids.groupB });
    expect(after.data!.group.members.nodes).toHaveLength(1);
    const viewer = await graphql(env.app, t, '{ viewer { id displayName roles { tenantType tenantId role } } }');
    expect(viewer.data!.viewer).toEqual({
      id: 'rotating',
      displayName: 'R',
      roles: [{ tenantType: 'GROUP', tenantId: world.ids.groupB, role: 'SECRETARY' }],
    });
  });

  it('a coordinator appoints officers in their own groups only, and assigns no other roles', async () => {
    const own = await graphql(env.app, world.token.coordinatorTop, M.appointOfficer, {
      input: {
        idempotencyKey: ikey(),
        userId: 'nobody',
        groupId: world.ids.groupA,
        role: 'SECRETARY',
        from: '2021-06-01',
      },
    });
    expect(own.errors).toBeUndefined();
    const other = await graphql(env.app, world.token.coordinatorTop, M.appointOfficer, {
      input: {
        idempotencyKey: ikey(),
        userId: 'nobody',
        groupId: world.ids.groupB,
        role: 'SECRETARY',
        from: '2021-06-01',
      },
    });
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const admin = await graphql(env.app, world.token.coordinatorTop, M.assignRole, {
      input: { idempotencyKey: ikey(), userId: 'nobody', tenantType: 'PLATFORM', tenantId: 'platform', role: 'ADMIN' },
    });
    expect(admin.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // Restore group A's secretary for the tests that follow.
    await graphql(env.app, world.token.admin, M.appointOfficer, {
      input: {
        idempotencyKey: ikey(),
        userId: 'secretary-a',
        groupId: world.ids.groupA,
        role: 'SECRETARY',
        from: '2021-07-01',
      },
    });
  });

  it('group offices are not assigned as plain roles', async () => {
    const r = await graphql(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'nobody',
        tenantType: 'GROUP',
        tenantId: world.ids.groupA,
        role: 'TREASURER',
      },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tenantType' });
  });

  it('a role must belong to the kind of tenant', async () => {
    const r = await graphql(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'nobody',
        tenantType: 'BANK',
        tenantId: world.ids.bank,
        role: 'TREASURER',
      },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
  });
});

describe('bad input is refused with the field named, and changes nothing', () => {
  const base = () => ({
    idempotencyKey: ikey(),
    groupId: world.ids.groupA,
    name: 'សុខ',
    sex: 'FEMALE',
    joinedOn: '2021-01-01',
  });
  it.each([
    ['joinedOn before the group was formed', { joinedOn: '2019-12-31' }, 'input.joinedOn'],
    ['joinedOn in the future', { joinedOn: '2027-01-01' }, 'input.joinedOn'],
    ['an impossible date', { joinedOn: '2021-02-30' }, 'input.joinedOn'],
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a name too long', { name: 'ក'.repeat(121) }, 'input.name'],
    ['control characters', { name: 'a\u0000b' }, 'input.name'],
    ['a bad phone', { phone: 'call me' }, 'input.phone'],
    ['a bad idempotency key', { idempotencyKey: 'short' }, 'input.idempotencyKey'],
  ])('%s', async (_label, patch, field) => {
    const before = await graphql(env.app, world.token.treasurerA, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    const r = await graphql(env.app, world.token.treasurerA, M.addMember, { input: { ...base(), ...patch } });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors![0]!.extensions!.messageKm).toBeTruthy();
    const after = await graphql(env.app, world.token.treasurerA, GROUP_WITH_MEMBERS, { id: world.ids.groupA });
    expect(after.data).toEqual(before.data);
  });

  it.each([
    ['an unknown place', { placeCode: '999999' }, 'input.placeCode'],
    ['a province where a commune is needed', { placeCode: '17' }, 'input.placeCode'],
    ['a village outside any commune', { placeCode: '99999901' }, 'input.placeCode'],
    ['an unknown federation', { federationId: 'nope' }, 'input.federationId'],
    [
      'a bad week of month',
      { meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY', weekOfMonth: 5 } },
      'input.meetingSchedule.weekOfMonth',
    ],
  ])('createGroup with %s', async (_label, patch, field) => {
    const r = await graphql(env.app, world.token.admin, M.createGroup, {
      input: {
        idempotencyKey: ikey(),
        name: 'G',
        placeCode: '170402',
        currency: 'KHR',
        meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
        formedOn: '2020-01-01',
        ...patch,
      },
    });
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(r.errors![0]!.extensions!.code);
  });

  it('a GraphQL type error (wrong enum) is a client error, not an internal one', async () => {
    const r = await graphql(env.app, world.token.treasurerA, M.addMember, { input: { ...base(), sex: 'UNKNOWN' } });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sex' });
  });

  it('page size outside 1–100 is refused', async () => {
    for (const first of [0, 101]) {
      const r = await graphql(
        env.app,
        world.token.treasurerA,
        `{ myGroups { members(first: ${first}) { nodes { id } } } }`,
      );
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    // A literal page size also counts towards the query's cost: thousands of rows are refused before they are read.
    const huge = await graphql(
      env.app,
      world.token.treasurerA,
      '{ myGroups { members(first: 5000) { nodes { id name } } } }',
    );
    expect(huge.errors![0]!.extensions!.code).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('a cursor from another list is refused, not followed', async () => {
    const page = await graphql(
      env.app,
      world.token.treasurerB,
      '{ myGroups { members(first: 1) { pageInfo { endCursor } } } }',
    );
    expect(page.data!.myGroups[0].members.pageInfo.endCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify({ pk: `GROUP#${world.ids.groupB}`, sk: 'MEMBER#' })).toString(
      'base64url',
    );
    const r = await graphql(
      env.app,
      world.token.treasurerA,
      `{ myGroups { members(first: 1, after: "${forged}") { nodes { name } } } }`,
    );
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('idempotency', () => {
  it('the same key and request gives the same answer and writes once', async () => {
    const input = {
      idempotencyKey: ikey(),
      groupId: world.ids.groupB,
      name: 'ញឹម ចរិយា',
      sex: 'FEMALE',
      joinedOn: '2022-05-03',
    };
    const first = await graphql(env.app, world.token.treasurerB, M.addMember, { input });
    const second = await graphql(env.app, world.token.treasurerB, M.addMember, { input });
    expect(second.data).toEqual(first.data);
    const g = await graphql(env.app, world.token.treasurerB, GROUP_WITH_MEMBERS, { id: world.ids.groupB });
    expect(g.data!.group.members.nodes.filter((m: any) => m.name === 'ញឹម ចរិយា')).toHaveLength(1);
    expect(g.data!.group.memberCount).toBe(g.data!.group.members.nodes.length);
  });

  it('concurrent retries of one request write once', async () => {
    const input = {
      idempotencyKey: ikey(),
      groupId: world.ids.groupB,
      name: 'ទេព សុគន្ធា',
      sex: 'FEMALE',
      joinedOn: '2022-05-03',
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => graphql(env.app, world.token.treasurerB, M.addMember, { input })),
    );
    const ids = new Set(results.map((r) => r.data!.addMember.id));
    expect(ids.size).toBe(1);
    const g = await graphql(env.app, world.token.treasurerB, GROUP_WITH_MEMBERS, { id: world.ids.groupB });
    expect(g.data!.group.members.nodes.filter((m: any) => m.name === 'ទេព សុគន្ធា')).toHaveLength(1);
    expect(g.data!.group.memberCount).toBe(g.data!.group.members.nodes.length);
  });

  it('the same key with a different request is refused', async () => {
    const key = ikey();
    await graphql(env.app, world.token.treasurerB, M.addMember, {
      input: { idempotencyKey: key, groupId: world.ids.groupB, name: 'A', sex: 'FEMALE', joinedOn: '2022-05-03' },
    });
    const r = await graphql(env.app, world.token.treasurerB, M.addMember, {
      input: { idempotencyKey: key, groupId: world.ids.groupB, name: 'B', sex: 'FEMALE', joinedOn: '2022-05-03' },
    });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' });
  });
});
