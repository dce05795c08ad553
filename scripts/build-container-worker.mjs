// Builds the app's worker threads — the format 3 backup worker (electron/core/backup/container-worker.ts)
// and the text worker (electron/core/files/text-worker.ts) — each into one file, every dependency
// inside, for tests and benchmarks that run from source; the app's bundle has an entry for each.
import { join } from 'node:path';
import { build } from 'esbuild';

async function buildWorker(root, outDir, entry, name) {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS dependencies (tar-stream, mammoth) require Node's modules; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles the backup worker into `outDir` and returns the file's path. */
export function buildContainerWorker(root, outDir) {
  return buildWorker(root, outDir, 'electron/core/backup/container-worker.ts', 'container-worker');
}

/** Bundles the text worker into `outDir` and returns the file's path. */
export function buildTextWorker(root, outDir) {
  return buildWorker(root, outDir, 'electron/core/files/text-worker.ts', 'text-worker');
}
