import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file makes its own table in it.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Injected faults and denied cases log internal errors and count refusals by the hundred: keep
    // the run's output readable. The tests of logging and metrics turn them back on for themselves.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_SERVICE_NAME: 'krom-test' },
    hookTimeout: 120_000,
  },
});
