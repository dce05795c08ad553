import { createHash, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from './durable-write';
import { parseJsonBytes } from './json-bytes';

export class UnreadableDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableDocumentError';
  }
}

/*
 * The three shapes a document takes on its way between memory and disk:
 * - DocumentBytes: a document with the bytes it was parsed from (a file, a backup), or null when
 *   it has none yet and must be serialised;
 * - HeldDocument: a document as written or read, with the digest of the bytes now on disk;
 * - StoredDocument: a HeldDocument with its file, as the store holds it and a backup reads it.
 */

export interface DocumentBytes<T> {
  data: T;
  bytes: Uint8Array | null;
}

export interface HeldDocument<T> {
  data: T;
  /** SHA-256 of the file's bytes when `data` was last read from or written to it (pending for a while after open). */
  digest: Buffer | Promise<Buffer>;
}

export interface StoredDocument<T> extends HeldDocument<T> {
  path: string;
}

/** SHA-256 of a document's bytes on disk: how a backup knows the file still holds the document it read or wrote. */
export function contentDigest(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** contentDigest computed in the thread pool, for bulk work that should leave this thread free. */
export async function contentDigestInPool(bytes: Uint8Array): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes));
}

/**
 * Reads and parses one JSON document with the bytes it came from; null when there is no file.
 * A file that is empty or not JSON throws UnreadableDocumentError.
 */
export async function readJsonDocument<T>(file: string): Promise<(DocumentBytes<T> & { bytes: Buffer }) | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { data: parseJsonBytes(bytes) as T, bytes };
  } catch {
    throw new UnreadableDocumentError(file, bytes.length === 0 ? 'the file is empty' : 'the file is not valid JSON');
  }
}

/**
 * Writes `data` as JSON durably (see writeFileDurably); resolves to the digest of the bytes now
 * on disk. lowdb's JSONFile renames without fsync, which can leave an empty file after a power
 * cut; this is why the store does not use it. Callers run one write at a time per file (the
 * store's per-key queue).
 */
export async function writeJsonDocument<T>(file: string, data: T): Promise<Buffer> {
  const bytes = Buffer.from(JSON.stringify(data));
  await writeFileDurably(file, bytes);
  return contentDigest(bytes);
}
