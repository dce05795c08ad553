import type { AttachedDocument } from '../../../shared/model/document-file';
import { readsTextOf, type TextOutcome } from './extract-text';
import { storedFilePath } from './file-store';
import { TextReader, type TextReaderOptions } from './text-reader';
import { cachedTexts, readCachedText, sweepCachedTexts, writeCachedText } from './text-cache';

/** Files larger than this are not read for their text: a 100 MB scan holds no text to find. */
export const MAX_EXTRACT_BYTES = 30 * 1024 * 1024;

/** How long one file may take to give its text; then its worker is ended. */
export const EXTRACT_TIME_LIMIT_MS = 20_000;

let extractions = 0;

/** How many files have been parsed for their text in this process (tests count re-extractions). */
export function extractionsSoFar(): number {
  return extractions;
}

export interface DocumentTextsOptions {
  /** Every digest some client document names now: texts of any other file are forgotten and uncached. */
  referenced: () => ReadonlySet<string>;
  /** Called each time a text is found. */
  onText?: () => void;
  /** The text worker's options (tests lower its heap). */
  reader?: TextReaderOptions;
}

/**
 * The text of stored files, keyed by digest, found in the background one file at a time, in a
 * worker thread (text-reader.ts), so that search finds a CV by the skills it mentions. Each
 * outcome is cached on disk (text-cache.ts): a file is parsed once, not on every open or restore. A file whose bytes no longer match their
 * digest, or cannot be read, has no text and is not cached (it may be recovered).
 */
export class DocumentTexts {
  private readonly outcomes = new Map<string, TextOutcome>();
  private running: Promise<void> = Promise.resolve();
  /** Cache writes and sweeps, one at a time, so that a text written as its file goes is swept too. */
  private cacheGate: Promise<unknown> = Promise.resolve();
  /** The digests cached on disk, once listed. */
  private onDisk: Set<string> | null = null;
  private closed = false;
  private readonly reader: TextReader;
  /** Counts the texts found so far; an index built at an older count may be missing some. */
  version = 0;

  constructor(
    private readonly dataDir: string,
    private readonly options: DocumentTextsOptions,
  ) {
    this.reader = new TextReader(options.reader);
  }

  textOf(sha256: string): string | undefined {
    const outcome = this.outcomes.get(sha256);
    if (!outcome) return undefined;
    return outcome.state === 'text' ? outcome.text : '';
  }

  /** What reading a file found (`none`: no text in it, e.g. a scan), or undefined until it is read. */
  outcomeOf(sha256: string): TextOutcome | undefined {
    return this.outcomes.get(sha256);
  }

  /**
   * Forgets what reading a file found, so that the next `extract` reads it again: a file recovered
   * from a backup was `damaged` (and not cached) while its bytes were wrong.
   */
  forget(sha256: string): void {
    this.outcomes.delete(sha256);
  }

  /** Starts reading the files of these clients not read yet; resolves once all are done. */
  extract(clients: readonly { documents: readonly Pick<AttachedDocument, 'sha256' | 'mediaType' | 'size'>[] }[]): Promise<void> {
    const pending = new Map<string, { mediaType: string; size: number }>();
    for (const client of clients) {
      for (const attached of client.documents) {
        if (!this.outcomes.has(attached.sha256)) pending.set(attached.sha256, attached);
      }
    }
    this.running = this.running.then(async () => {
      if (this.closed) return;
      await this.forgetUnreferenced();
      for (const [sha256, attached] of pending) {
        if (this.closed || this.outcomes.has(sha256)) continue;
        const outcome = await this.outcomeFor(sha256, attached);
        if (!outcome) continue;
        this.outcomes.set(sha256, outcome);
        this.version += 1;
        this.options.onText?.();
      }
    });
    return this.running;
  }

  /**
   * Drops the texts of files no client names any more, from memory and from the disk, durably.
   * Erasing a client calls this once its files are gone.
   */
  forgetUnreferenced(): Promise<void> {
    return this.gated(async () => {
      const referenced = this.options.referenced();
      for (const sha256 of this.outcomes.keys()) if (!referenced.has(sha256)) this.outcomes.delete(sha256);
      if (this.onDisk !== null && [...this.onDisk].every((sha256) => referenced.has(sha256))) return;
      // The first time, also what an interrupted write left.
      await sweepCachedTexts(this.dataDir, referenced);
      this.onDisk = new Set(await cachedTexts(this.dataDir));
    });
  }

  private gated<T>(task: () => Promise<T>): Promise<T> {
    const next = this.cacheGate.then(task);
    this.cacheGate = next.catch(() => undefined);
    return next;
  }

  private async outcomeFor(sha256: string, attached: { mediaType: string; size: number }): Promise<TextOutcome | null> {
    // Neither read nor cached: an image or an archive costs nothing to look up.
    if (!readsTextOf(attached.mediaType)) return { state: 'none' };
    const cached = await readCachedText(this.dataDir, sha256);
    if (cached) return cached;
    let outcome: TextOutcome;
    if (attached.size > MAX_EXTRACT_BYTES) outcome = { state: 'unreadable', reason: 'too-large' };
    else {
      let read: TextOutcome | null;
      try {
        // The worker reads the file itself (text-reader.ts says why) and checks it against its digest.
        read = await this.reader.read({ path: storedFilePath(this.dataDir, sha256), sha256 }, attached.mediaType, {
          signal: AbortSignal.timeout(EXTRACT_TIME_LIMIT_MS),
        });
      } catch (error) {
        // Closed while reading, or the worker could not start: nothing is known, nothing is kept.
        if (!this.closed) console.error('[rapport] reading a document’s text failed:', error);
        return null;
      }
      if (read === null) return { state: 'unreadable', reason: 'damaged' };
      extractions += 1;
      outcome = read;
    }
    await this.gated(async () => {
      // A file dropped while it was read leaves no text behind.
      if (this.closed || !this.options.referenced().has(sha256)) return;
      await writeCachedText(this.dataDir, sha256, outcome);
      this.onDisk?.add(sha256);
    }).catch((error: unknown) => {
      // Search still has the text; the next open reads the file again.
      console.error('[rapport] keeping a document’s text for search failed:', error);
    });
    return outcome;
  }

  /** Stops reading: the worker is ended, and a file read meanwhile leaves no text behind. */
  close(): void {
    this.closed = true;
    void this.reader.close();
  }
}
