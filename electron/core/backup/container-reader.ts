import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerAnswer } from './worker-answer';
import type { ContainerContents, ContainerFailure, ContainerReadInput } from './read-container';

/** What the worker answers. */
export type ContainerWorkerResult =
  | { ok: true; contents: ContainerContents }
  | { ok: false; reason: ContainerFailure; detail: string | null }
  | { ok: false; reason: 'io'; detail: string; code: string | null };

/** Heap for the worker: the documents of the largest backup accepted and their parse fit; a file built to blow up does not. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 16, stackSizeMb: 4 };

/** Set by the test and benchmark set-ups, which build the worker the way the app's bundle does. */
const WORKER_ENV = 'RAPPORT_CONTAINER_WORKER';

/**
 * The bundled worker: beside the main bundle in the app (`out/main/container-worker.js`), or
 * where the environment says when running from source.
 */
export function containerWorkerPath(): string {
  const fromEnv = process.env[WORKER_ENV];
  if (fromEnv) return fromEnv;
  const beside = fileURLToPath(new URL('./container-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  throw new Error(`The backup worker is not built: set ${WORKER_ENV} (tests/setup/container-worker.ts builds it).`);
}

/** Thrown when the worker died (ran out of its heap, or any other way): the file is refused, the app goes on. */
export class ContainerWorkerDiedError extends Error {}

/** Reads a format 3 backup in the worker (read-container.ts). */
export function readContainerInWorker(input: ContainerReadInput): Promise<ContainerWorkerResult> {
  const worker = new Worker(containerWorkerPath(), { workerData: input, resourceLimits: RESOURCE_LIMITS, stdout: false, stderr: false });
  return workerAnswer(worker, (reason) => new ContainerWorkerDiedError(reason));
}
