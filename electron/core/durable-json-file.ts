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

/**
 * A lowdb adapter that writes durably (see writeFileDurably) and one write at a time.
 * lowdb's own JSONFile renames without fsync, which can leave an empty file after a power cut.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  readText(): Promise<string> {
    return readFile(this.file, 'utf8');
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.readText();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UnreadableDocumentError(this.file, text.length === 0 ? 'the file is empty' : 'the file is not valid JSON');
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeFileDurably(this.file, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
