/**
 * Integration tier: errors people can read. The same mistake gets the same answer — code, field,
 * English and Khmer, HTTP status — whether it is written in the query text or sent in a variable;
 * every answer carries its request id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../dev/graphql-client.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, type World } from '../helpers/world.ts';
import { expectReadableError } from '../helpers/khmer.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});

const RECORD = 'mutation($input: RecordEntriesInput!) { recordEntries(input: $input) { id } }';
const literal = (amount: string, date: string) =>
  `mutation { recordEntries(input: { idempotencyKey: "${ikey()}", groupId: "${world.ids.groupA}", date: ${date}, entries: [{ id: "e1", kind: SAVING, amount: ${amount}, memberId: "${world.ids.memberA}" }] }) { id } }`;
const variable = (amount: unknown, date: unknown) =>
  graphql(env.app, world.token.treasurerA, RECORD, {
    input: {
      idempotencyKey: ikey(),
      groupId: world.ids.groupA,
      date,
      entries: [{ id: 'e1', kind: 'SAVING', amount, memberId: world.ids.memberA }],
    },
  });

describe('a bad Money or Date gets the same answer in the query text as in a variable', () => {
  it.each([
    [
      'a fractional amount',
      { amount: '12.5', date: '"2026-11-02"' },
      { amount: 12.5, date: '2026-11-02' },
      'input.entries.0.amount',
      /Money/,
    ],
    [
      'an impossible date',
      { amount: '"1000"', date: '"2026-02-30"' },
      { amount: '1000', date: '2026-02-30' },
      'input.date',
      /Date/,
    ],
    [
      'a date of the wrong type',
      { amount: '"1000"', date: '20261102' },
      { amount: '1000', date: 20261102 },
      'input.date',
      /Date/,
    ],
  ])('%s', async (_what, lit, vars, field, said) => {
    const inText = await graphql(env.app, world.token.treasurerA, literal(lit.amount, lit.date));
    const inVariable = await variable(vars.amount, vars.date);
    for (const r of [inText, inVariable]) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.errors![0]!.message).toMatch(said);
      expectReadableError(r.errors![0]!);
    }
    expect(inText.errors![0]!.message).toBe(inVariable.errors![0]!.message);
    expect(inText.errors![0]!.extensions!.messageKm).toBe(inVariable.errors![0]!.extensions!.messageKm);
    expect(inText.status).toBe(inVariable.status);
  });
});

describe('request ids', () => {
  it('every /graphql answer carries x-request-id, and a caller’s own id is kept', async () => {
    const plain = await env.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token.admin}` },
      body: '{"query":"{ viewer { id } }"}',
    });
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const own = await env.app.request('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${world.token.admin}`,
        'x-request-id': 'trace-123',
      },
      body: '{"query":"{ viewer { id } }"}',
    });
    expect(own.headers.get('x-request-id')).toBe('trace-123');
    const refused = await env.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ viewer { id } }"}',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
  });
});
