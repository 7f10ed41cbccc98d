/**
 * Integration tier (DynamoDB Local): "not yours" looks exactly like "not there", and duties stay
 * apart. Each case here was a way to learn what exists, or to read member data one must not, found
 * by trying Krom as each of its users would.
 */
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

const errorOf = (r: { errors?: { message: string; extensions?: Record<string, any> }[] }) => {
  const e = r.errors![0]!;
  return {
    code: e.extensions!.code,
    field: e.extensions!.field,
    message: e.message,
    messageKm: e.extensions!.messageKm,
  };
};

describe('assignRole authorises before it looks the tenant up', () => {
  it.each(['FEDERATION', 'BANK', 'NGO'] as const)(
    'a stranger gets the same answer for a real and an unknown %s',
    async (tenantType) => {
      const real = { FEDERATION: world.ids.topFederation, BANK: world.ids.bank, NGO: world.ids.ngo }[tenantType];
      const role = { FEDERATION: 'COORDINATOR', BANK: 'LOAN_OFFICER', NGO: 'STAFF' }[tenantType];
      for (const token of [
        world.token.coordinatorTop,
        world.token.treasurerA,
        world.token.bankOfficer,
        world.token.nobody,
      ]) {
        const ask = (tenantId: string) =>
          graphql(env.app, token, M.assignRole, {
            input: { idempotencyKey: ikey(), userId: 'nobody', tenantType, tenantId, role },
          });
        const [known, unknown] = [errorOf(await ask(real)), errorOf(await ask('no-such-tenant'))];
        expect(known).toEqual(unknown);
        expect(known.code).toBe('FORBIDDEN');
      }
    },
  );
});

describe('bankView to anyone who is not a bank', () => {
  it('answers a real group and an unknown id alike', async () => {
    const q =
      'query($g: ID!) { bankView(groupId: $g, from: "2026-01-01", to: "2026-11-22") { savingsSummary { totalSavings } } }';
    for (const token of [
      world.token.treasurerA,
      world.token.coordinatorTop,
      world.token.ngoStaff,
      world.token.admin,
      world.token.nobody,
    ]) {
      const real = errorOf(await graphql(env.app, token, q, { g: world.ids.groupB }));
      const unknown = errorOf(await graphql(env.app, token, q, { g: 'no-such-group' }));
      expect(real).toEqual(unknown);
      expect(real.code).toBe('FORBIDDEN');
    }
  });
});

describe('Federation.parentHistory', () => {
  it("does not name to a child federation's coordinator the parent that Federation.parent hides", async () => {
    const q = 'query($id: ID!) { federation(id: $id) { parent { id } parentHistory { federationId from until } } }';
    const sub = (await graphqlOk(env.app, world.token.coordinatorSub, q, { id: world.ids.subFederation })).federation;
    expect(sub.parent).toBeNull();
    expect(sub.parentHistory).toHaveLength(1);
    expect(sub.parentHistory[0].federationId).toBeNull();
    expect(JSON.stringify(sub)).not.toContain(world.ids.topFederation);
    // The parent's own coordinator sees both.
    const top = (await graphqlOk(env.app, world.token.coordinatorTop, q, { id: world.ids.subFederation })).federation;
    expect(top.parent).toEqual({ id: world.ids.topFederation });
    expect(top.parentHistory[0].federationId).toBe(world.ids.topFederation);
  });
});

