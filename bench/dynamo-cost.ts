/**
 * DynamoDB cost of every example operation in graphql/operations (requests, and read and write
 * capacity from ReturnConsumedCapacity), on a small data set and a large one, and the cost of the
 * writes a treasurer makes most: one meeting, and a year of meetings synced from offline.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT } from '../infra/bundling.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { monthOf, rollupTarget, shiftMonth } from '#core/rollups.ts';
import { keys } from '#store/keys.ts';
import { meterCapacity } from '#store/metering.ts';
import { closeMonth } from '#store/rollups.ts';
import { graphql } from '../dev/graphql-client.ts';
import { buildBenchWorld, groupWithBooks, meetingInput, type BenchWorld } from './data.ts';
import { atMost, reported, round, type Figure } from './stats.ts';

export interface Cost {
  requests: number;
  rcu: number;
  wcu: number;
}

const OPERATIONS_DIR = `${ROOT}graphql/operations`;
export const operations = () =>
  Object.fromEntries(
    readdirSync(OPERATIONS_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => [f.replace(/\.graphql$/, ''), readFileSync(`${OPERATIONS_DIR}/${f}`, 'utf8')]),
  );

/** Who sends each read operation, with what variables. Write operations are measured on their own below. */
function readCalls(w: BenchWorld): Record<string, { token: string; variables: Record<string, unknown> }> {
  const g = w.ids.group;
  return {
    Viewer: { token: w.token.treasurer, variables: {} },
    Provinces: { token: w.token.treasurer, variables: {} },
    GroupProfile: { token: w.token.coordinator, variables: { groupId: g } },
    GroupBooks: { token: w.token.treasurer, variables: { groupId: g } },
    CashBook: { token: w.token.treasurer, variables: { groupId: g, from: '2026-11-01', to: '2026-11-30', first: 50 } },
    GroupReadLog: { token: w.token.treasurer, variables: { groupId: g } },
    FederationDashboard: { token: w.token.coordinator, variables: { federationId: w.ids.federation, first: 10 } },
    FederationRollup: { token: w.token.coordinator, variables: { federationId: w.ids.federation } },
    RollupHistory: { token: w.token.coordinator, variables: { federationId: w.ids.federation, months: 12 } },
    PlaceRollup: { token: w.token.coordinator, variables: { code: '17' } },
    GroupDirectory: { token: w.token.bank, variables: { placeCode: '1704', first: 10 } },
    CreditProfile: {
      token: w.token.bank,
      variables: { groupId: g, from: '2021-01-01', to: '2026-11-22', requestedAmount: '2000000' },
    },
    Coverage: { token: w.token.ngo, variables: { placeCode: '1704', sector: 'WATER_SANITATION_HYGIENE' } },
    CoverageGrid: { token: w.token.ngo, variables: { placeCode: '1704' } },
  };
}

/** Runs one operation with the meter on; fails loudly on any GraphQL error so a cost is never of a refusal. */
async function measure(
  w: BenchWorld,
  document: string,
  token: string,
  variables: Record<string, unknown>,
): Promise<Cost> {
  const meter = meterCapacity(w.db);
  try {
    const r = await graphql(w.app, token, document, variables);
    if (r.errors) throw new Error(`bench operation failed: ${JSON.stringify(r.errors)}`);
    return { requests: meter.requests, rcu: round(meter.readUnits, 2), wcu: round(meter.writeUnits, 2) };
  } finally {
    meter.stop();
  }
}

/** Five years of months closed on the large federation's rollup, as five years of changes would leave. */
export async function keepFiveYears(w: BenchWorld): Promise<void> {
  const target = rollupTarget.federation(w.ids.federation);
  const start = shiftMonth(monthOf(new Date().toISOString()), -61);
  await w.db.doc.send(
    new UpdateCommand({
      TableName: w.db.table,
      Key: keys.rollup(target),
      UpdateExpression: 'SET #month = :month',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: { ':month': start },
    }),
  );
  for (let i = 1; i <= 61; i++) await closeMonth(w.db, target, shiftMonth(start, i));
}

