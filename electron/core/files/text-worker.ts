import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { extractText } from './extract-text';
import type { TextAnswer, TextRequest } from './text-reader';

/*
 * The text worker, built as its own entry of the main bundle (electron.vite.config.ts) so that
 * pdf.js and mammoth parse here, under a capped heap, while the app's thread stays free (see
 * text-reader.ts for how it is started, reused and ended). It reads one file at a time, as it
 * is handed them, and answers each with its outcome; extractText never rejects. A stored file
 * is read here, and parsed only if its bytes still match their digest.
 */

async function answer(request: TextRequest): Promise<TextAnswer> {
  if ('bytes' in request) return extractText(request.bytes, request.mediaType);
  const bytes = await readFile(request.file.path).catch(() => null);
  if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== request.file.sha256) return { mismatch: true };
  return extractText(bytes, request.mediaType);
}

parentPort?.on('message', (request: TextRequest) => {
  void answer(request).then((outcome) => parentPort?.postMessage(outcome));
});
