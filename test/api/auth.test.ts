/** Integration tier: authentication at the HTTP edge. Only /health (and the schema, in dev) is open. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#api/app.ts';
import { generateLocalKeyPair, localVerifier, signLocalToken, LOCAL_AUDIENCE, LOCAL_ISSUER } from '#auth/tokens.ts';
import { SignJWT, importJWK } from 'jose';
import { graphql } from '../../dev/graphql-client.ts';
import { integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, type World } from '../helpers/world.ts';
import { meterCapacity } from '#store/metering.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

const QUERY = `query($id: ID!) { group(id: $id) { id name } }`;

describe('authentication', () => {
  it('/health answers without a token', async () => {
    const r = await env.app.request('/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok' });
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });

  it('a request without a token gets UNAUTHENTICATED (401) and no data', async () => {
    const r = await graphql(env.app, null, QUERY, { id: world.ids.groupA });
    expect(r.status).toBe(401);
    expect(r.data ?? null).toBeNull();
    expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['a token signed by another key', 'OTHER_KEY'],
    ['an expired token', 'EXPIRED'],
    ['a token for another audience', 'WRONG_AUDIENCE'],
    ['an unsigned token', 'NONE_ALG'],
  ])('%s is refused with UNAUTHENTICATED and no data', async (_label, kind) => {
    let token = kind;
    if (kind === 'OTHER_KEY')
      token = await signLocalToken((await generateLocalKeyPair()).privateJwk, 'treasurer-a', 3600);
    if (kind === 'EXPIRED')
      token = await signLocalToken(env.key.privateJwk, 'treasurer-a', 60, new Date(Date.now() - 3600_000));
    if (kind === 'WRONG_AUDIENCE') {
      token = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('treasurer-a')
        .setIssuer(LOCAL_ISSUER)
        .setAudience('someone-else')
        .setExpirationTime('1h')
        .sign(await importJWK(env.key.privateJwk, 'ES256'));
    }
    if (kind === 'NONE_ALG') {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      token = `${b64({ alg: 'none' })}.${b64({ sub: 'treasurer-a', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: 4102444800 })}.`;
    }
    const r = await graphql(env.app, token, QUERY, { id: world.ids.groupA });
    expect(r.status).toBe(401);
    expect(r.data ?? null).toBeNull();
    expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a malformed Authorization header is refused', async () => {
    const response = await env.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${world.token.treasurerA}` },
      body: JSON.stringify({ query: QUERY, variables: { id: world.ids.groupA } }),
    });
    expect(response.status).toBe(401);
  });

  it('a valid token of a person unknown to Krom holds no role and sees nothing', async () => {
    const t = await env.tokenFor('stranger');
    const r = await graphql(env.app, t, QUERY, { id: world.ids.groupA });
    expect(r.data!.group).toBeNull();
    expect((await graphql(env.app, t, '{ viewer { id roles { role } } }')).data!.viewer).toEqual({
      id: 'stranger',
      roles: [],
    });
  });

  it('in dev the schema can be read without a token, but nothing else', async () => {
    const intro = await graphql(env.app, null, '{ __schema { queryType { name } } }');
    expect(intro.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const sneaky = await graphql(env.app, null, `{ __typename group(id: "${world.ids.groupA}") { name } }`);
    expect(sneaky.status).toBe(401);
    const viaFragment = await graphql(
      env.app,
      null,
      `query { ...F } fragment F on Query { group(id: "${world.ids.groupA}") { name } }`,
    );
    expect(viaFragment.status).toBe(401);
  });

  it('outside dev even the schema needs a token, and GraphiQL is off', async () => {
    const prod = createApp({ db: env.db, verifier: localVerifier(env.key.publicJwk), dev: false });
    const intro = await graphql(prod, null, '{ __schema { queryType { name } } }');
    expect(intro.status).toBe(401);
    const page = await prod.request('/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    const devPage = await env.app.request('/graphql', { headers: { accept: 'text/html' } });
    expect(await devPage.text()).toContain('graphiql');
  });

  it('GraphiQL in dev carries its own code and asks no other host for anything (it works offline)', async () => {
    const html = await (await env.app.request('/graphql', { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('<title>Krom — GraphiQL</title>');
    // Its code is inline: the page defines YogaGraphiQL itself, then renders it.
    expect(html).toMatch(/YogaGraphiQL\.renderYogaGraphiQL\(/);
    expect(html.length).toBeGreaterThan(1_000_000);
    // Nothing is loaded from elsewhere: no script, stylesheet, icon or font by URL.
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    const loads = [...markup.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']([^"']+)["']/gi)].map(
      (m) => m[3]!,
    );
    expect(loads.filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
  });

  it('public reference data needs a valid token but no roles read; anything else reads the roles', async () => {
    const meter = meterCapacity(env.db);
    try {
      const places = await graphql(
        env.app,
        world.token.treasurerA,
        '{ provinces { code } place(code: "17") { nameEn } }',
      );
      expect(places.errors).toBeUndefined();
      expect(meter.requests).toBe(0);
      expect((await graphql(env.app, null, '{ provinces { code } }')).errors![0]!.extensions!.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await graphql(env.app, 'not-a-jwt', '{ provinces { code } }')).errors![0]!.extensions!.code).toBe(
        'UNAUTHENTICATED',
      );
      // A public field beside a guarded one: the roles are read, and the rule applies.
      const mixed = await graphql(env.app, world.token.treasurerA, '{ provinces { code } viewer { roles { role } } }');
      expect(mixed.data!.viewer.roles.length).toBeGreaterThan(0);
      expect(meter.byCommand.QueryCommand).toBe(1);
    } finally {
      meter.stop();
    }
  });
});
