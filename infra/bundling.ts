/**
 * How every Lambda function is bundled — one definition used both by the CDK app (at synth) and by
 * `npm run bundle`, so what is tested locally is byte-for-byte what deploys.
 * Minified ESM for Node 22 on arm64, source maps beside the bundle, AWS SDK bundled (pinned and
 * tree-shaken rather than the runtime's copy).
 */
import { buildSync, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every function Krom deploys: its name (dist/<name>/index.mjs) and its entry module. */
export const FUNCTIONS = {
  api: 'functions/api/lambda.ts',
  aggregator: 'functions/aggregator/lambda.ts',
  daily: 'functions/jobs/lambda.ts',
  maintenance: 'functions/jobs/maintenance.ts',
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export function esbuildOptions(name: FunctionName): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [FUNCTIONS[name]],
    outdir: `dist/${name}`,
    entryNames: 'index',
    outExtension: { '.js': '.mjs' },
    // Code imported with import() (the Cognito client, used only to invite someone) goes into its
    // own chunk beside index.mjs, so a cold start neither parses nor compiles it.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    // Some dependencies still call require(); give ESM bundles a real one.
    banner: {
      js: "import { createRequire as __krom_createRequire } from 'node:module'; const require = __krom_createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  };
}

const built = new Set<FunctionName>();

/** Bundles one function into dist/<name>/ (once per process) and returns that directory. */
export function bundleFunction(name: FunctionName): string {
  if (!built.has(name)) {
    buildSync(esbuildOptions(name));
    built.add(name);
  }
  return `${ROOT}dist/${name}`;
}

let webBuilt = false;

/**
 * Builds the web app as AWS serves it (Vite's production mode: Cognito sign-in, no local page)
 * into dist/web, once per process, and returns that directory. Synchronous, like the functions'
 * bundles, so the CDK app stays a plain script.
 */
export function buildWeb(): string {
  const outDir = `${ROOT}dist/web`;
  if (!webBuilt) {
    execFileSync(
      process.execPath,
      [
        `${ROOT}node_modules/vite/bin/vite.js`,
        'build',
        '--config',
        'web/vite.config.ts',
        '--mode',
        'production',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    webBuilt = true;
  }
  return outDir;
}
