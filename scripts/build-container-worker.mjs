// Builds the format 3 backup worker (electron/core/backup/container-worker.ts) into one file, every
// dependency inside, for tests and benchmarks that run from source; the app's bundle has its own entry.
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the worker into `outDir` and returns the file's path. */
export async function buildContainerWorker(root, outDir) {
  const outfile = join(outDir, 'container-worker.mjs');
  await build({
    entryPoints: [join(root, 'electron/core/backup/container-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies (tar-stream) require Node's modules; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
