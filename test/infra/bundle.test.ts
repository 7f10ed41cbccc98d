/**
 * Infra tier: the API bundle that deploys (same esbuild settings as infra) imports with only
 * TABLE_NAME and AWS_REGION set, without throwing and without touching the network, and answers
 * /health through the Lambda handler.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction, ROOT } from '../../infra/bundling.ts';

// Refuses any socket or DNS lookup and says so, so the test sees any attempt.
const NO_NETWORK = `
import net from 'node:net'; import dns from 'node:dns';
const refuse = (what) => () => { console.error('NETWORK:' + what); process.exit(42); };
net.Socket.prototype.connect = refuse('socket'); dns.lookup = refuse('dns');
globalThis.fetch = refuse('fetch');
`;

const SCRIPT = `
const started = performance.now();
const mod = await import(process.argv[1]);
const importMs = performance.now() - started;
if (typeof mod.handler !== 'function') throw new Error('no handler export');
const event = { version: '2.0', routeKey: 'GET /health', rawPath: '/health', rawQueryString: '', headers: { host: 'x' },
  requestContext: { http: { method: 'GET', path: '/health', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' }, requestId: 'r1', stage: '$default' },
  isBase64Encoded: false };
const res = await mod.handler(event, { awsRequestId: 'req-1' });
console.log(JSON.stringify({ importMs, statusCode: res.statusCode, body: res.body, requestId: res.headers['x-request-id'] }));
`;

let bundle: string;
beforeAll(() => {
  bundle = `${bundleFunction('api')}/index.mjs`;
});

describe('the API bundle', () => {
  it('exists with a source map', () => {
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
  });

  it('keeps the Cognito client (used only to invite someone) out of what a cold start loads', () => {
    // The SDK's service name appears in its serialiser, not in Krom's adapter.
    const SDK = 'AWSCognitoIdentityProviderService';
    expect(readFileSync(bundle, 'utf8').includes(SDK)).toBe(false);
    const chunks = readdirSync(`${ROOT}dist/api/chunks`).filter((f) => f.endsWith('.mjs'));
    const withSdk = chunks.filter((f) => readFileSync(`${ROOT}dist/api/chunks/${f}`, 'utf8').includes(SDK));
    expect(withSdk).toHaveLength(1);
  });

  it('imports with only TABLE_NAME and AWS_REGION, touches no network, and answers /health', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(NO_NETWORK)}`,
        '--input-type=module',
        '-e',
        SCRIPT,
        bundle,
      ],
      {
        cwd: ROOT,
        env: { TABLE_NAME: 'krom-test', AWS_REGION: 'ap-southeast-1', PATH: process.env.PATH },
        encoding: 'utf8',
      },
    );
    expect(run.stderr).not.toContain('NETWORK:');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({ statusCode: 200, body: '{"status":"ok"}', requestId: 'req-1' });
  });

  it('refuses every GraphQL request when no Cognito settings are given, rather than trusting it', () => {
    const script = `
      const mod = await import(process.argv[1]);
      const body = JSON.stringify({ query: '{ viewer { id } }' });
      const event = { version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '', headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
        requestContext: { http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' }, requestId: 'r2', stage: '$default' },
        body, isBase64Encoded: false };
      const res = await mod.handler(event, { awsRequestId: 'req-2' });
      console.log(JSON.stringify({ statusCode: res.statusCode, body: JSON.parse(res.body) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, bundle], {
      cwd: ROOT,
      env: { TABLE_NAME: 'krom-test', AWS_REGION: 'ap-southeast-1', PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(out.statusCode).toBe(401);
    expect(out.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