describe('separation of duties', () => {
  const appoint = (token: string, userId: string, groupId = world.ids.groupA, role = 'SECRETARY') =>
    graphql(env.app, token, M.appointOfficer, {
      input: { idempotencyKey: ikey(), groupId, userId, role, from: '2026-11-01' },
    });
  const membersOf = (token: string, id: string) =>
    graphql(env.app, token, 'query($id: ID!) { group(id: $id) { members { nodes { name phone } } } }', { id });

  it('an administrator cannot make herself a group officer, and so never reads member names', async () => {
    const r = await appoint(world.token.admin, 'admin');
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.userId' });
    expect(errorOf(r).message).toContain('nobody appoints herself');
    const members = await membersOf(world.token.admin, world.ids.groupA);
    expect(JSON.stringify(members)).not.toContain('សុខ ស្រីមុំ');
  });

  it("a coordinator cannot make herself an officer of her own federation's group", async () => {
    const r = await appoint(world.token.coordinatorTop, 'coord-top');
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.userId' });
    expect(JSON.stringify(await membersOf(world.token.coordinatorTop, world.ids.groupA))).not.toContain('សុខ ស្រីមុំ');
  });

  it('nobody appoints a coordinator, bank officer, NGO staff or administrator to a group office, whoever asks', async () => {
    for (const userId of ['coord-top', 'bank-officer', 'ngo-staff', 'admin']) {
      for (const token of [
        userId === 'admin' ? world.token.coordinatorTop : world.token.admin,
        world.token.presidentA,
      ]) {
        const r = await appoint(token, userId);
        expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', field: 'input.userId' });
        expect(errorOf(r).message).toMatch(/hold no platform, federation, bank or NGO role at the same time/);
        expect(errorOf(r).messageKm).toMatch(/មន្ត្រីក្រុមមិនអាចកាន់តួនាទី/);
      }
    }
  });

  it('a group officer is given no platform, federation, bank or NGO role while she holds office', async () => {
    const r = await graphql(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'treasurer-b',
        tenantType: 'BANK',
        tenantId: world.ids.bank,
        role: 'LOAN_OFFICER',
      },
    });
    expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', field: 'input.userId' });
    const roles = await graphqlOk(
      env.app,
      await env.tokenFor('treasurer-b'),
      '{ viewer { roles { tenantType role } } }',
    );
    expect(roles.viewer.roles).toEqual([{ tenantType: 'GROUP', role: 'TREASURER' }]);
  });

  it('an administrator cannot give herself another role either', async () => {
    const r = await graphql(env.app, world.token.admin, M.assignRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'admin',
        tenantType: 'FEDERATION',
        tenantId: world.ids.topFederation,
        role: 'COORDINATOR',
      },
    });
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN', field: 'input.userId' });
  });

  it('two racing changes decided on the same roles cannot both commit', async () => {
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'racer', displayName: 'Racer' },
    });
    const [office, bank] = await Promise.all([
      appoint(world.token.admin, 'racer', world.ids.groupB, 'PRESIDENT'),
      graphql(env.app, world.token.admin, M.assignRole, {
        input: {
          idempotencyKey: ikey(),
          userId: 'racer',
          tenantType: 'BANK',
          tenantId: world.ids.bank,
          role: 'LOAN_OFFICER',
        },
      }),
    ]);
    expect([office.errors, bank.errors].filter(Boolean)).toHaveLength(1);
    const roles = (await graphqlOk(env.app, await env.tokenFor('racer'), '{ viewer { roles { tenantType } } }')).viewer
      .roles;
    expect(roles).toHaveLength(1);
  });

  it('many such races at once: never both (the roles are read after the version they are checked with)', async () => {
    const groups: string[] = [];
    for (let i = 0; i < 6; i++) {
      const g = await graphqlOk(env.app, world.token.admin, M.createGroup, {
        input: {
          idempotencyKey: ikey(),
          name: `Race ${i}`,
          placeCode: '170403',
          currency: 'KHR',
          meetingSchedule: { frequency: 'MONTHLY', weekday: 'MONDAY' },
          formedOn: '2021-01-01',
        },
      });
      groups.push(g.createGroup.id);
    }
    const race = async (i: number) => {
      const userId = `racer-${i}`;
      await graphqlOk(env.app, world.token.admin, M.createUser, {
        input: { idempotencyKey: ikey(), userId, displayName: 'R' },
      });
      const answers = await Promise.all([
        appoint(
          world.token.admin,
          userId,
          groups[i % groups.length],
          ['PRESIDENT', 'TREASURER', 'SECRETARY'][Math.floor(i / 6)],
        ),
        graphql(env.app, world.token.admin, M.assignRole, {
          input: { idempotencyKey: ikey(), userId, tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' },
        }),
      ]);
      return answers.filter((a) => a.errors).length;
    };
    // 18 people, each given an office and a bank role by two requests at once, all at the same time.
    const refused = await Promise.all(Array.from({ length: 18 }, (_, i) => race(i)));
    expect(refused).toEqual(Array(18).fill(1));
  });

  it('an appointment made by someone else stays in the officer history the group sees', async () => {
    await graphqlOk(env.app, world.token.admin, M.createUser, {
      input: { idempotencyKey: ikey(), userId: 'new-secretary', displayName: 'Sreymom' },
    });
    await graphqlOk(env.app, world.token.presidentA, M.appointOfficer, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        userId: 'new-secretary',
        role: 'SECRETARY',
        from: '2026-11-02',
      },
    });
    const history = (
      await graphqlOk(
        env.app,
        world.token.treasurerA,
        'query($id: ID!) { group(id: $id) { officerHistory { role userId from until } } }',
        { id: world.ids.groupA },
      )
    ).group.officerHistory;
    expect(history).toEqual(
      expect.arrayContaining([
        { role: 'SECRETARY', userId: 'new-secretary', from: '2026-11-02', until: null },
        expect.objectContaining({ role: 'SECRETARY', userId: 'secretary-a' }),
      ]),
    );
  });
});
