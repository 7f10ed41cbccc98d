/**
 * Integration tier: what operators see. An internal error is logged once, as structured JSON with
 * the request id, and with no personal data from the request; the client gets only a masked
 * message and that id. Grant transitions and refused bank reads are counted as metrics (once per
 * change: a replay counts nothing).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from '#api/log.ts';
import { logger as aggregatorLogger } from '#aggregator/log.ts';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { graphql, graphqlOk } from '../../dev/graphql-client.ts';
import { A } from '../helpers/access.ts';
import { injectFaults } from '../helpers/faults.ts';
import { ikey, integrationEnv, type IntegrationEnv } from '../helpers/integration.ts';
import { buildWorld, M, type World } from '../helpers/world.ts';

let env: IntegrationEnv;
let world: World;
beforeAll(async () => {
  env = await integrationEnv();
  world = await buildWorld(env);
});
afterEach(() => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

/** What the process printed (stdout and stderr: errors go to the latter) while `run` ran. */
async function printed(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: any) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  }
  await run();
  return lines;
}

describe('the stream aggregator', () => {
  it('logs every failure with the groups or federation it concerns, under the service name of the environment, and reports the records for retry', async () => {
    aggregatorLogger.setLogLevel('ERROR');
    const faults = injectFaults(env.db);
    const records = [
      { dynamodb: { Keys: { pk: { S: `GROUP#${world.ids.groupA}` }, sk: { S: 'BOOKS' } }, SequenceNumber: '101' } },
      {
        dynamodb: { Keys: { pk: { S: `FED#${world.ids.otherFederation}` }, sk: { S: 'FED' } }, SequenceNumber: '102' },
      },
    ];
    let response: Awaited<ReturnType<typeof handleStreamBatch>> | undefined;
    const lines = await printed(async () => {
      faults.arm(1, 'throttled'); // listing the federation's groups
      try {
        response = await handleStreamBatch(env.db, records, '2026-11-22');
      } finally {
        faults.disarm();
      }
      faults.arm(1, 'throttled'); // the first read of the rollup pass
      try {
        await handleStreamBatch(env.db, records.slice(0, 1), '2026-11-22');
      } finally {
        faults.disarm();
        faults.stop();
      }
    });
    expect(response!.batchItemFailures).toEqual([{ itemIdentifier: '102' }]);
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        service: 'krom-test',
        federationId: world.ids.otherFederation,
        sequenceNumber: '102',
      }),
      expect.objectContaining({ level: 'ERROR', service: 'krom-test', groupIds: [world.ids.groupA] }),
    ]);
    aggregatorLogger.setLogLevel('SILENT');
  });
});

describe('internal errors', () => {
  it('are logged once as JSON with the request id and none of the request’s personal data; the client sees only the id', async () => {
    logger.setLogLevel('ERROR');
    const faults = injectFaults(env.db);
    const name = 'សុខា ពិសី';
    const phone = '+855 97 111 2222';
    let response: Awaited<ReturnType<typeof graphql>> | undefined;
    const lines = await printed(async () => {
      faults.arm(4, 'throttled');
      try {
        response = await graphql(env.app, world.token.treasurerA, M.addMember, {
          input: {
            idempotencyKey: ikey(),
            groupId: world.ids.groupA,
            name,
            sex: 'FEMALE',
            phone,
            joinedOn: '2021-01-05',
          },
        });
      } finally {
        faults.disarm();
        faults.stop();
      }
    });
    const error = response!.errors![0]!;
    expect(error.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toMatch(/Throughput|DynamoDB|injected/);
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'ERROR',
      message: 'internal error',
      requestId: error.extensions!.requestId,
      service: 'krom-test',
    });
    expect(lines.join('\n')).not.toContain(name);
    expect(lines.join('\n')).not.toContain('97 111');
  });
});

describe('metrics', () => {
  const counted = () => {
    const dims = vi.spyOn(Metrics.prototype, 'addDimension');
    const adds = vi.spyOn(Metrics.prototype, 'addMetric');
    return () => adds.mock.calls.map((c, i) => `${c[0]}:${dims.mock.calls[i]?.[1]}`);
  };

  it('count each grant transition once, however often the request is replayed', async () => {
    const asked = await graphqlOk(env.app, world.token.bankOfficer, A.requestAccess, {
      input: {
        idempotencyKey: ikey(),
        groupId: world.ids.groupA,
        purpose: 'LOAN_ASSESSMENT',
        scopes: ['SAVINGS_SUMMARY'],
        dataRange: { from: '2020-01-01', to: '2026-01-01' },
        durationMonths: 3,
      },
    });
    const calls = counted();
    const approve = { idempotencyKey: ikey(), groupId: world.ids.groupA, requestId: asked.requestAccess.id };
    const grant = (await graphqlOk(env.app, world.token.treasurerA, A.approve, { input: approve }))
      .approveAccessRequest;
    await graphqlOk(env.app, world.token.treasurerA, A.approve, { input: approve });
    await graphqlOk(env.app, world.token.treasurerA, A.pause, {
      input: { idempotencyKey: ikey(), groupId: world.ids.groupA, grantId: grant.id, reason: 'wait' },
    });
    expect(calls()).toEqual(['GrantTransition:ACTIVE', 'GrantTransition:PAUSED']);
  });

  it('count refused bank reads by reason, and not the allowed ones', async () => {
    const calls = counted();
    const read = (token: string) =>
      graphql(env.app, token, A.viewSavings, { g: world.ids.groupB, from: '2021-01-01', to: '2022-01-01' });
    expect((await read(world.token.bankOfficer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await read(world.token.treasurerA)).errors).toBeDefined();
    expect(calls()).toEqual(['RefusedRead:NO_GRANT', 'RefusedRead:NOT_A_BANK']);
  });
});
