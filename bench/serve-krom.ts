/** Krom's local server for the throughput benchmark: the app of `npm start`, on a table the parent built. */
import { serve } from '@hono/node-server';
import { createLocalApp } from '../dev/local-app.ts';

const { endpoint, table, publicJwk } = JSON.parse(process.env.KROM_BENCH!) as {
  endpoint: string;
  table: string;
  publicJwk: JsonWebKey;
};
const now = () => new Date('2026-11-22T03:00:00Z');
const { app } = createLocalApp({ endpoint, table, key: { publicJwk, privateJwk: {} as JsonWebKey } as never, now });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  process.stdout.write(`ready ${info.port}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
