/**
 * Dev tier: `npm start` end to end, as a newcomer runs it — DynamoDB Local, table, seed, tokens,
 * the server, both listening on loopback only — then stopped as an IDE or systemd stops it
 * (SIGTERM to npm), leaving no Java process behind. A DynamoDB Local whose starter was killed stops
 * by itself; one left behind by an earlier start is recognised and stopped. And its one-line
 * answers to a missing `java` or a port in use.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startDynamoDbLocal } from '../../dev/dynamodb-local.ts';
import { ROOT } from '../../infra/bundling.ts';

const TSX = `${ROOT}node_modules/tsx/dist/cli.mjs`;
const dataDir = mkdtempSync(`${tmpdir()}/krom-start-`);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function javaProcessesFor(dir: string): string[] {
  const out = spawnSync('pgrep', ['-f', `LoopbackDynamoDB.*${dir}/dynamodb`], { encoding: 'utf8' }).stdout.trim();
  return out ? out.split('\n') : [];
}

/**
 * The local addresses a TCP port listens on, read from the kernel's socket tables. Reading them
 * (rather than connecting from the machine's other addresses) proves that no other interface
 * answers without sending traffic anywhere but this process's own files.
 */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':');
      if (parseInt(portHex!, 16) !== port) continue;
      found.push(hex!.length === 8 ? ipv4(hex!) : ipv6(hex!));
    }
  }
  return found;
}
const ipv4 = (hex: string) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
/** /proc writes IPv6 as four little-endian words; a v4-mapped loopback reads ::ffff:127.0.0.1. */
function ipv6(hex: string): string {
  const bytes = hex.match(/.{8}/g)!.flatMap((word) => word.match(/../g)!.reverse());
  const text = bytes.join('').toLowerCase();
  if (text.startsWith('00000000000000000000ffff')) return `::ffff:${ipv4(bytes.slice(12).reverse().join(''))}`;
  return text === '0'.repeat(32) ? '::' : text.replace(/(.{4})/g, '$1:').slice(0, -1);
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('npm start', () => {
  it('serves /health and the seeded groups to a demo token on loopback only, then stops cleanly on SIGTERM to npm', {
    timeout: 360_000,
  }, async () => {
    const port = await freePort();
    const dynamoPort = await freePort();
    const { HOST: _host, ...env } = process.env;
    const child = spawn('npm', ['start', '--', '--fresh'], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), DYNAMODB_PORT: String(dynamoPort), KROM_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    try {
      const deadline = Date.now() + 280_000; // a fresh start and seed, with room for a busy machine
      while (!output.includes('Ctrl-C stops')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      // Neither the API nor DynamoDB Local (no authentication) listens beyond loopback.
      expect(listeningAddresses(port)).toEqual(expect.arrayContaining([expect.stringMatching(/127\.0\.0\.1$/)]));
      expect(listeningAddresses(port).every((a) => /(^|:)127\.0\.0\.1$/.test(a))).toBe(true);
      expect(listeningAddresses(dynamoPort).length).toBeGreaterThan(0);
      expect(listeningAddresses(dynamoPort).every((a) => /(^|:)127\.0\.0\.1$/.test(a))).toBe(true);

      const tokens = JSON.parse(readFileSync(`${dataDir}/demo-tokens.json`, 'utf8')) as {
        user: string;
        role: string;
        tenant: { type: string };
        token: string;
      }[];
      expect(tokens.map((t) => t.role).sort()).toEqual([
        'ADMIN',
        'COORDINATOR',
        'LOAN_OFFICER',
        'PRESIDENT',
        'SECRETARY',
        'STAFF',
        'TREASURER',
      ]);
      for (const t of tokens) expect(output).toContain(t.token);

      const ask = async (role: string, query: string) => {
        const token = tokens.find((t) => t.role === role)!.token;
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return (await r.json()) as { data: any; errors?: unknown[] };
      };
      const treasurer = await ask('TREASURER', '{ myGroups { name memberCount place { nameEn } } }');
      expect(treasurer.data.myGroups).toEqual([
        { name: 'ក្រុមជួយខ្លួនឯងតាតោក', memberCount: 16, place: { nameEn: 'Ta Taok' } },
      ]);
      // A year of meetings brings Ta Taok's savings to the seed story's 1,248,000 riel.
      const books = await ask(
        'TREASURER',
        '{ myGroups { books { balances { savings } } meetings(first: 100) { nodes { date presentCount } } } }',
      );
      expect(books.data.myGroups[0].books.balances.savings).toBe('1248000');
      expect(books.data.myGroups[0].meetings.nodes).toHaveLength(12);
      // The bank reads the group that granted it access; Ta Taok's request waits for its treasurer.
      const dir = await ask('LOAN_OFFICER', '{ groupDirectory(placeCode: "020902") { nodes { id name } } }');
      const oldest = dir.data.groupDirectory.nodes.find((g: any) => g.name === 'ក្រុមស្ត្រីកំពង់ល្ពៅ');
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      // The demo grant covers the last 12 months; the credit profile rests only on the range read.
      const yearAgo = new Date(Date.now() + 7 * 3600_000 - 360 * 86400_000).toISOString().slice(0, 10);
      const view = await ask(
        'LOAN_OFFICER',
        `{ bankView(groupId: "${oldest.id}", from: "${yearAgo}", to: "${today}") { savingsSummary { totalSavings } creditProfile { grade { eligible points grade indicators { key points } } meetings { medianDaysToRecord } } } }`,
      );
      expect(view.data.bankView.savingsSummary.totalSavings).toBe('2943700');
      // Its treasurer recorded each meeting two days after it: the books are up to date.
      expect(view.data.bankView.creditProfile.meetings.medianDaysToRecord).toBe(2);
      expect(view.data.bankView.creditProfile.grade).toMatchObject({ eligible: true });
      const waiting = await ask('TREASURER', '{ myGroups { accessRequests { state } } }');
      expect(waiting.data.myGroups[0].accessRequests).toEqual([{ state: 'PENDING' }]);
      // Rollups follow writes through the stream aggregator within seconds.
      let rollup: any;
      for (let i = 0; i < 60; i++) {
        rollup = (
          await ask('COORDINATOR', '{ myFederations { rollup { groups members byCurrency { currency savings } } } }')
        ).data.myFederations[0].rollup;
        if (rollup.groups === 2) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(rollup).toMatchObject({ groups: 2, members: 26 });
      expect(rollup.byCurrency).toEqual([{ currency: 'KHR', savings: String(868_000n + 612_000n) }]);
      const coordinator = await ask(
        'COORDINATOR',
        '{ myFederations { name groups { nodes { name } } dashboard { nodes { group { id name } par30BasisPoints needsAttention attentionReasons } } } }',
      );
      expect(coordinator.data.myFederations[0].groups.nodes).toHaveLength(2);
      // A realistic spread: healthy groups, one slipping (PAR30), one in trouble (no meetings, PAR30).
      const dashboard = coordinator.data.myFederations[0].dashboard.nodes as {
        group: { id: string; name: string };
        par30BasisPoints: number;
        needsAttention: boolean;
        attentionReasons: string[];
      }[];
      const slipping = dashboard.find((g) => g.group.name === 'ក្រុមជួយខ្លួនឯងកំពង់ក្ដី')!;
      const trouble = dashboard.find((g) => g.group.name === 'ក្រុមជួយខ្លួនឯងជីក្រែង')!;
      expect(slipping.attentionReasons).toEqual([expect.stringMatching(/^PAR30 is /)]);
      expect(trouble.attentionReasons).toEqual([
        expect.stringMatching(/^no meeting for \d+ days$/),
        expect.stringMatching(/^PAR30 is /),
      ]);
      const healthy = await ask(
        'TREASURER',
        '{ myGroups { books { par30BasisPoints balances { loansOutstanding } } } }',
      );
      expect(healthy.data.myGroups[0].books.par30BasisPoints).toBe(0);
      expect(Number(healthy.data.myGroups[0].books.balances.loansOutstanding)).toBeGreaterThan(0);
      // The bank reads a grade of each kind from the groups that granted it access.
      const grades: Record<string, string | null> = {};
      for (const g of [oldest, slipping.group, trouble.group]) {
        const read = await ask(
          'LOAN_OFFICER',
          `{ bankView(groupId: "${g.id}") { creditProfile { grade { grade eligible } suggestedLoan { ready } } } }`,
        );
        expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
        grades[g.name] = read.data.bankView.creditProfile.grade?.grade ?? null;
      }
      expect(Object.values(grades).sort()).toEqual(['A', 'B', 'C']);
      const bank = await ask('LOAN_OFFICER', '{ groupDirectory(placeCode: "02") { nodes { name memberCount } } }');
      expect(bank.data.groupDirectory.nodes).toHaveLength(3);
      const phnomPenh = await ask('ADMIN', '{ groupDirectory(placeCode: "1213") { nodes { name memberCount } } }');
      expect(phnomPenh.data.groupDirectory.nodes).toEqual([
        { name: 'Cambodia Women’s Support Group', memberCount: 15 },
      ]);

      // Every example in the README works as pasted, with the named user's token: the demo ids are stable.
      const examples = [...readFileSync(`${ROOT}README.md`, 'utf8').matchAll(/```graphql\n# as (\S+)\n([\s\S]*?)```/g)];
      expect(examples.length).toBeGreaterThanOrEqual(6);
      for (const [, user, query] of examples) {
        const token = tokens.find((t) => t.user === user)?.token;
        expect(token, `no demo token for ${user}`).toBeTruthy();
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const answer = (await r.json()) as { data: Record<string, unknown> | null; errors?: unknown[] };
        expect(answer.errors, `README example as ${user}:\n${query}`).toBeUndefined();
        for (const [field, value] of Object.entries(answer.data!)) expect(value, `${field} as ${user}`).not.toEqual([]);
      }
      const approved = await ask('TREASURER', '{ myGroups { accessRequests { state } grants { state } } }');
      expect(approved.data.myGroups[0]).toEqual({
        accessRequests: [{ state: 'APPROVED' }],
        grants: [{ state: 'ACTIVE' }],
      });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(await waitFor(() => javaProcessesFor(dataDir).length === 0, 10_000)).toBe(true);
  });

  it('recognises a DynamoDB Local left running by an earlier start, stops it and says so', {
    // A whole fresh start with its seed: twice what it takes on a quiet machine, as the full run's
    // other workers and a busy host can double it (seen: 116 s).
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(`${tmpdir()}/krom-leftover-`);
    const dynamoPort = await freePort();
    const port = await freePort();
    // A leftover as a crashed start would leave it: running, with its pid file, holding the port.
    const leftover = await startDynamoDbLocal({
      port: dynamoPort,
      dataDir: `${dir}/dynamodb`,
      pidFile: `${dir}/dynamodb.pid`,
    });
    try {
      // In a process group of its own, as in a terminal: closing the terminal hangs up the whole group.
      const child = spawn(process.execPath, [TSX, 'dev/start.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), DYNAMODB_PORT: String(dynamoPort), KROM_DATA_DIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((r) => child.once('exit', r));
      expect(await waitFor(() => output.includes('Ctrl-C stops') || child.exitCode !== null, 280_000)).toBe(true);
      expect(output).toContain(`Stopped the DynamoDB Local (pid`);
      expect(output).toContain(`port ${dynamoPort}) that an earlier npm start left running.`);
      process.kill(-child.pid!, 'SIGHUP');
      await exited;
      expect(await waitFor(() => javaProcessesFor(dir).length === 0, 10_000)).toBe(true);
    } finally {
      await leftover.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('DynamoDB Local stops by itself when the process that started it is killed', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(`${tmpdir()}/krom-orphan-`);
    const dynamoPort = await freePort();
    const script = `import('./dev/dynamodb-local.ts').then((m) => m.startDynamoDbLocal({ port: ${dynamoPort}, dataDir: '${dir}/dynamodb' })).then(() => console.log('ready'))`;
    const starter = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    starter.stdout.on('data', (d) => (output += d));
    starter.stderr.on('data', (d) => (output += d));
    try {
      expect(await waitFor(() => output.includes('ready'), 45_000)).toBe(true);
      expect(javaProcessesFor(dir)).toHaveLength(1);
      starter.kill('SIGKILL'); // no handler runs: only Java itself can notice
      expect(await waitFor(() => javaProcessesFor(dir).length === 0, 15_000)).toBe(true);
    } finally {
      for (const pid of javaProcessesFor(dir)) process.kill(Number(pid), 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in one line that Java 17+ is needed when java is missing', () => {
    const run = spawnSync(process.execPath, [TSX, 'dev/start.ts'], {
      cwd: ROOT,
      env: { PATH: '/nonexistent', KROM_DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Java 17\+ is needed .* `java` was not found/);
  });

  it('says which port is in use and how to choose another', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = spawnSync(process.execPath, [TSX, 'dev/start.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), KROM_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Port ${port} (the Krom API) is in use`);
      expect(run.stderr).toContain('PORT=<port>');
    } finally {
      busy.close();
    }
  });
});
