import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildContainerWorker } from '../../scripts/build-container-worker.mjs';

/*
 * The format 3 backup worker runs from its own bundle, as in the app (electron.vite.config.ts);
 * tests build it once, with every dependency inside, and tell the code where it is.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-worker-'));
  process.env.RAPPORT_CONTAINER_WORKER = await buildContainerWorker(resolve(import.meta.dirname, '../..'), dir);
  return () => rm(dir, { recursive: true, force: true });
}
