/**
 * Signing in as in AWS: the production build (Cognito's managed login, no local page), served
 * with its config.json and the security headers, /graphql passed to the running stack. The
 * managed login itself cannot run here, so its three endpoints are answered by this test at the
 * browser's network layer — checking what the app sends: the code flow with a PKCE challenge, a
 * verifier that matches it, the refresh token when the hour-long token runs out, Cognito's
 * logout. The tokens it hands back are the local stack's own, so the API takes them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { expect, test, type Route } from '@playwright/test';
import { Hono } from 'hono';
import { buildWebApp, mountWebApp } from '../../dev/web-app.ts';
import { expectAccessible, screenshot } from './helpers.ts';

const LOGIN = 'https://krom-test.auth.ap-southeast-1.amazoncognito.com';
const AUTHORITY = 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_test';
const CLIENT_ID = 'krom-web-test';
const port = Number(process.env.KROM_E2E_PORT ?? 4310) + 2;
const APP = `http://localhost:${port}`;

let server: ServerType;
// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures from this pattern; none is needed.
test.beforeAll(async ({}, testInfo) => {
  const dist = mkdtempSync(join(tmpdir(), 'krom-web-cognito-'));
  await buildWebApp('production', dist);
  const stack = testInfo.project.use.baseURL!;
  const app = new Hono();
  app.get('/config.json', (c) => c.json({ authority: AUTHORITY, clientId: CLIENT_ID, loginDomain: LOGIN }));
  // What CloudFront's /graphql behaviour does: the request, token and all, to the API.
  app.post('/graphql', async (c) => {
    const answer = await fetch(`${stack}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: c.req.header('authorization') ?? '' },
      body: await c.req.text(),
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
  mountWebApp(app as never, dist);
  server = serve({ fetch: app.fetch, port, hostname: 'localhost' });
});
test.afterAll(() => server?.close());

const base64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
/** An ID token as Cognito's carries her name and phone; the app only reads it. */
const idToken = (sub: string) =>
  [
    base64url(JSON.stringify({ alg: 'none', typ: 'JWT' })),
    base64url(
      JSON.stringify({
        sub,
        iss: AUTHORITY,
        aud: CLIENT_ID,
        name: 'ចាន់ សុភា (treasurer)',
        phone_number: '+85512000001',
        token_use: 'id',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ),
    '',
  ].join('.');

test('an officer signs in with the managed login (code flow + PKCE), stays signed in, renews her token and signs out', async ({
  context,
  page,
  request,
}, testInfo) => {
  const treasurer = 'demo-treasurer';
  const localToken = async () =>
    ((await (await request.post('/local/sign-in', { data: { userId: treasurer } })).json()) as { token: string }).token;
  const seen = { challenge: '', state: '', grants: [] as string[], loggedOut: false };

  await context.route(`${LOGIN}/**`, async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/oauth2/authorize') {
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: `${APP}/`,
        code_challenge_method: 'S256',
        scope: 'openid phone profile',
      });
      seen.challenge = url.searchParams.get('code_challenge')!;
      seen.state = url.searchParams.get('state')!;
      // Her phone number and password are typed here, on Cognito's page; it sends her back with a code.
      return route.fulfill({ status: 302, headers: { location: `${APP}/?code=the-code&state=${seen.state}` } });
    }
    if (url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(route.request().postData() ?? '');
      seen.grants.push(form.get('grant_type')!);
      if (form.get('grant_type') === 'authorization_code') {
        expect(form.get('code')).toBe('the-code');
        expect(form.get('client_id')).toBe(CLIENT_ID);
        expect(base64url(createHash('sha256').update(form.get('code_verifier')!).digest())).toBe(seen.challenge);
      } else {
        expect(form.get('refresh_token')).toBe('the-refresh-token');
      }
      return route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': APP, 'content-type': 'application/json' },
        body: JSON.stringify({
          access_token: await localToken(),
          id_token: idToken(treasurer),
          refresh_token: 'the-refresh-token',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      });
    }
    if (url.pathname === '/logout') {
      expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
      seen.loggedOut = true;
      return route.fulfill({ status: 302, headers: { location: url.searchParams.get('logout_uri')! } });
    }
    return route.abort();
  });

  await page.goto(APP);
  await expect(page.getByRole('heading', { name: 'ចូលប្រើក្រុម' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^ចូលជា/ })).toHaveCount(0);
  await screenshot(page, testInfo, 'sign-in-cognito-km');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'ចូលដោយលេខទូរស័ព្ទ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ក្រុមជួយខ្លួនឯងតាតោក');
  expect(page.url()).toBe(`${APP}/`);
  expect(seen.grants).toEqual(['authorization_code']);

  // The session survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ក្រុមជួយខ្លួនឯងតាតោក');

  // An hour later her token has run out: the next request renews it first, with the refresh token.
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('krom.session')!);
    localStorage.setItem('krom.session', JSON.stringify({ ...session, expiresAt: Math.floor(Date.now() / 1000) - 5 }));
  });
  await page.getByRole('link', { name: 'សមាជិក' }).click();
  await expect(page.getByRole('heading', { name: 'សមាជិក', level: 1 })).toBeVisible();
  expect(seen.grants).toEqual(['authorization_code', 'refresh_token']);

  // Signing out ends the managed login's session too: the next person on this phone signs in afresh.
  await page.getByRole('button', { name: 'ចាកចេញ' }).click();
  await expect(page.getByRole('button', { name: 'ចូលដោយលេខទូរស័ព្ទ' })).toBeVisible();
  expect(seen.loggedOut).toBe(true);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('oidc.')))).toEqual([]);
});
