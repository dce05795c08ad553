import type { Worker } from 'node:worker_threads';

/**
 * The one answer a backup worker posts, then the worker is ended. A worker that dies first
 * (out of its heap, or any other way) rejects with `died(reason)`: the file is refused, the app
 * goes on. Shared by the JSON backup worker and the format 3 container worker.
 */
export function workerAnswer<T>(worker: Worker, died: (reason: string) => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: T) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(died(error.message));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(died(`the backup worker stopped (${code})`));
    });
  });
}
