/**
 * `npm run bench`: cold start, DynamoDB cost per operation, write cost, throughput and memory —
 * each against its baseline in the same run — into bench/results.json and bench/RESULTS.md.
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
  const figures: Figure[] = [...cold.figures, ...cost.figures, ...load.figures, ...own];
  writeFileSync(`${ROOT}bench/results.json`, `${JSON.stringify({ figures: figures.map(({ name, value, unit, target, met }) => ({ name, value, unit, target, met })) }, null, 2)}\n`);
  writeFileSync(`${ROOT}bench/RESULTS.md`, report(figures, cost.rows, [cold.detail, load.detail]));
  for (const f of figures) log(`${f.met === false ? '✗' : f.met ? '✓' : '·'} ${f.name}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`);
  const missed = figures.filter((f) => f.met === false);
  log(missed.length ? `${missed.length} target(s) not met — see bench/RESULTS.md` : 'every target met');
} finally {
  await dynamo.stop();
}

function report(figures: Figure[], rows: Awaited<ReturnType<typeof dynamoCost>>['rows'], details: string[]): string {
  const cell = (f: Figure) => `| ${f.name} | ${f.value} ${f.unit} | ${f.target ?? '—'} | ${f.met === null ? '—' : f.met ? 'met' : '**not met**'} | ${f.how} |`;
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

## Raw runs

\`\`\`
${details.join('\n')}
\`\`\`
`;
}
