/** Integration tier: a loan officer's reads of one group are capped per Cambodian day. */
import { BANK_READS_PER_GROUP_PER_DAY } from '#core/access.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { ikey, integrationEnv, testClock, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
// 16:30 in Phnom Penh: the day ends at 17:00 UTC.
const clock = testClock('2026-03-01T09:30:00.000Z');
let colleague: string;

beforeAll(async () => {
  env = await integrationEnv({ clock });
  world = await buildWorld(env);
  const G = world.ids.groupA;
  await world.as(world.token.admin, M.createUser, {
    idempotencyKey: ikey(),
    userId: 'bank-officer-2',
    displayName: 'Dara',
  });
  await world.as(world.token.admin, M.assignRole, {
    idempotencyKey: ikey(),
    userId: 'bank-officer-2',
    tenantType: 'BANK',
    tenantId: world.ids.bank,
    role: 'LOAN_OFFICER',
  });
  colleague = await env.tokenFor('bank-officer-2');
  const grant = async (groupId: string, treasurer: string) => {
    const request = await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId,
        purpose: 'LOAN_ASSESSMENT',
        scopes: ['SAVINGS_SUMMARY'],
        dataRange: { from: '2025-01-01', to: '2026-12-31' },
        durationMonths: 6,
      },
    });
    await graphqlOk(env.app, treasurer, A.approve, {
      input: { idempotencyKey: ikey(), groupId, requestId: request.requestAccess.id },
    });
  };
  await grant(G, world.token.treasurerA);
  await grant(world.ids.groupB, world.token.treasurerB);
});

const read = (token: string, g = world.ids.groupA) =>
  graphql(env.app, token, A.viewSavings, { g, from: '2025-01-01', to: '2026-03-01' });
const READ_LOG = `query($g: ID!, $after: String) { group(id: $g) { readLog(first: 100, after: $after) { nodes { officerId } pageInfo { hasNextPage endCursor } } } }`;
/** Every read-log entry of group A, page by page (a page holds at most 100). */
async function logged(): Promise<{ officerId: string }[]> {
  const all: { officerId: string }[] = [];
  let after: string | null = null;
  do {
    const page: { nodes: { officerId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
      await graphqlOk(env.app, world.token.treasurerA, READ_LOG, { g: world.ids.groupA, after })
    ).group.readLog;
    all.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return all;
}

describe('daily read cap', () => {
  it(`allows ${BANK_READS_PER_GROUP_PER_DAY} reads of a group in a day, then refuses with a clear error and logs nothing more`, async () => {
    for (let i = 0; i < BANK_READS_PER_GROUP_PER_DAY; i++)
      expect((await read(world.token.bankOfficer)).errors).toBeUndefined();
    const refused = await read(world.token.bankOfficer);
    expect(refused.data).toBeNull();
    expect(refused.status).toBe(429);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'groupId' });
    expect(refused.errors![0]!.message).toMatch(`${BANK_READS_PER_GROUP_PER_DAY} times today`);
    expect(refused.errors![0]!.extensions!.messageKm).toMatch(`${BANK_READS_PER_GROUP_PER_DAY} ដង`);
    expect((await logged()).length).toBe(BANK_READS_PER_GROUP_PER_DAY);
  });

  it('counts per officer: a colleague at the same bank still reads — several reads at once, each counted and logged', async () => {
    const together = await Promise.all(Array.from({ length: 4 }, () => read(colleague)));
    for (const r of together) expect(r.errors).toBeUndefined();
    expect((await logged()).filter((e) => e.officerId === 'bank-officer-2')).toHaveLength(4);
  });

  it('counts per group: the cap on one group does not hold back a read of another', async () => {
    expect((await read(world.token.bankOfficer)).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect((await read(world.token.bankOfficer, world.ids.groupB)).errors).toBeUndefined();
  });

  it('resets when the day turns in Phnom Penh (17:00 UTC), not at UTC midnight', async () => {
    clock.set('2026-03-01T16:59:00.000Z');
    expect((await read(world.token.bankOfficer)).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    clock.set('2026-03-01T17:00:00.000Z');
    expect((await read(world.token.bankOfficer)).errors).toBeUndefined();
  });
});
