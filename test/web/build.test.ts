/**
 * Sweeps tier: the production build of the web app (what AWS serves) has no trace of the local
 * sign-in, and its first load stays small enough for a 2G phone.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, firstLoad } from '../../dev/web-app.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name));

describe('the production build', () => {
  const prod = mkdtempSync(join(tmpdir(), 'krom-web-prod-'));
  const local = mkdtempSync(join(tmpdir(), 'krom-web-local-'));
  beforeAll(async () => {
    await buildWebApp('production', prod);
    await buildWebApp('krom-local', local);
  }, 120_000);

  it('carries no trace of the local sign-in; the local build does', () => {
    const traces = ['/local/people', '/local/sign-in', 'signInLocalNote', 'ជ្រើសរើសមនុស្សដែលបានចុះឈ្មោះ'];
    const text = (dir: string) =>
      files(dir)
        .filter((f) => /\.(js|html|css|json)$/.test(f))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    const prodText = text(prod);
    for (const trace of traces) expect(prodText).not.toContain(trace);
    const localText = text(local);
    for (const trace of traces.slice(0, 2)) expect(localText).toContain(trace);
  });

  it('loads its page, script and styles in under 100 KB gzipped (the Khmer font apart)', () => {
    const { files, gzipBytes: bytes, fontBytes } = firstLoad(prod);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(fontBytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(100 * 1024);
  });
});
