// Runs a TypeScript entry point of the benchmark in plain Node: esbuild bundles it (dependencies
// stay external, as in the app's own build) and a child Node runs the bundle with --expose-gc.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildContainerWorker, buildTextWorker } from '../scripts/build-container-worker.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node bench/run.mjs <entry.ts> [arguments…]');
  process.exit(2);
}
const buildDir = join(dirname(fileURLToPath(import.meta.url)), 'results', '.build');
mkdirSync(buildDir, { recursive: true });
const outfile = join(buildDir, `${basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
// The format 3 backup worker and the text worker run from their own bundles, as in the app.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const worker = await buildContainerWorker(root, buildDir);
const textWorker = await buildTextWorker(root, buildDir);
const child = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...args], {
  stdio: 'inherit',
  env: { ...process.env, RAPPORT_CONTAINER_WORKER: worker, RAPPORT_TEXT_WORKER: textWorker },
});
process.exit(child.status ?? 1);
