/**
 * The browser tier: Playwright drives Debian's Chromium (apt-get install chromium fonts-khmeros;
 * Playwright cannot download its own browsers on these machines) against a whole `npm start` —
 * DynamoDB Local, the demo data, the built app — started fresh in a temporary directory on ports
 * of its own, so a developer's running Krom is never touched. Phone-sized, in Khmer.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium))
  throw new Error(
    `Chromium not found at ${chromium}: apt-get install -y chromium fonts-khmeros (or set CHROMIUM_PATH).`,
  );

const port = Number(process.env.KROM_E2E_PORT ?? 4310);
const dataDir = process.env.KROM_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'krom-e2e-'));
// Playwright loads this file in each worker too: the server's directory must stay the first one made.
process.env.KROM_E2E_DATA = dataDir;

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/browser',
  timeout: 90_000,
  // The tests share one stack and its demo data; each uses its own group, so order does not matter,
  // but two at once on a 2-core machine only slow each other down.
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'km-KH',
    timezoneId: 'Asia/Phnom_Penh',
    launchOptions: { executablePath: chromium, args: ['--no-sandbox'] },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node --import tsx dev/start.ts --fresh',
    cwd: '../..',
    url: `http://localhost:${port}/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DYNAMODB_PORT: String(port + 1),
      KROM_DATA_DIR: dataDir,
    },
  },
});
