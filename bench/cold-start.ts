/**
 * Cold start: how long `import()` of each bundle takes in a fresh Node process (module scope is
 * where a Lambda initialises), Krom's API against the naive baseline, in alternating runs.
 */
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundleFunction, ROOT } from '../infra/bundling.ts';
import { atMost, median, reported, round, type Figure } from './stats.ts';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21);

/** The baseline, bundled with NodejsFunction's defaults (written .cjs: its asset folder has no "type": "module"): CommonJS, unminified, no source map, the AWS SDK left to the runtime. */
export function bundleBaseline(): string {
  const outfile = `${ROOT}bench/.out/baseline/index.cjs`;
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['bench/baseline/handler.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: false,
    sourcemap: false,
    external: ['@aws-sdk/*'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Milliseconds to import `file` (and so run its module scope) in a new Node process. */
function importTime(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    // What Lambda provides; the baseline's SDK resolves from node_modules as the runtime's copy would.
    env: {
      PATH: process.env.PATH,
      TABLE_NAME: 'bench',
      AWS_REGION: 'ap-southeast-1',
      STAGE: 'prod',
      NODE_PATH: `${ROOT}node_modules`,
    },
    cwd: ROOT,
    encoding: 'utf8',
  });
  return Number(out);
}

export function coldStart(): { figures: Figure[]; detail: string } {
  const krom = `${bundleFunction('api')}/index.mjs`;
  const baseline = bundleBaseline();
  importTime(krom); // warm the file cache for both, so neither pays for the disk
  importTime(baseline);
  const k: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    k.push(importTime(krom));
    b.push(importTime(baseline));
  }
  const mk = median(k);
  const mb = median(b);
  const how = `median of ${RUNS} alternating fresh-process imports`;
  const figures = [
    reported('cold start: Krom API import', mk, 'ms', how),
    reported('cold start: naive baseline import', mb, 'ms', how),
    atMost('cold start: Krom ÷ baseline', mk / mb, 'ratio', 0.7, `${how}; ratio of medians`),
    reported(
      'bundle size: Krom API (dist/api/index.mjs)',
      statSync(krom).size / 1024,
      'KiB',
      'minified ESM, AWS SDK bundled',
    ),
    reported(
      'bundle size: naive baseline',
      statSync(baseline).size / 1024,
      'KiB',
      'unminified CJS, AWS SDK external (loaded from the runtime)',
    ),
  ];
  return {
    figures,
    detail: `Krom runs (ms): ${k.map((x) => round(x, 1)).join(', ')}\nBaseline runs (ms): ${b.map((x) => round(x, 1)).join(', ')}`,
  };
}
