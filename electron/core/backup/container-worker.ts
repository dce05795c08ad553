import { parentPort, workerData } from 'node:worker_threads';
import { ContainerRefused, readContainer, type ContainerReadInput } from './read-container';

/*
 * The backup worker for format 3 files, built as its own entry of the main bundle
 * (electron.vite.config.ts) so that it can load the tar and age libraries and the store's
 * validation: a backup is decrypted, unpacked and checked here, under a capped heap, while the
 * app's thread stays free (see container-reader.ts for how it is started).
 */

/** Set when the app's thread refused a document: the rest of the file no longer matters. */
let stopped = false;
parentPort?.on('message', (message: unknown) => {
  if (message === 'stop') stopped = true;
});

async function main(): Promise<void> {
  try {
    // Each batch of documents goes over as it is ready (transferred, not copied): the app checks
    // them while the rest is read. The answer comes last.
    const contents = await readContainer(
      workerData as ContainerReadInput,
      (batch) => parentPort?.postMessage({ batch }, [batch.bytes]),
      () => stopped,
    );
    parentPort?.postMessage({ ok: true, contents });
  } catch (error) {
    if (error instanceof ContainerRefused) parentPort?.postMessage({ ok: false, reason: error.refusal });
    else
      parentPort?.postMessage({
        ok: false,
        reason: 'io',
        detail: String((error as Error).message),
        code: (error as NodeJS.ErrnoException).code ?? null,
      });
  }
}

void main();
