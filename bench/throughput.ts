/**
 * Throughput, latency and memory of the local server under load (autocannon), Krom against bare
 * graphql-yoga serving the same SDL, each in its own Node process, in alternating rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { BANK_READS_PER_GROUP_PER_DAY } from '#core/access.ts';
import { ROOT } from '../infra/bundling.ts';
import type { BenchWorld } from './data.ts';
import { atLeast, median, reported, type Figure } from './stats.ts';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const CONNECTIONS = 10;
const TRIVIAL = '{ provinces { code nameEn } }'; // as graphql/operations/Provinces.graphql asks, less nameKm

interface Server {
  child: ChildProcess;
  url: string;
}

async function startServer(script: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', () => {});
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

async function stop(s: Server) {
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

const PROFILE_READS = BANK_READS_PER_GROUP_PER_DAY - 10;

/** `amount`: send exactly that many requests instead of loading for SECONDS. */
async function load(url: string, body: string, token?: string, amount?: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    ...(amount ? { amount } : { duration: SECONDS }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  if (result.non2xx || result.errors)
    throw new Error(`load on ${url} had ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function throughput(
  endpoint: string,
  w: BenchWorld,
  creditProfile: string,
): Promise<{ figures: Figure[]; detail: string }> {
  const krom = await startServer('bench/serve-krom.ts', {
    KROM_BENCH: JSON.stringify({ endpoint, table: w.table, publicJwk: w.publicJwk }),
  });
  const yoga = await startServer('bench/serve-yoga.ts', { BENCH_SERVER: 'node' });
  const honoYoga = await startServer('bench/serve-yoga.ts', { BENCH_SERVER: 'hono' });
  try {
    const trivial = JSON.stringify({ query: TRIVIAL });
    const profile = JSON.stringify({
      query: creditProfile,
      variables: { groupId: w.ids.group, from: '2021-01-01', to: '2026-11-22', requestedAmount: '2000000' },
    });
    // Warm both (JIT, connection pools), then alternate.
    await load(yoga.url, trivial);
    await load(honoYoga.url, trivial);
    await load(krom.url, trivial, w.token.treasurer);
    const k: Awaited<ReturnType<typeof load>>[] = [];
    const y: Awaited<ReturnType<typeof load>>[] = [];
    const h: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      y.push(await load(yoga.url, trivial));
      h.push(await load(honoYoga.url, trivial));
      k.push(await load(krom.url, trivial, w.token.treasurer));
    }
    const honoRps = median(h.map((r) => r.rps));
    const viewer = await load(
      krom.url,
      JSON.stringify({ query: '{ viewer { id roles { role } } }' }),
      w.token.treasurer,
    );
    // A loan officer may read one group at most BANK_READS_PER_GROUP_PER_DAY times a day (the rest are
    // refused with RATE_LIMITED); the cost benchmark has already read it, so the profile is timed
    // over PROFILE_READS, within what is left of the day's reads.
    const p = await load(krom.url, profile, w.token.bank, PROFILE_READS);
    const kromRps = median(k.map((r) => r.rps));
    const yogaRps = median(y.map((r) => r.rps));
    const how = `autocannon, ${CONNECTIONS} connections, ${SECONDS} s a round, median of ${ROUNDS} alternating rounds`;
    const figures = [
      reported('throughput: bare yoga, trivial query', yogaRps, 'req/s', how),
      reported(
        'throughput: Krom, trivial query (token verified; public data, so no roles read)',
        kromRps,
        'req/s',
        how,
      ),
      atLeast(
        'throughput: Krom ÷ bare yoga, trivial query',
        kromRps / yogaRps,
        'ratio',
        0.8,
        `${how}; Krom's auth, policy and plugins may cost at most 20%`,
      ),
      reported(
        'throughput: bare yoga mounted in hono on @hono/node-server, trivial query',
        honoRps,
        'req/s',
        `${how}; the fixed stack's adapter without Krom`,
      ),
      reported(
        'throughput: Krom ÷ yoga in hono, trivial query',
        kromRps / honoRps,
        'ratio',
        `${how}; Krom's own auth, policy and plugins alone`,
      ),
      reported('latency p50: Krom, trivial query', median(k.map((r) => r.p50)), 'ms', how),
      reported('latency p99: Krom, trivial query', median(k.map((r) => r.p99)), 'ms', how),
      reported('latency p50: bare yoga, trivial query', median(y.map((r) => r.p50)), 'ms', how),
      reported(
        "throughput: Krom, viewer query (the viewer's roles read from DynamoDB Local)",
        viewer.rps,
        'req/s',
        `autocannon, ${CONNECTIONS} connections, ${SECONDS} s`,
      ),
      reported(
        'latency p50: Krom, credit profile (grant checked, read logged)',
        p.p50,
        'ms',
        `autocannon, ${CONNECTIONS} connections, ${PROFILE_READS} reads (a loan officer may read a group ${BANK_READS_PER_GROUP_PER_DAY} times a day)`,
      ),
      reported(
        'latency p99: Krom, credit profile',
        p.p99,
        'ms',
        `autocannon, ${CONNECTIONS} connections, ${PROFILE_READS} reads (a loan officer may read a group ${BANK_READS_PER_GROUP_PER_DAY} times a day)`,
      ),
      reported(
        'memory: peak RSS of the Krom API process under load',
        peakRss(krom.child.pid!),
        'MiB',
        'VmHWM of the server process after all rounds',
      ),
      reported(
        'memory: peak RSS of the bare yoga process under load',
        peakRss(yoga.child.pid!),
        'MiB',
        'VmHWM of the server process after all rounds',
      ),
    ];
    const detail = [
      `Krom trivial rounds (req/s): ${k.map((r) => Math.round(r.rps)).join(', ')}`,
      `Bare yoga rounds (req/s): ${y.map((r) => Math.round(r.rps)).join(', ')}`,
      `Yoga in hono rounds (req/s): ${h.map((r) => Math.round(r.rps)).join(', ')}`,
    ].join('\n');
    return { figures, detail };
  } finally {
    await Promise.all([stop(krom), stop(yoga), stop(honoYoga)]);
  }
}
