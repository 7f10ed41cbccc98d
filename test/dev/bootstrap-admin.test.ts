/** Dev tier: the first administrator of a deployment, made by `npm run bootstrap-admin`. */
import { spawnSync } from 'node:child_process';
import { inject, describe, expect, it } from 'vitest';
import { graphqlOk } from '../../dev/graphql-client.ts';
import { ROOT } from '../../infra/bundling.ts';
import { integrationEnv } from '../helpers/integration.ts';

describe('bootstrap-admin', () => {
  it('makes the named person a platform administrator, who can then create the rest', async () => {
    const env = await integrationEnv();
    const run = spawnSync(
      process.execPath,
      [
        `${ROOT}node_modules/tsx/dist/cli.mjs`,
        'dev/bootstrap-admin.ts',
        '--table',
        env.table,
        '--user',
        'first-admin',
        '--name',
        'សុខា',
        '--endpoint',
        inject('dynamoEndpoint'),
        '--region',
        'local',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const t = await env.tokenFor('first-admin');
    const viewer = await graphqlOk(env.app, t, '{ viewer { displayName roles { tenantType role } } }');
    expect(viewer.viewer).toEqual({ displayName: 'សុខា', roles: [{ tenantType: 'PLATFORM', role: 'ADMIN' }] });
    const bank = await graphqlOk(
      env.app,
      t,
      'mutation { createBank(input: { idempotencyKey: "first-bank-1", name: "ACLEDA" }) { name } }',
    );
    expect(bank.createBank.name).toBe('ACLEDA');
  });

  it('refuses to run without its arguments', () => {
    const run = spawnSync(process.execPath, [`${ROOT}node_modules/tsx/dist/cli.mjs`, 'dev/bootstrap-admin.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run bootstrap-admin');
  });
});
