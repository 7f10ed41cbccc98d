/**
 * Integration tier: inviting a person as in AWS — her identity made in a Cognito user pool
 * (cognito-local, an emulator of Cognito's API) with her phone number as username, her
 * registration and role in DynamoDB Local. What the emulator cannot show (the SMS itself, the
 * managed login) is not tested here.
 */
import { AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoIdentities } from '#auth/identities.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { startCognitoLocal, type CognitoLocal } from '../helpers/cognito-local.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { snapshot } from '../helpers/mutations.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let cognito: CognitoLocal;
let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  cognito = await startCognitoLocal();
  const identities = cognitoIdentities({ userPoolId: cognito.userPoolId, endpoint: cognito.endpoint, region: 'local' });
  env = await integrationEnv({ identities });
  world = await buildWorld(env);
});
afterAll(() => cognito?.stop());

const usersInPool = async () =>
  (await cognito.client.send(new ListUsersCommand({ UserPoolId: cognito.userPoolId }))).Users ?? [];
const attributesOf = async (username: string) => {
  const user = await cognito.client.send(
    new AdminGetUserCommand({ UserPoolId: cognito.userPoolId, Username: username }),
  );
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
};

const VIEWER = '{ viewer { id displayName roles { tenantType tenantId role } } }';

describe('inviting a person into a Cognito user pool', () => {
  it('creates her Cognito user, phone as username, and registers her under its subject with her role', async () => {
    const r = await graphql(env.app, world.token.admin, M.invitePerson, {
      input: {
        idempotencyKey: ikey(),
        displayName: 'សុខា',
        phone: '012 345 678',
        tenantType: 'BANK',
        tenantId: world.ids.bank,
        role: 'LOAN_OFFICER',
      },
    });
    expect(r.errors).toBeUndefined();
    const person = r.data!.invitePerson as { id: string; phone: string };
    expect(person.phone).toBe('+85512345678');

    const attributes = await attributesOf('+85512345678');
    expect(attributes).toMatchObject({ sub: person.id, phone_number: '+85512345678', name: 'សុខា' });
    // Cognito's token carries that subject; Krom knows her by it at once.
    const viewer = await graphqlOk(env.app, await env.tokenFor(person.id), VIEWER);
    expect(viewer.viewer).toEqual({
      id: person.id,
      displayName: 'សុខា',
      roles: [{ tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' }],
    });
  });

  it('a coordinator invites a group’s secretary through the pool', async () => {
    const r = await graphqlOk(env.app, world.token.coordinatorTop, M.invitePerson, {
      input: {
        idempotencyKey: ikey(),
        displayName: 'ចាន់ ធីតា',
        phone: '+855 97 111 2222',
        tenantType: 'GROUP',
        tenantId: world.ids.groupA,
        role: 'SECRETARY',
      },
    });
    expect((await attributesOf('+855971112222')).sub).toBe(r.invitePerson.id);
  });

  it('the same invitation sent twice makes one Cognito user', async () => {
    const input = {
      idempotencyKey: ikey(),
      displayName: 'Dara',
      phone: '011 222 333',
      tenantType: 'NGO',
      tenantId: world.ids.ngo,
      role: 'STAFF',
    };
    const before = (await usersInPool()).length;
    const a = await graphqlOk(env.app, world.token.admin, M.invitePerson, { input });
    const b = await graphqlOk(env.app, world.token.admin, M.invitePerson, { input });
    expect(b).toEqual(a);
    expect((await usersInPool()).length).toBe(before + 1);
  });

  it('asked again for someone already in the pool, the adapter answers her subject and makes no second user', async () => {
    // An earlier invitation whose registration in Krom failed left her in the pool.
    const identities = cognitoIdentities({
      userPoolId: cognito.userPoolId,
      endpoint: cognito.endpoint,
      region: 'local',
    });
    const first = await identities.invite({ phone: '+85516555444', displayName: 'Bopha' });
    const before = (await usersInPool()).length;
    const again = await identities.invite({ phone: '+85516555444', displayName: 'Bopha' });
    expect(again).toBe(first);
    expect((await usersInPool()).length).toBe(before);
  });

  it('a refused invitation creates no Cognito user and changes nothing', async () => {
    const users = (await usersInPool()).length;
    const before = await snapshot(env);
    const refused: [string, Record<string, unknown>][] = [
      [world.token.treasurerA, { tenantType: 'BANK', tenantId: world.ids.bank, role: 'LOAN_OFFICER' }],
      [world.token.coordinatorOther, { tenantType: 'GROUP', tenantId: world.ids.groupA, role: 'TREASURER' }],
      // Her number is taken: refused before Cognito is asked.
      [world.token.admin, { tenantType: 'NGO', tenantId: world.ids.ngo, role: 'STAFF', phone: '012 345 678' }],
    ];
    for (const [token, input] of refused) {
      const r = await graphql(env.app, token, M.invitePerson, {
        input: { idempotencyKey: ikey(), displayName: 'X', phone: '010 999 888', ...input },
      });
      expect(r.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND|CONFLICT)$/);
    }
    expect(await snapshot(env)).toBe(before);
    expect((await usersInPool()).length).toBe(users);
  });
});