export async function dynamoCost(endpoint: string, log: (s: string) => void) {
  const docs = operations();
  log('building the small data set: 10 groups, one month of meetings');
  const small = await buildBenchWorld(endpoint, `bench-small-${Date.now()}`, 10, 1, log);
  log('building the large data set: 10,000 groups, five years of meetings for the group measured');
  const large = await buildBenchWorld(endpoint, `bench-large-${Date.now()}`, 10_000, 60, log);

  const rows: { operation: string; small: Cost; large: Cost }[] = [];
  const smallCalls = readCalls(small);
  const largeCalls = readCalls(large);
  for (const [name, s] of Object.entries(smallCalls)) {
    const l = largeCalls[name]!;
    // The first run warms the process (module init, caches of the SDK); the second is measured.
    await measure(small, docs[name]!, s.token, s.variables);
    rows.push({
      operation: name,
      small: await measure(small, docs[name]!, s.token, s.variables),
      large: await measure(large, docs[name]!, l.token, l.variables),
    });
  }
  const missing = Object.keys(docs).filter((d) => !(d in smallCalls) && !['RecordMeeting', 'SyncMeetings'].includes(d));
  if (missing.length) throw new Error(`example operations without a benchmark call: ${missing.join(', ')}`);

  // Writes: one meeting of 20 members at each size; a year synced offline into a new group.
  const writeMeeting = async (w: BenchWorld) =>
    measure(w, docs.RecordMeeting!, w.token.treasurer, {
      input: { ...meetingInput(w.ids.group, w.ids.members, '2026-12', 0), date: '2026-11-20' },
    });
  rows.push({ operation: 'RecordMeeting', small: await writeMeeting(small), large: await writeMeeting(large) });
  const yearOffline = async (w: BenchWorld) => {
    const { meetings } = await groupWithBooks(w, w.ids.federation, w.token.treasurer, 'treasurer', 12, false);
    return measure(w, docs.SyncMeetings!, w.token.treasurer, { input: { meetings } });
  };
  rows.push({
    operation: 'SyncMeetings (12 meetings)',
    small: await yearOffline(small),
    large: await yearOffline(large),
  });

  // A chart of 60 months against one of 12, on the large federation with five years of months kept.
  await keepFiveYears(large);
  const history = (months: number) =>
    measure(large, docs.RollupHistory!, large.token.coordinator, { federationId: large.ids.federation, months });
  const [twelve, sixty] = [await history(12), await history(60)];
  rows.push({ operation: 'RollupHistory 12 → 60 months (large)', small: twelve, large: sixty });

  const figures: Figure[] = [
    atMost(
      'DynamoDB RollupHistory: read capacity 60 months ÷ 12 months',
      twelve.rcu ? sixty.rcu / twelve.rcu : 1,
      'ratio',
      1.1,
      'the large federation with 60 months kept; ReturnConsumedCapacity=TOTAL',
    ),
  ];
  const flat = new Set([
    'FederationDashboard',
    'FederationRollup',
    'RollupHistory',
    'PlaceRollup',
    'CreditProfile',
    'Coverage',
    'CoverageGrid',
  ]);
  for (const r of rows) {
    const rcuRatio = r.small.rcu ? r.large.rcu / r.small.rcu : 1;
    const reqRatio = r.large.requests / r.small.requests;
    if (flat.has(r.operation)) {
      figures.push(
        atMost(
          `DynamoDB ${r.operation}: read capacity large ÷ small`,
          rcuRatio,
          'ratio',
          1.1,
          'ReturnConsumedCapacity=TOTAL on every request of the operation',
        ),
      );
      figures.push(
        atMost(
          `DynamoDB ${r.operation}: requests large ÷ small`,
          reqRatio,
          'ratio',
          1.1,
          'requests sent by the operation',
        ),
      );
    } else {
      figures.push(
        reported(
          `DynamoDB ${r.operation}: read capacity large ÷ small`,
          rcuRatio,
          'ratio',
          'ReturnConsumedCapacity=TOTAL',
        ),
      );
    }
  }
  const meeting = rows.find((r) => r.operation === 'RecordMeeting')!;
  figures.push(
    reported(
      'write: one meeting of 20 members, requests',
      meeting.large.requests,
      'requests',
      'RecordMeeting on the 5-year group',
    ),
  );
  figures.push(
    reported('write: one meeting of 20 members, WCU', meeting.large.wcu, 'WCU', 'RecordMeeting on the 5-year group'),
  );
  const year = rows.find((r) => r.operation.startsWith('SyncMeetings'))!;
  figures.push(
    reported(
      'write: a year of meetings synced offline, requests',
      year.large.requests,
      'requests',
      'one SyncMeetings of 12 meetings of 20 members',
    ),
  );
  figures.push(
    reported(
      'write: a year of meetings synced offline, WCU',
      year.large.wcu,
      'WCU',
      'one SyncMeetings of 12 meetings of 20 members',
    ),
  );
  return { figures, rows, small, large };
}
