/**
 * cognito-local (an emulator of the Cognito user pool API, from npm) on a free port, in a
 * temporary directory of its own, with one user pool made like the stack's: the phone number is
 * the username. Started by the test files that test the Cognito path; stopped after them.
 */
import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../dev/dynamodb-local.ts';

export interface CognitoLocal {
  endpoint: string;
  userPoolId: string;
  client: CognitoIdentityProviderClient;
  stop(): void;
}

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'krom-cognito-'));
  const bin = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const child = spawn(process.execPath, [bin], {
    cwd: dir, // it keeps its pools in ./.cognito
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<void>((ok, fail) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Cognito Local running')) ok();
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.once('exit', (code) => fail(new Error(`cognito-local exited (${code}): ${output}`)));
  });
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  const timeout = setTimeout(() => child.kill(), 30_000);
  try {
    await started;
  } catch (error) {
    stop();
    throw error;
  } finally {
    clearTimeout(timeout);
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pool = await client.send(
    new CreateUserPoolCommand({ PoolName: 'krom-test', UsernameAttributes: ['phone_number'] }),
  );
  return { endpoint, userPoolId: pool.UserPool!.Id!, client, stop };
}
