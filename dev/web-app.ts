/**
 * The web app as npm start serves it: built by Vite in the local mode (with the local sign-in
 * page) into web/dist, then served by the same hono app as /graphql — one origin, so the app needs
 * no CORS and its CSP can say 'self'. In AWS, CloudFront serves the production build the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '#api/app.ts';
import { WEB_SECURITY_HEADERS } from '../web/security-headers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = `${root}web/dist`;

/** Builds the app for local use (a second or two); `mode` 'production' builds what AWS serves. */
export async function buildWebApp(mode: 'krom-local' | 'production' = 'krom-local', outDir = WEB_DIST): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: `${root}web/vite.config.ts`,
    mode,
    logLevel: 'warn',
    build: { outDir },
  });
}

/** Serves web/dist at /, every unknown path answered by the app's page (its router takes over). */
export function mountWebApp(app: Hono<AppEnv>, dist = WEB_DIST): void {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`the web app is not built: ${dist}/index.html is missing`);
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/graphql')) return;
    for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS)) c.res.headers.set(name, value);
    // The service worker and the page must be fresh so a new build reaches phones; hashed files never change.
    c.res.headers.set(
      'cache-control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  app.use('*', serveStatic({ root: dist }));
  app.get('*', serveStatic({ root: dist, path: 'index.html' }));
}

/**
 * What a phone downloads to open the app, from a build: the page and the scripts and styles it
 * links (gzipped, as served), and the Khmer font's WOFF2 files apart (cached with the app).
 */
export function firstLoad(dist: string): { files: string[]; gzipBytes: number; fontBytes: number } {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gzipBytes = [html, ...files.map((f) => readFileSync(`${dist}/${f}`))].reduce(
    (sum, content) => sum + gzipSync(content).length,
    0,
  );
  const fonts = readdirSync(`${dist}/assets`).filter((f) => f.startsWith('noto-sans-khmer') && f.endsWith('.woff2'));
  const fontBytes = fonts.reduce((sum, f) => sum + statSync(`${dist}/assets/${f}`).size, 0);
  return { files, gzipBytes, fontBytes };
}
