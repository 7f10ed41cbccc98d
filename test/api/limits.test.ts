/**
 * Integration tier: query limits (graphql-armor), batching off, and what outside dev keeps to
 * itself — the schema (introspection), GraphiQL and field suggestions. A refused operation runs
 * nothing: not one DynamoDB request beyond the viewer's roles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '#api/app.ts';
import { localVerifier } from '#auth/tokens.ts';
import { meterCapacity } from '#store/metering.ts';
import { graphql } from '../../dev/graphql-client.ts';
import { integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
let prod: ReturnType<typeof createApp>;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
  prod = createApp({ db: env.db, verifier: localVerifier(env.key.publicJwk), dev: false, now: env.clock.now });
});

const nest = (depth: number) => `{ place(code: "020901") ${'{ parent '.repeat(depth)}{ code }${' }'.repeat(depth)} }`;

const refusals: [string, string][] = [
  ['depth', nest(12)],
  // Wide and deep, yet inside the depth (10), alias (15) and token (2,000) limits: only its cost refuses it.
  [
    'cost',
    `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: place(code: "02") { ${'code nameEn nameKm type level children { '.repeat(8)}code${' }'.repeat(8)} }`).join(' ')} }`,
  ],
  ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`],
  ['tokens', `{ viewer { ${Array.from({ length: 2100 }, () => 'id').join(' ')} } }`],
  ['directives', `{ viewer { id ${Array.from({ length: 11 }, () => '@include(if: true)').join(' ')} } }`],
];

describe('query limits', () => {
  const WORD: Record<string, RegExp> = {
    depth: /depth/i,
    cost: /cost/i,
    aliases: /alias/i,
    tokens: /token/i,
    directives: /directive/i,
  };
  it.each(refusals)(
    'a query over the %s limit is refused with a stable code before anything runs',
    async (limit, query) => {
      for (const app of [env.app, prod]) {
        const meter = meterCapacity(env.db);
        try {
          const r = await graphql(app, world.token.treasurerA, query);
          expect(r.data ?? null).toBeNull();
          expect(r.errors![0]!.extensions!.code).toBe('QUERY_LIMIT_EXCEEDED');
          expect(r.errors![0]!.message).toMatch(/limit/i);
          expect(r.errors![0]!.message).toMatch(WORD[limit]!);
          // At most the viewer's roles were read; the operation itself never ran.
          expect(meter.requests).toBeLessThanOrEqual(1);
        } finally {
          meter.stop();
        }
      }
    },
  );

  it('every example operation fits inside every limit', () => {
    const dir = join(import.meta.dirname, '../../graphql/operations');
    return Promise.all(
      readdirSync(dir)
        .filter((f) => f.endsWith('.graphql'))
        .map(async (f) => {
          const r = await graphql(prod, world.token.treasurerA, readFileSync(join(dir, f), 'utf8'));
          for (const e of r.errors ?? []) expect(e.message, f).not.toMatch(/limit of/i);
        }),
    );
  });

  it('a batch of operations in one request is refused', async () => {
    const r = await env.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token.treasurerA}` },
      body: JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]),
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    const body = await r.json();
    expect(Array.isArray(body)).toBe(false);
    expect(body.data ?? null).toBeNull();
  });
});

describe('outside dev', () => {
  it('introspection is refused even with a valid token; in dev it answers', async () => {
    const query = '{ __schema { queryType { name } } }';
    const refused = await graphql(prod, world.token.admin, query);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await graphql(env.app, world.token.admin, query)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('without a token nothing is validated: probing field names gets 401 and no hint', async () => {
    for (const app of [prod, env.app]) {
      const r = await graphql(app, null, '{ viewr { id } groupsSecret { id } }');
      expect(r.status).toBe(401);
      expect(r.errors!.map((e) => e.message).join(' ')).not.toMatch(/Cannot query|viewer|Did you mean/);
    }
  });

  it.each([
    [
      'a misspelt enum value in the query',
      '{ coverage(placeCode: "0209", sector: HEALT) { communesReached } }',
      undefined,
      /HEALTH/,
    ],
    [
      'a misspelt enum value in a variable',
      'query($s: Sector!) { coverage(placeCode: "0209", sector: $s) { communesReached } }',
      { s: 'HEALT' },
      /HEALTH/,
    ],
    [
      'a misspelt input field in a variable',
      'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }',
      { input: { idempotencyKey: 'k-1', groupid: 'g', name: 'x', sex: 'FEMALE', joinedOn: '2021-01-01' } },
      // The required field that was not sent is named (the client needs that); no guess at "groupid" is.
      /Did you mean/,
    ],
    ['a misspelt argument', '{ place(cod: "02") { code } }', undefined, /Did you mean/],
    ['a misspelt type in a fragment', '{ viewer { ... on Viewr { id } } }', undefined, /"Viewer"/],
  ])('outside dev no suggestion names the schema: %s', async (_what, query, variables, leak) => {
    const hidden = await graphql(prod, world.token.admin, query, variables);
    expect(hidden.errors!.length).toBeGreaterThan(0);
    const said = JSON.stringify(hidden.errors);
    expect(said).not.toMatch(/Did you mean/);
    expect(said).not.toMatch(leak);
    const helped = await graphql(env.app, world.token.admin, query, variables);
    expect(JSON.stringify(helped.errors)).toMatch(/Did you mean/);
  });

  it('field suggestions are masked; in dev they help', async () => {
    const query = '{ viewr { id } }';
    const hidden = await graphql(prod, world.token.admin, query);
    expect(hidden.errors![0]!.message).not.toMatch(/viewer/);
    const helped = await graphql(env.app, world.token.admin, query);
    expect(helped.errors![0]!.message).toMatch(/Did you mean "viewer"/);
  });
});
