/**
 * Integration tier: an administrator takes a role away. Someone who leaves a bank loses its access
 * on her next request; the change, who made it and why stay in her role history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { backfillListings } from '#store/backfill.ts';
import { keys } from '#store/keys.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';
import { snapshot } from '../helpers/mutations.ts';

let env: IntegrationEnv;
let world: World;
let leaver: string;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  await world.as(world.token.admin, M.createUser, {
    idempotencyKey: ikey(),
    userId: 'leaving-officer',
    displayName: 'Dara',
  });
  await world.as(world.token.admin, M.assignRole, {
    idempotencyKey: ikey(),
    userId: 'leaving-officer',
    tenantType: 'BANK',
    tenantId: world.ids.bank,
    role: 'LOAN_OFFICER',
  });
  leaver = await env.tokenFor('leaving-officer');
});

const revoke = (token: string, extra: Record<string, unknown> = {}) =>
  graphql(env.app, token, M.revokeRole, {
    input: {
      idempotencyKey: ikey(),
      userId: 'leaving-officer',
      tenantType: 'BANK',
      tenantId: world.ids.bank,
      role: 'LOAN_OFFICER',
      reason: 'left the bank in October',
      ...extra,
    },
  });

describe('taking a role away', () => {
  it('only an administrator may, and not from herself; group offices end by appointment instead', async () => {
    for (const t of [
      world.token.coordinatorTop,
      world.token.treasurerA,
      world.token.bankOfficer,
      world.token.ngoStaff,
      world.token.nobody,
      leaver,
    ]) {
      expect((await revoke(t)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const self = await graphql(env.app, world.token.admin, M.revokeRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'admin',
        tenantType: 'PLATFORM',
        tenantId: 'platform',
        role: 'ADMIN',
        reason: 'x',
      },
    });
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.userId' });
    const office = await graphql(env.app, world.token.admin, M.revokeRole, {
      input: {
        idempotencyKey: ikey(),
        userId: 'treasurer-a',
        tenantType: 'GROUP',
        tenantId: world.ids.groupA,
        role: 'TREASURER',
        reason: 'x',
      },
    });
    expect(office.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tenantType' });
    const notHeld = await revoke(world.token.admin, { role: 'STAFF', tenantType: 'NGO', tenantId: world.ids.ngo });
    expect(notHeld.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.role' });
    // She still reads her bank's side.
    expect((await graphql(env.app, leaver, A.bankSide)).errors).toBeUndefined();
  });

  it('nobody who is not registered is given, appointed to or relieved of anything, and nothing is written', async () => {
    // Refusals are remembered under their idempotency keys; nothing else may be written.
    const lasting = async () =>
      (JSON.parse(await snapshot(env)) as string[]).filter((i) => !String(JSON.parse(i).pk).startsWith('IDEM#'));
    const before = await lasting();
    const ghost = { idempotencyKey: ikey(), userId: 'never-registered' };
    const answers = [
      await graphql(env.app, world.token.admin, M.assignRole, {
        input: { ...ghost, tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' },
      }),
      await graphql(env.app, world.token.admin, M.revokeRole, {
        input: {
          ...ghost,
          idempotencyKey: ikey(),
          tenantType: 'BANK',
          tenantId: world.ids.bank,
          role: 'LOAN_OFFICER',
          reason: 'x',
        },
      }),
      await graphql(env.app, world.token.admin, M.appointOfficer, {
        input: { ...ghost, idempotencyKey: ikey(), groupId: world.ids.groupA, role: 'SECRETARY', from: '2024-01-02' },
      }),
    ];
    for (const r of answers)
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.userId' });
    expect(await lasting()).toEqual(before);
  });

  it('takes effect on her next request, and a replay answers the same without a second record', async () => {
    const key = ikey();
    const input = {
      idempotencyKey: key,
      userId: 'leaving-officer',
      tenantType: 'BANK',
      tenantId: world.ids.bank,
      role: 'LOAN_OFFICER',
      reason: 'left the bank in October',
    };
    const first = await graphqlOk(env.app, world.token.admin, M.revokeRole, { input });
    expect(first.revokeRole).toEqual({ tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' });
    expect(await graphqlOk(env.app, world.token.admin, M.revokeRole, { input })).toEqual(first);
    const refused = await graphql(env.app, leaver, A.bankSide);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const requested = await graphql(env.app, leaver, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        bankId: world.ids.bank,
        purpose: 'LOAN_ASSESSMENT',
        scopes: ['SAVINGS_SUMMARY'],
        dataRange: { from: '2025-01-01', to: '2026-01-01' },
        durationMonths: 1,
      },
    });
    expect(requested.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // Taking it again is a conflict, not a second entry.
    expect((await revoke(world.token.admin)).errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('her role history says what changed, who did it, when and why; only administrators read it', async () => {
    const person = (await graphqlOk(env.app, world.token.admin, M.person, { id: 'leaving-officer' })).person;
    expect(person.roles).toEqual([]);
    expect(person.roleHistory).toEqual([
      expect.objectContaining({
        action: 'ASSIGNED',
        tenantType: 'BANK',
        tenantId: world.ids.bank,
        role: 'LOAN_OFFICER',
        by: 'admin',
        reason: null,
      }),
      expect.objectContaining({
        action: 'REVOKED',
        tenantType: 'BANK',
        tenantId: world.ids.bank,
        role: 'LOAN_OFFICER',
        by: 'admin',
        reason: 'left the bank in October',
      }),
    ]);
    expect((await graphqlOk(env.app, world.token.admin, M.person, { id: 'no-such-person' })).person).toBeNull();
    for (const t of [world.token.coordinatorTop, world.token.bankOfficer, leaver]) {
      expect((await graphql(env.app, t, M.person, { id: 'leaving-officer' })).errors![0]!.extensions!.code).toBe(
        'FORBIDDEN',
      );
    }
  });
});

describe('an administrator lists people and federations', () => {
  const PEOPLE =
    'query($after: String) { people(first: 4, after: $after) { nodes { id displayName roles { role } } pageInfo { endCursor hasNextPage } } }';
  const FEDERATIONS =
    'query($p: String, $after: String) { federations(placeCode: $p, first: 2, after: $after) { nodes { id name place { code } } pageInfo { endCursor hasNextPage } } }';
  async function everyPage(doc: string, field: 'people' | 'federations', vars: Record<string, unknown> = {}) {
    const all: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await graphqlOk(env.app, world.token.admin, doc, { ...vars, after }))[field];
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  }

  it('everyone registered, a page at a time, with their roles', async () => {
    const people = await everyPage(PEOPLE, 'people');
    const ids = people.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['admin', 'treasurer-a', 'bank-officer', 'nobody', 'leaving-officer']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(people.find((p) => p.id === 'bank-officer').roles).toEqual([{ role: 'LOAN_OFFICER' }]);
  });

  it('every federation, or those placed in a province, sorted by place', async () => {
    const all = await everyPage(FEDERATIONS, 'federations');
    expect(all.map((f) => f.id).sort()).toEqual(
      [world.ids.topFederation, world.ids.subFederation, world.ids.otherFederation].sort(),
    );
    expect(all.map((f) => f.place.code)).toEqual(['0209', '17', '1704']);
    const siemReap = await everyPage(FEDERATIONS, 'federations', { p: '17' });
    expect(siemReap.map((f) => f.id)).toEqual([world.ids.topFederation, world.ids.subFederation]);
    const bad = await graphql(env.app, world.token.admin, FEDERATIONS, { p: '99' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placeCode' });
  });

  it('nobody else may list them', async () => {
    for (const t of [
      world.token.coordinatorTop,
      world.token.treasurerA,
      world.token.bankOfficer,
      world.token.ngoStaff,
      world.token.nobody,
    ]) {
      for (const doc of [PEOPLE, FEDERATIONS]) {
        const r = await graphql(env.app, t, doc, {});
        expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
        expect(r.data).toBeNull();
      }
    }
  });

  it('people and federations written before the lists existed are listed after the backfill, which can run again', async () => {
    const now = new Date().toISOString();
    await env.db.doc.send(
      new PutCommand({
        TableName: env.table,
        Item: { ...keys.user('old-timer'), entity: 'User', id: 'old-timer', displayName: 'Old', createdAt: now },
      }),
    );
    await env.db.doc.send(
      new PutCommand({
        TableName: env.table,
        Item: {
          ...keys.federation('old-fed'),
          entity: 'Federation',
          id: 'old-fed',
          name: 'Old Federation',
          placeCode: '0209',
          parentId: null,
          createdAt: now,
        },
      }),
    );
    expect((await everyPage(PEOPLE, 'people')).map((p) => p.id)).not.toContain('old-timer');
    expect(await backfillListings(env.db)).toEqual({ people: 1, federations: 1 });
    expect((await everyPage(PEOPLE, 'people')).map((p) => p.id)).toContain('old-timer');
    expect((await everyPage(FEDERATIONS, 'federations', { p: '02' })).map((f) => f.id)).toEqual(
      expect.arrayContaining(['old-fed', world.ids.otherFederation]),
    );
    expect(await backfillListings(env.db)).toEqual({ people: 0, federations: 0 });
  });
});
