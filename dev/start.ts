/**
 * `npm start`: DynamoDB Local (data kept in .data/dynamodb; `--fresh` starts empty), the table,
 * demo data when the table is empty, demo sign-in tokens, and the same hono app the Lambda serves,
 * at http://localhost:4000/graphql with GraphiQL. Ctrl-C stops everything.
 */
// First: the loggers created by the imports below read their service name at import.
import './service-name.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { signLocalToken } from '#auth/tokens.ts';
import {
  checkPortFree,
  LOCAL_HOST,
  SetupError,
  startDynamoDbLocal,
  stopLeftover,
  type DynamoDbLocal,
} from './dynamodb-local.ts';
import { createLocalApp, LOCAL_TABLE } from './local-app.ts';
import { buildWebApp, mountWebApp } from './web-app.ts';
import { seedDemoData } from './seed.ts';
import { ensureTable } from './table.ts';
import { startStreamPoller } from './stream-poller.ts';
import { handleStreamBatch } from '#aggregator/handler.ts';
import { nightly } from '#jobs/recount.ts';
import { cambodiaDate } from '#core/validation.ts';
import { loadOrCreateSigningKey, mintDemoTokens } from './tokens.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// KROM_DATA_DIR lets tests run a whole `npm start` without touching the developer's .data/.
const dataDir = process.env.KROM_DATA_DIR ?? `${root}.data`;
const port = Number(process.env.PORT ?? 4000);
const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);

async function main() {
  const fresh = process.argv.includes('--fresh');
  await checkPortFree(port, 'the Krom API', 'PORT');
  mkdirSync(dataDir, { recursive: true });
  const pidFile = `${dataDir}/dynamodb.pid`;
  const leftover = await stopLeftover(pidFile);
  if (leftover) console.log(leftover);
  if (fresh) rmSync(`${dataDir}/dynamodb`, { recursive: true, force: true });

  console.log(`Starting DynamoDB Local on ${LOCAL_HOST}:${dynamoPort}${fresh ? ' (fresh)' : ''}…`);
  const dynamo = await startDynamoDbLocal({ port: dynamoPort, dataDir: `${dataDir}/dynamodb`, pidFile });
  const stop = stopper(dynamo);
  // Ctrl-C, an IDE's stop button or systemd (SIGTERM), a closed terminal (SIGHUP): stop Java too.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  // npm passes SIGTERM to the shell it runs this script in, not to this process: when that shell
  // dies, this process is handed to another parent, and that is the sign to stop.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(), 500).unref();

  const key = await loadOrCreateSigningKey(`${dataDir}/signing-key.json`);
  // While the demo seeds past meetings the app's clock stands at each meeting; then it is real time.
  let recordingAt: Date | null = null;
  const { db, app } = createLocalApp({ endpoint: dynamo.endpoint, key, now: () => recordingAt ?? new Date() });
  // Before any request: hono fixes its routes at the first one.
  console.log('Building the web app…');
  await buildWebApp();
  mountWebApp(app);
  const created = await ensureTable(db.client, LOCAL_TABLE);
  if (created) console.log(`Created table ${LOCAL_TABLE}.`);
  // Rollups follow writes, as the aggregator Lambda does in AWS.
  const poller = startStreamPoller({
    client: db.client,
    endpoint: dynamo.endpoint,
    table: LOCAL_TABLE,
    onRecords: (records) => handleStreamBatch(db, records, cambodiaDate(new Date())),
  });
  stopPoller = () => poller.stop();
  const empty = !(await db.doc.send(new ScanCommand({ TableName: LOCAL_TABLE, Limit: 1 }))).Items?.length;
  if (empty) {
    console.log('Seeding demo data from the seed documents…');
    await seedDemoData({
      db,
      app,
      tokenFor: (sub) => signLocalToken(key.privateJwk, sub, 600),
      recordAt: (when) => (recordingAt = when),
    });
  }

  // The nightly recount, as the schedule runs it in AWS: now, then every 24 hours.
  const recount = () =>
    nightly(db, cambodiaDate(new Date())).catch((e) => console.error(`recount: ${(e as Error).message}`));
  await recount();
  setInterval(recount, 24 * 3600_000).unref();

  const tokens = await mintDemoTokens(db, key);
  writeFileSync(`${dataDir}/demo-tokens.json`, `${JSON.stringify(tokens, null, 2)}\n`);

  // Loopback only unless HOST says otherwise: the demo data holds (invented) member names and phones.
  const server = serve({ fetch: app.fetch, port, hostname: LOCAL_HOST }, () => {
    console.log(
      `\nKrom is running: the app at http://localhost:${port}/ (sign in as any demo person), GraphiQL at http://localhost:${port}/graphql, health at http://localhost:${port}/health`,
    );
    if (LOCAL_HOST !== '127.0.0.1')
      console.log(
        `HOST=${LOCAL_HOST}: Krom and DynamoDB Local (which has no authentication) are open to that address.`,
      );
    console.log(
      'Demo sign-in tokens (also in .data/demo-tokens.json). In GraphiQL, set Headers to {"Authorization": "Bearer <token>"}:\n',
    );
    for (const t of tokens)
      console.log(`  ${t.role.padEnd(12)} ${t.user.padEnd(18)} ${t.tenant.name}\n    ${t.token}\n`);
    console.log('Ctrl-C stops Krom and DynamoDB Local.');
  });
  server.on('error', (error) => {
    console.error(`Krom could not listen on port ${port}: ${error.message}`);
    void stop();
  });
}

let stopPoller: () => Promise<void> = async () => {};

function stopper(dynamo: DynamoDbLocal) {
  let stopping = false;
  return async () => {
    if (stopping) return;
    stopping = true;
    await stopPoller();
    console.log('\nStopping DynamoDB Local…');
    await dynamo.stop();
    process.exit(0);
  };
}

main().catch((error) => {
  if (error instanceof SetupError) {
    console.error(`npm start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
