/** `npm run bundle`: writes dist/<function>/index.mjs for every function, as infra deploys them. */
import { statSync } from 'node:fs';
import { bundleFunction, FUNCTIONS, type FunctionName } from './bundling.ts';

for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
  const dir = bundleFunction(name);
  const size = statSync(`${dir}/index.mjs`).size;
  console.log(`dist/${name}/index.mjs  ${(size / 1024).toFixed(0)} KiB`);
}
