import { Worker } from 'node:worker_threads';
import { bundledWorkerPath } from '../worker-path';
import type { ContainerContents, ContainerFailure, ContainerReadInput, DocumentBatch } from './read-container';

/** What the worker answers. */
export type ContainerWorkerResult =
  | { ok: true; contents: ContainerContents }
  | { ok: false; reason: ContainerFailure }
  | { ok: false; reason: 'io'; detail: string; code: string | null };

/** Heap for the worker: the documents of the largest backup accepted and their parse fit; a file built to blow up does not. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 16, stackSizeMb: 4 };

/** The bundled worker, beside the main bundle in the app (`out/main/container-worker.js`). */
export function containerWorkerPath(): string {
  return bundledWorkerPath(
    new URL('./container-worker.js', import.meta.url),
    'RAPPORT_CONTAINER_WORKER',
    'backup worker',
    'tests/setup/container-worker.ts',
  );
}

/** Thrown when the worker died (ran out of its heap, or any other way): the file is refused, the app goes on. */
export class ContainerWorkerDiedError extends Error {}

/**
 * Reads a format 3 backup in the worker (read-container.ts). `onBatch` takes each batch of
 * documents as the worker hands it over, before the answer; when it throws, the worker is told to
 * stop at its next entry and let finish that (it may be writing into the staging folder), and the
 * read rejects with that error.
 */
export function readContainerInWorker(
  input: ContainerReadInput,
  onBatch: (batch: DocumentBatch) => void = () => undefined,
): Promise<ContainerWorkerResult> {
  const worker = new Worker(containerWorkerPath(), { workerData: input, resourceLimits: RESOURCE_LIMITS, stdout: false, stderr: false });
  return new Promise((resolve, reject) => {
    let settled = false;
    let failure: Error | null = null;
    worker.on('message', (message: ContainerWorkerResult | { batch: DocumentBatch }) => {
      if (settled) return;
      if ('batch' in message) {
        if (failure !== null) return;
        try {
          onBatch(message.batch);
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
          worker.postMessage('stop');
        }
        return;
      }
      settled = true;
      if (failure === null) resolve(message);
      else reject(failure);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(new ContainerWorkerDiedError(error.message));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new ContainerWorkerDiedError(`the backup worker stopped (${code})`));
    });
  });
}
