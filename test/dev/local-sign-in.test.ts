/** Integration tier: the local sign-in lists registered people with their roles and signs a token for one of them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld } from '../helpers/world.ts';

describe('local sign-in', () => {
  let env: IntegrationEnv;
  beforeAll(async () => {
    env = await integrationEnv();
    await buildWorld(env);
  });

  it('lists everyone registered, with the roles they hold and where', async () => {
    const body = (await (await env.app.request('/local/people')).json()) as {
      people: { id: string; displayName: string; roles: { role: string; tenantName: string }[] }[];
    };
    const treasurer = body.people.find((p) => p.id === 'treasurer-a');
    expect(treasurer?.roles.map((r) => r.role)).toEqual(['TREASURER']);
    expect(body.people.find((p) => p.id === 'admin')?.roles[0]).toMatchObject({
      role: 'ADMIN',
      tenantName: 'Krom platform',
    });
  });

  it('signs a token the API accepts for a person created a moment ago, and none for a stranger', async () => {
    const admin = await env.tokenFor('admin');
    await graphqlOk(env.app, admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { idempotencyKey: ikey(), userId: 'new-person', displayName: 'ស្រី ថ្មី' },
    });
    const signed = await env.app.request('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'new-person' }),
    });
    const { token } = (await signed.json()) as { token: string };
    const viewer = await graphqlOk(env.app, token, '{ viewer { id } }', {});
    expect(viewer.viewer.id).toBe('new-person');

    const stranger = await env.app.request('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'nobody-registered' }),
    });
    expect(stranger.status).toBe(404);
  });
});
