/**
 * The integration tier: a fresh table in the run's DynamoDB Local and the app wired to it.
 * Refuses to run against anything but a local endpoint, so a test can never touch real AWS.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Identities } from '#auth/identities.ts';
import { generateLocalKeyPair, signLocalToken } from '#auth/tokens.ts';
import { createLocalApp } from '../../dev/local-app.ts';
import { ensureTable } from '../../dev/table.ts';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-11-22T03:00:00Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => (current = new Date(iso).getTime()),
    advance: (ms) => (current += ms),
  };
}

export async function integrationEnv(options: { clock?: TestClock; identities?: Identities } = {}) {
  const endpoint = inject('dynamoEndpoint');
  if (!endpoint || !/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(endpoint)) {
    throw new Error(
      `integration tests need DynamoDB Local from test/global-setup.ts; got ${String(endpoint)} — refusing to run`,
    );
  }
  const table = `test-${randomUUID()}`;
  const key = await generateLocalKeyPair();
  const clock = options.clock ?? testClock();
  const { db, app } = createLocalApp({ endpoint, table, key, now: clock.now, identities: options.identities });
  await ensureTable(db.client, table);
  // Tokens live in real time (jose checks expiry against the wall clock), not the test clock.
  const tokenFor = (sub: string) => signLocalToken(key.privateJwk, sub, 3600);
  return { db, app, key, clock, tokenFor, table };
}

export type IntegrationEnv = Awaited<ReturnType<typeof integrationEnv>>;

let counter = 0;
/** A fresh idempotency key. */
export const ikey = (label = 'k') =>
  `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${randomUUID().slice(0, 8)}`;
