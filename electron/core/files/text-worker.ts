import { parentPort } from 'node:worker_threads';
import { extractText } from './extract-text';

/*
 * The text worker, built as its own entry of the main bundle (electron.vite.config.ts) so that
 * pdf.js and mammoth parse here, under a capped heap, while the app's thread stays free (see
 * text-reader.ts for how it is started, reused and ended). It reads one file at a time, as it
 * is handed them, and answers each with its outcome; extractText never rejects.
 */

parentPort?.on('message', (request: { bytes: Uint8Array; mediaType: string }) => {
  void extractText(request.bytes, request.mediaType).then((outcome) => parentPort?.postMessage(outcome));
});
