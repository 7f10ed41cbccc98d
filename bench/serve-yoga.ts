/**
 * Bare graphql-yoga (bare-yoga.ts) served for the throughput benchmark. BENCH_SERVER=node
 * serves it on node:http (yoga's own adapter); BENCH_SERVER=hono mounts it in hono on
 * @hono/node-server exactly as Krom is mounted, to tell the adapter's cost from Krom's own.
 */
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bareYoga } from './bare-yoga.ts';

const yoga = bareYoga();
const ready = (port: number) => process.stdout.write(`ready ${port}\n`);
if (process.env.BENCH_SERVER === 'hono') {
  const app = new Hono().on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const server = createServer(yoga);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    ready(typeof address === 'object' && address ? address.port : 0);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
