import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTextWorker } from '../../scripts/build-container-worker.mjs';

/*
 * The text worker runs from its own bundle, as in the app (electron.vite.config.ts); tests build
 * it once, with pdf.js and mammoth inside, and tell the code where it is.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-text-worker-'));
  process.env.RAPPORT_TEXT_WORKER = await buildTextWorker(resolve(import.meta.dirname, '../..'), dir);
  return () => rm(dir, { recursive: true, force: true });
}
