/**
 * Krom's own per-request cost without any HTTP server: the trivial query through Krom's app and
 * through yoga mounted in hono the same way, called in-process (`app.request`), alternating.
 * This isolates what the target is about — auth, policy and plugins — from the Node HTTP adapter.
 */
import { Hono } from 'hono';
import { bareYoga } from './bare-yoga.ts';
import type { BenchWorld } from './data.ts';
import { median, reported, type Figure } from './stats.ts';

const N = 2000;
const ROUNDS = 5;

export async function inProcess(w: BenchWorld, query: string): Promise<Figure[]> {
  const yoga = bareYoga();
  const bare = new Hono().on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw));
  const body = JSON.stringify({ query });
  const perRequest = async (
    app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
    token?: string,
  ) => {
    const t = performance.now();
    for (let i = 0; i < N; i++) {
      const r = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      if (r.status !== 200) throw new Error(`in-process bench got ${r.status}: ${await r.text()}`);
      await r.text();
    }
    return (performance.now() - t) / N;
  };
  await perRequest(bare);
  await perRequest(w.app, w.token.treasurer);
  const b: number[] = [];
  const k: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    b.push(await perRequest(bare));
    k.push(await perRequest(w.app, w.token.treasurer));
  }
  const how = `${N} sequential in-process requests a round, median of ${ROUNDS} alternating rounds`;
  return [
    reported('in-process: yoga in hono, trivial query', 1000 / median(b), 'req/s', how),
    reported('in-process: Krom app, trivial query', 1000 / median(k), 'req/s', how),
    reported(
      "in-process: Krom ÷ yoga in hono (Krom's own auth, policy and plugins)",
      median(b) / median(k),
      'ratio',
      how,
    ),
  ];
}
