/**
 * Unit tier: token verification. The Cognito verifier is exercised against a JWKS served on
 * 127.0.0.1, exactly as it fetches the user pool's keys in AWS.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { cognitoVerifier, rememberingVerifier } from '#auth/tokens.ts';

let server: Server;
let issuer: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey as CryptoKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  issuer = `http://127.0.0.1:${address.port}/ap-southeast-1_pool`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sign = (claims: Record<string, unknown>, iss = issuer) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('user-1')
    .setIssuer(iss)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

describe('cognitoVerifier', () => {
  it('accepts an access token for this app client (client_id) and an ID token (aud)', async () => {
    const verifier = cognitoVerifier({ issuer, clientId: 'client-1' });
    await expect(verifier.verify(await sign({ client_id: 'client-1', token_use: 'access' }))).resolves.toMatchObject({
      sub: 'user-1',
      expiresAt: expect.any(Number),
    });
    await expect(verifier.verify(await sign({ aud: 'client-1', token_use: 'id' }))).resolves.toMatchObject({
      sub: 'user-1',
      expiresAt: expect.any(Number),
    });
  });

  it('refuses a token for another app client, another issuer, or tampered', async () => {
    const verifier = cognitoVerifier({ issuer, clientId: 'client-1' });
    await expect(verifier.verify(await sign({ client_id: 'client-2' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(verifier.verify(await sign({ client_id: 'client-1' }, 'https://evil.example'))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const token = await sign({ client_id: 'client-1' });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'admin' }),
    ).toString('base64url');
    await expect(verifier.verify(`${h}.${forged}.${s}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('rememberingVerifier', () => {
  const counting = (identity: (token: string) => { sub: string; expiresAt: number | null }) => {
    const calls: string[] = [];
    return {
      calls,
      verifier: {
        verify: async (token: string) => {
          calls.push(token);
          if (token.startsWith('bad')) throw new Error('refused');
          return identity(token);
        },
      },
    };
  };

  it('checks a token once and answers from memory until it expires, then checks it again', async () => {
    let now = 1_000;
    const inner = counting(() => ({ sub: 'u', expiresAt: 1_100 }));
    const v = rememberingVerifier(inner.verifier, { nowSeconds: () => now });
    expect(await v.verify('t1')).toEqual({ sub: 'u', expiresAt: 1_100 });
    expect(await v.verify('t1')).toEqual({ sub: 'u', expiresAt: 1_100 });
    expect(inner.calls).toEqual(['t1']);
    now = 1_100; // expiry reached: the remembered answer is not used
    await v.verify('t1');
    expect(inner.calls).toEqual(['t1', 't1']);
  });

  it('never remembers a refusal, nor a token without an expiry', async () => {
    const inner = counting((t) => ({ sub: t, expiresAt: null }));
    const v = rememberingVerifier(inner.verifier, { nowSeconds: () => 0 });
    await expect(v.verify('bad')).rejects.toThrow();
    await expect(v.verify('bad')).rejects.toThrow();
    await v.verify('forever');
    await v.verify('forever');
    expect(inner.calls).toEqual(['bad', 'bad', 'forever', 'forever']);
  });

  it('keeps at most `max` tokens, forgetting the oldest', async () => {
    const inner = counting((t) => ({ sub: t, expiresAt: 10 }));
    const v = rememberingVerifier(inner.verifier, { max: 2, nowSeconds: () => 0 });
    for (const t of ['a', 'b', 'c', 'b', 'a']) await v.verify(t);
    // a was forgotten when c came; b and c were remembered.
    expect(inner.calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
