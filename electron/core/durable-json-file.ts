import { createHash, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';

export class UnreadableDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableDocumentError';
  }
}

/** SHA-256 of a document's bytes on disk: how a backup knows the file still holds the document it read or wrote. */
export function contentDigest(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** contentDigest computed in the thread pool, for bulk work that should leave this thread free. */
export async function contentDigestInPool(bytes: Uint8Array): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes));
}

export interface ReadDocument<T> {
  data: T;
  /** The bytes it was parsed from. */
  bytes: Buffer;
}

/**
 * A lowdb adapter that writes durably (see writeFileDurably) and one write at a time.
 * lowdb's own JSONFile renames without fsync, which can leave an empty file after a power cut.
 * Besides the Adapter methods it reports the bytes it read and the digest of the bytes it wrote.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  readText(): Promise<string> {
    return readFile(this.file, 'utf8');
  }

  async readDocument(): Promise<ReadDocument<T> | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return { data: JSON.parse(bytes.toString('utf8')) as T, bytes };
    } catch {
      throw new UnreadableDocumentError(this.file, bytes.length === 0 ? 'the file is empty' : 'the file is not valid JSON');
    }
  }

  async read(): Promise<T | null> {
    return (await this.readDocument())?.data ?? null;
  }

  /** Writes `data` durably; resolves to the digest of the bytes now on disk. */
  writeDocument(data: T): Promise<Buffer> {
    const bytes = Buffer.from(JSON.stringify(data));
    const next = this.queue.then(async () => {
      await writeFileDurably(this.file, bytes);
      return contentDigest(bytes);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async write(data: T): Promise<void> {
    await this.writeDocument(data);
  }
}
