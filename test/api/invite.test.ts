/**
 * Integration tier: inviting a person in one step — her sign-in, her registration and her role.
 * Locally her sign-in is the table itself, so whoever is invited can sign in at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';
import { snapshot } from '../helpers/mutations.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

const OFFICERS = 'query($id: ID!) { group(id: $id) { officers { role userId displayName until } } }';
const VIEWER = '{ viewer { id displayName roles { tenantType tenantId role } } }';

let phoneCount = 0;
/** A new Cambodian mobile number for each invitation, written the local way. */
const newPhone = () => `012 ${String(100000 + ++phoneCount).slice(0, 3)} ${String(phoneCount).padStart(3, '0')}`;

const invite = (token: string, input: Record<string, unknown>) =>
  graphql(env.app, token, M.invitePerson, {
    input: { idempotencyKey: ikey(), displayName: 'សុខា', phone: newPhone(), ...input },
  });

describe('inviting a person', () => {
  it('an administrator invites a bank loan officer, who signs in at once with her role', async () => {
    const phone = newPhone();
    const r = await invite(world.token.admin, {
      phone,
      displayName: 'Sokha',
      tenantType: 'BANK',
      tenantId: world.ids.bank,
      role: 'LOAN_OFFICER',
    });
    expect(r.errors).toBeUndefined();
    const person = r.data!.invitePerson as { id: string; phone: string; roles: unknown[] };
    expect(person.phone).toBe(`+855${phone.replace(/\s/g, '').slice(1)}`);
    expect(person.roles).toEqual([{ tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' }]);

    const viewer = await graphqlOk(env.app, await env.tokenFor(person.id), VIEWER);
    expect(viewer.viewer).toEqual({
      id: person.id,
      displayName: 'Sokha',
      roles: [{ tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' }],
    });
    const history = await graphqlOk(env.app, world.token.admin, M.person, { id: person.id });
    expect(history.person.roleHistory).toMatchObject([{ action: 'ASSIGNED', role: 'LOAN_OFFICER', by: 'admin' }]);
  });

  it('a coordinator invites a group’s treasurer: the office passes to her today and the old treasurer’s rights go', async () => {
    const before = await graphqlOk(env.app, world.token.admin, OFFICERS, { id: world.ids.groupB });
    expect(before.group.officers).toContainEqual(expect.objectContaining({ role: 'TREASURER', userId: 'treasurer-b' }));
    const r = await invite(world.token.coordinatorOther, {
      displayName: 'ស្រី ពៅ',
      tenantType: 'GROUP',
      tenantId: world.ids.groupB,
      role: 'TREASURER',
    });
    expect(r.errors).toBeUndefined();
    const treasurer = r.data!.invitePerson.id as string;
    const after = await graphqlOk(env.app, world.token.admin, OFFICERS, { id: world.ids.groupB });
    expect(after.group.officers).toEqual([{ role: 'TREASURER', userId: treasurer, displayName: 'ស្រី ពៅ', until: null }]);
    const viewer = await graphqlOk(env.app, await env.tokenFor(treasurer), VIEWER);
    expect(viewer.viewer.roles).toEqual([{ tenantType: 'GROUP', tenantId: world.ids.groupB, role: 'TREASURER' }]);
    const old = await graphql(env.app, world.token.treasurerB, OFFICERS, { id: world.ids.groupB });
    expect(old.data).toEqual({ group: null });
  });

  it('a group’s president invites its new treasurer; the old treasurer is no longer one', async () => {
    const r = await invite(world.token.presidentA, {
      displayName: 'ចាន់ ធីតា',
      tenantType: 'GROUP',
      tenantId: world.ids.groupA,
      role: 'TREASURER',
    });
    expect(r.errors).toBeUndefined();
    // She no longer sees even that the group exists.
    const old = await graphql(env.app, world.token.treasurerA, OFFICERS, { id: world.ids.groupA });
    expect(old.data).toEqual({ group: null });
  });

  it('refuses everyone else, and changes nothing', async () => {
    const before = await snapshot(env);
    const cases: [string, string, Record<string, unknown>][] = [
      ['a treasurer', world.token.treasurerB, { tenantType: 'GROUP', tenantId: world.ids.groupB, role: 'SECRETARY' }],
      ['a secretary', world.token.secretaryA, { tenantType: 'GROUP', tenantId: world.ids.groupA, role: 'SECRETARY' }],
      [
        'another federation’s coordinator',
        world.token.coordinatorOther,
        { tenantType: 'GROUP', tenantId: world.ids.groupA, role: 'SECRETARY' },
      ],
      [
        'a president, for a bank',
        world.token.presidentA,
        { tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' },
      ],
      [
        'a coordinator, for her federation',
        world.token.coordinatorTop,
        { tenantType: 'FEDERATION', tenantId: world.ids.topFederation, role: 'COORDINATOR' },
      ],
      [
        'a loan officer',
        world.token.bankOfficer,
        { tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' },
      ],
      ['someone with no role', world.token.nobody, { tenantType: 'NGO', tenantId: world.ids.ngo, role: 'STAFF' }],
    ];
    for (const [who, token, input] of cases) {
      const r = await invite(token, input);
      expect([who, r.errors?.[0]?.extensions?.code]).toEqual([who, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    expect(await snapshot(env)).toBe(before);
  });

  it('one person per phone number, however it is written', async () => {
    const first = await invite(world.token.admin, {
      phone: '097 765 4321',
      tenantType: 'NGO',
      tenantId: world.ids.ngo,
      role: 'STAFF',
    });
    expect(first.errors).toBeUndefined();
    const before = await snapshot(env);
    const again = await invite(world.token.coordinatorTop, {
      phone: '+855 97 765 4321',
      tenantType: 'GROUP',
      tenantId: world.ids.groupA,
      role: 'SECRETARY',
    });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.phone' });
    expect(await snapshot(env)).toBe(before);
  });

  it('bad input is refused with its field and changes nothing', async () => {
    const before = await snapshot(env);
    const bad: [Record<string, unknown>, string][] = [
      [{ phone: '12345', tenantType: 'NGO', tenantId: world.ids.ngo, role: 'STAFF' }, 'input.phone'],
      [{ displayName: ' ', tenantType: 'NGO', tenantId: world.ids.ngo, role: 'STAFF' }, 'input.displayName'],
      [{ tenantType: 'NGO', tenantId: world.ids.ngo, role: 'TREASURER' }, 'input.role'],
      [{ tenantType: 'BANK', tenantId: 'no-such-bank', role: 'LOAN_OFFICER' }, 'input.tenantId'],
      [{ tenantType: 'GROUP', tenantId: 'no-such-group', role: 'SECRETARY' }, 'input.tenantId'],
    ];
    for (const [input, field] of bad) {
      const r = await invite(world.token.admin, input);
      expect([field, r.errors?.[0]?.extensions?.field]).toEqual([field, field]);
    }
    expect(await snapshot(env)).toBe(before);
  });

  it('the same invitation sent twice registers one person', async () => {
    const input = {
      idempotencyKey: ikey(),
      displayName: 'Dara',
      phone: newPhone(),
      tenantType: 'NGO',
      tenantId: world.ids.ngo,
      role: 'STAFF',
    };
    const a = await graphqlOk(env.app, world.token.admin, M.invitePerson, { input });
    const b = await graphqlOk(env.app, world.token.admin, M.invitePerson, { input });
    expect(b).toEqual(a);
  });
});

describe('roles by name', () => {
  it('say where each is held: the group, the federation, the bank, the NGO, Krom', async () => {
    const ROLES = '{ viewer { roles { tenantType tenantName } } }';
    const named = async (token: string) =>
      ((await graphqlOk(env.app, token, ROLES)).viewer.roles as { tenantType: string; tenantName: string }[]).map(
        (r) => [r.tenantType, r.tenantName],
      );
    expect(await named(world.token.presidentA)).toEqual([['GROUP', 'ក្រុមជីក្រែង']]);
    expect(await named(world.token.coordinatorTop)).toEqual([['FEDERATION', expect.any(String)]]);
    expect(await named(world.token.bankOfficer)).toEqual([['BANK', 'Rural Bank']]);
    expect(await named(world.token.ngoStaff)).toEqual([['NGO', 'KCDA']]);
    expect(await named(world.token.admin)).toEqual([['PLATFORM', 'Krom']]);
  });
});
