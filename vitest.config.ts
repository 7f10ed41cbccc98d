import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/sequencer.ts';

/**
 * Three tiers (README, "Test"):
 * - unit: pure code — core rules, the policy, tokens, the contract's examples. No database; one
 *   thread pool without per-file isolation, since nothing here keeps state between files.
 * - integration: the API and the store against DynamoDB Local, each file on its own table.
 * - sweeps: the authorisation matrix, injected faults, fuzzing, `npm start` end to end, CDK and
 *   cdk-nag — slow because they try everything.
 * `npm run test:fast` runs the first two; `npm test` (and CI) all three.
 */
const SWEEPS = [
  'test/api/authorization-matrix.test.ts',
  'test/api/faults.test.ts',
  'test/api/fuzz.test.ts',
  'test/dev/start.test.ts',
  'test/infra/**/*.test.ts',
  'test/web/build.test.ts',
];
const UNIT = [
  'test/core/**/*.test.ts',
  'test/auth/**/*.test.ts',
  'test/api/operations.test.ts',
  'test/store/keys.test.ts',
  'test/store/records.test.ts',
  'test/dev/codegen.test.ts',
  'test/jobs/**/*.test.ts',
  // Every pure test of the app's rules (the build test is a sweep).
  'test/web/**/*.test.ts',
];

export default defineConfig({
  test: {
    // Three workers on these 2-core machines: the integration files spend much of their time
    // waiting on DynamoDB Local (another process), so a third file keeps both cores busy
    // (measured: test:fast 2m27s with vitest's default of one, 1m40s with three, 1m49s with four).
    maxWorkers: 3,
    // .ci/run asks for a JSON report beside the usual one (it prints the slowest files from it).
    ...(process.env.KROM_TEST_REPORT
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.KROM_TEST_REPORT } }
      : {}),
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Injected faults and denied cases log internal errors and count refusals by the hundred: keep
    // the run's output readable. The tests of logging and metrics turn them back on for themselves.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_SERVICE_NAME: 'krom-test' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: SWEEPS, pool: 'threads', isolate: false } },
      // One DynamoDB Local per tier that needs one; each test file makes its own table in it.
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/api/**/*.test.ts',
            'test/store/**/*.test.ts',
            'test/dev/bootstrap-admin.test.ts',
            'test/dev/local-sign-in.test.ts',
          ],
          exclude: [...SWEEPS, ...UNIT],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      { extends: true, test: { name: 'sweeps', include: SWEEPS, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
