import { Worker, type ResourceLimits } from 'node:worker_threads';
import { bundledWorkerPath } from '../worker-path';
import { readsTextOf, type TextOutcome, type UnreadableReason } from './extract-text';

/**
 * Heap for the worker: pdf.js on a 30 MB PDF and mammoth on a DOCX whose XML fills the 32 MB
 * bound fit; a file built to make a parser's structures grow without end does not, and ends the
 * worker instead of the app.
 */
export const TEXT_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};

/** How long the worker is kept once it has nothing to read: the files of one open come in a row. */
const IDLE_MS = 3_000;

/** The bundled worker, beside the main bundle in the app (`out/main/text-worker.js`). */
export function textWorkerPath(): string {
  return bundledWorkerPath(
    new URL('./text-worker.js', import.meta.url),
    'RAPPORT_TEXT_WORKER',
    'text worker',
    'tests/setup/text-worker.ts',
  );
}

/** An attached file in the data folder, by path and by the SHA-256 its bytes must have. */
export interface StoredFile {
  path: string;
  sha256: string;
}

/** What the worker is asked to read: bytes as given, or a stored file it reads and checks itself. */
export type TextRequest = { mediaType: string } & ({ bytes: Uint8Array } | { file: StoredFile });

/** The worker's answer: the outcome, or that the stored file is missing or no longer matches its digest. */
export type TextAnswer = TextOutcome | { mismatch: true };

export interface ReadOptions {
  /** Aborting it ends the worker: the file is `unreadable` as `too-slow`. */
  signal?: AbortSignal;
}

export interface TextReaderOptions {
  /** The worker's heap; tests lower it to end the worker sooner. */
  resourceLimits?: ResourceLimits;
}

/** Thrown by `read` once the reader is closed: the file was not read, and nothing is to be kept. */
export class TextReaderClosedError extends Error {}

/**
 * Reads files' text (extract-text.ts) in a worker thread, one file at a time in the order asked.
 * pdf.js and mammoth parse synchronously for seconds on a large file; here they do it off the
 * app's thread, with a heap of their own. One worker serves the files in a row and ends once idle.
 * A worker that dies (out of its heap, or any other way) or is ended for taking too long costs
 * only the file it was reading: that file is unreadable, and the next gets a fresh worker.
 */
export class TextReader {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: TextReaderOptions = {}) {}

  /**
   * The outcome for `bytes`, or for a stored file, of type `mediaType`; rejects only once the
   * reader is closed. A stored file is read by the worker: a gigabyte of attached files read into
   * fresh buffers on the app's thread made V8 collect the open practice's heap again and again
   * ("external memory pressure"), slowing everything else there for as long. Null when that file
   * is missing or no longer matches its digest: nothing was learned about its text.
   */
  read(bytes: Uint8Array, mediaType: string, options?: ReadOptions): Promise<TextOutcome>;
  read(file: StoredFile, mediaType: string, options?: ReadOptions): Promise<TextOutcome | null>;
  read(source: Uint8Array | StoredFile, mediaType: string, options: ReadOptions = {}): Promise<TextOutcome | null> {
    const request: TextRequest = source instanceof Uint8Array ? { bytes: source, mediaType } : { file: source, mediaType };
    const next = this.queue.then(() => this.readNow(request, options.signal));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the worker; a read under way rejects, and so does every read after. */
  async close(): Promise<void> {
    this.closed = true;
    await this.end();
  }

  private async readNow(request: TextRequest, signal: AbortSignal | undefined): Promise<TextOutcome | null> {
    if (this.closed) throw new TextReaderClosedError('The text reader is closed.');
    // Neither worth a worker's start: a type not read, and a file given up on already.
    if (!readsTextOf(request.mediaType)) return { state: 'none' };
    if (signal?.aborted) return unreadable('too-slow');
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = (this.worker ??= this.start());
    // Kept alive while it reads (a script awaiting the text must not exit), not while idle.
    worker.ref();
    const answer = await new Promise<TextAnswer | null>((resolve) => {
      const settle = (result: TextAnswer | null, end: boolean) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        if (end) void this.end(worker);
        resolve(result);
      };
      const onMessage = (message: TextAnswer) => settle(message, false);
      // Out of its heap, the file took too much to parse; any other death is the file's too.
      const onError = (error: Error & { code?: unknown }) =>
        settle(unreadable(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'damaged'), true);
      const onExit = () => settle(this.closed ? null : unreadable('damaged'), true);
      const onAbort = () => settle(unreadable('too-slow'), true);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(request);
    });
    if (answer === null) throw new TextReaderClosedError('The text reader is closed.');
    if (this.worker === worker) {
      worker.unref();
      this.idle = setTimeout(() => void this.end(worker), IDLE_MS);
      this.idle.unref();
    }
    return 'mismatch' in answer ? null : answer;
  }

  private start(): Worker {
    const worker = new Worker(textWorkerPath(), {
      resourceLimits: this.options.resourceLimits ?? TEXT_WORKER_LIMITS,
      stdout: true,
      stderr: true,
    });
    // Read and dropped: pdf.js warns as it loads that it cannot draw (no canvas in Node), which
    // reading text never needs; a worker's real failure arrives as its 'error' event.
    worker.stdout.resume();
    worker.stderr.resume();
    // A worker that dies between files (it should not) is replaced at the next read; its error
    // must not reach the app as an unhandled 'error' event.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  /** Ends `worker` (by default the current one); the next read starts a fresh one. */
  private async end(worker: Worker | null = this.worker): Promise<void> {
    if (this.worker === worker) {
      this.worker = null;
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
    }
    await worker?.terminate();
  }
}

function unreadable(reason: UnreadableReason): TextOutcome {
  return { state: 'unreadable', reason };
}
