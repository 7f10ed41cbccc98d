/**
 * `npm run bench`: cold start, DynamoDB cost per operation, write cost, throughput and memory —
 * each against its baseline in the same run — and the web app on a village phone (first load,
 * Lighthouse, a year of waiting meetings in one request), into bench/results.json and bench/RESULTS.md.
 * Targets live here and in those files, never in timed tests (these machines are shared and noisy).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { freePort, startDynamoDbLocal } from '../dev/dynamodb-local.ts';
import { ROOT } from '../infra/bundling.ts';
import { coldStart } from './cold-start.ts';
import { dynamoCost, operations } from './dynamo-cost.ts';
import { throughput } from './throughput.ts';
import { inProcess } from './in-process.ts';
import { webFigures } from './web.ts';
import type { Figure } from './stats.ts';

const log = (s: string) => process.stdout.write(`${s}\n`);
const started = new Date();

log('cold start…');
const cold = coldStart();
log('DynamoDB cost…');
const dynamo = await startDynamoDbLocal({ port: await freePort() });
try {
  const cost = await dynamoCost(dynamo.endpoint, log);
  log('throughput and memory…');
  const load = await throughput(dynamo.endpoint, cost.large, operations().CreditProfile!);
  const own = await inProcess(cost.large, operations().Provinces!);
  log('the web app…');
  const web = await webFigures(log);
  const figures: Figure[] = [...cold.figures, ...cost.figures, ...load.figures, ...own, ...web.figures];
  writeFileSync(
    `${ROOT}bench/results.json`,
    `${JSON.stringify({ figures: figures.map(({ name, value, unit, target, met }) => ({ name, value, unit, target, met })) }, null, 2)}\n`,
  );
  writeFileSync(`${ROOT}bench/RESULTS.md`, report(figures, cost.rows, [cold.detail, load.detail, web.detail]));
  for (const f of figures)
    log(
      `${f.met === false ? '✗' : f.met ? '✓' : '·'} ${f.name}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`,
    );
  const missed = figures.filter((f) => f.met === false);
  log(missed.length ? `${missed.length} target(s) not met — see bench/RESULTS.md` : 'every target met');
} finally {
  await dynamo.stop();
}

function report(figures: Figure[], rows: Awaited<ReturnType<typeof dynamoCost>>['rows'], details: string[]): string {
  const cell = (f: Figure) =>
    `| ${f.name} | ${f.value} ${f.unit} | ${f.target ?? '—'} | ${f.met === null ? '—' : f.met ? 'met' : '**not met**'} | ${f.how} |`;
  return `# Benchmark results

Written by \`npm run bench\` on ${started.toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, shared machine).
Every figure is measured against its baseline in the same run. The machine is shared and noisy:
compare ratios, not absolute times.

## Figures

| figure | value | target | | how |
|---|---|---|---|---|
${figures.map(cell).join('\n')}

## DynamoDB cost of every example operation (graphql/operations)

Small: 10 groups, the measured group with one month of meetings. Large: 10,000 groups in the same
federation, the measured group with five years (60 meetings, loans from the second year).
Requests include the one consistent Query of the viewer's roles that every request makes.

| operation | requests small | requests large | RCU small | RCU large | WCU small | WCU large |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.operation} | ${r.small.requests} | ${r.large.requests} | ${r.small.rcu} | ${r.large.rcu} | ${r.small.wcu} | ${r.large.wcu} |`).join('\n')}

## What the figures say

- **Cold start** is met with all of Krom's features. Where init went and what was cut: zod was
  imported as \`import { z }\`, which kept all of zod's locales in the bundle (445 KB of 1.6 MB);
  \`import * as z\` lets esbuild drop them (bundle 1.64 → 1.29 MB, compile time with it). The SDL
  was validated again at every init (~16 ms; now \`assumeValidSDL\`, the tests validate it), and
  \`NODE_OPTIONS=--enable-source-maps\` made Node read and index the 3 MB map at every cold start
  (~20 ms; dropped, the map stays beside the bundle). Two more after the web app's session: resolvers
  were attached by graphql-tools' \`mapSchema\`, which copies every type of the schema (~30 ms; now
  \`updateResolversInPlace\` on the schema built from the SDL a line before), and the gazetteer was
  a 200 KB object literal compiled and built at import (~10 ms; now JSON text parsed at the first
  place looked up). What remains is compiling the bundle and building the schema, which the
  baseline pays too.
- **DynamoDB cost** stays flat where the target asks (dashboard page, rollups, credit profile,
  coverage and its grid): same requests, and read capacity within 2.3% (the dashboard's page query
  returns one more item when more groups follow). The directory's ratio is a page of 10 with a
  next page against a page of 10 that is the last. Coverage and the grid read coverage kept per
  place and sector (one small item per sector asked) and gaps the district's item and its communes'
  rollups: both sets deliver to every commune of Chi Kraeng in three sectors, so their grids have
  the same cells, with 10 groups and 31 deliveries behind them in one and 10,000 groups and 361
  deliveries in the other. What a grid costs depends on its cells, never on what lies behind them;
  DynamoDB Local charges nothing for a key a BatchGetItem does not find, where AWS charges an
  eventually consistent read 0.5 RCU either way, so in AWS even which cells are reached does not
  move it.
- **Throughput: not met against bare yoga on node:http, and why.** Krom is served by hono on
  \`@hono/node-server\` (the fixed stack: the same app runs in Lambda), which turns each Node
  request into a Fetch \`Request\` and back; bare yoga on node:http skips that. Yoga mounted in
  hono the same way, with no Krom code at all, already runs at 0.5–0.7 of bare yoga's rate
  across runs (see "yoga in hono"); Krom runs at 0.85–0.93 of that. In-process, without any HTTP server, Krom's
  own auth (token check, remembered until expiry), policy, armor limits, error masking and
  request-id plumbing cost 8–31% of yoga-in-hono's rate on the trivial query across runs (8% in
  the latest, 16% in the one before) — the part the target is about, within its 20% in the latest
  two runs and not before; the runs spread that much on this shared machine. Measured profiles show no single Krom hot spot left (yoga's
  plugin hooks, the executor and Fetch streams dominate); the two that were there are gone: token
  signature checks (ES256 through WebCrypto, ~0.3 ms a request — now verified once per token and
  remembered until it expires) and the roles read for public data. A query that needs the
  viewer's roles pays one consistent DynamoDB Query, which on DynamoDB Local (Java, on the same
  two cores) costs several ms; in AWS it is a ~3 ms network call that uses no Lambda CPU.
- **The credit profile** is bound by DynamoDB Local: each one is a handful of reads and a logged
  read (a write), all served by one Java process sharing two cores with the load generator.
- **The web app** on a village phone: the first load (page, script, styles) is about two fifths of its
  100 KB budget gzipped; the Khmer font comes on top, once, and is cached with the app.
  Lighthouse runs with its mobile defaults (an emulated mid-range phone on simulated slow 4G) in
  the same Chromium the browser tests use, on \`npm start\`'s build, signed in. A year of meetings
  kept on the phone (12) goes in one \`syncMeetings\` request when the network comes back, and all
  12 are applied.
- **Memory**: the API process peaks at about 500 MiB under load here (tsx compiles the TypeScript in
  that process, on Node 20; the bare yoga server, plain JavaScript, peaks near 210 MiB; the Lambda
  bundle is plain ESM), well inside the function's 1,024 MB.

## Raw runs

\`\`\`
${details.join('\n')}
\`\`\`
`;
}
