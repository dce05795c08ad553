import { randomBytes } from 'node:crypto';
import { close, closeSync, fsync, openSync, writeSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const TEMP_MARKER = '.tmp-';

/**
 * What a durable write puts in a file: text, bytes, bytes in pieces (written in order, never
 * joined in memory), or a stream of bytes written as it comes (a backup larger than memory).
 */
export type FileContent = string | Uint8Array | readonly Uint8Array[] | AsyncIterable<Uint8Array>;

/** Flushes a directory entry (a rename) to disk. Windows cannot open directories; it journals renames itself. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A stream written to a file is flushed to disk in the background every time this many more bytes
 * were written since the last flush began.
 */
export const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Writes a stream as it comes, starting a flush of what is written so far (fdatasync, in the
 * thread pool, at most one at a time) every FLUSH_EVERY_BYTES. Why: Linux only starts writing
 * dirty pages back once they exceed a share of RAM (gigabytes on a coach's computer), so without
 * it a 1 GiB backup would first fill the page cache while its producer hashes and packs, and only
 * then make the disk work, all of it in the final fsync. Flushing on the way lets the disk work
 * while the producer does; the final fsync only has the tail left. Measured on a 1 GiB backup:
 * 2.4–2.8 s without, 1.8–2.2 s with it; 8 and 128 MiB did no better than 32 (bench/README.md).
 * A failed flush fails the write, at the end at the latest.
 */
async function writeStream(handle: FileHandle, content: AsyncIterable<Uint8Array>): Promise<void> {
  const flusher = flushingAsWritten(handle);
  for await (const chunk of content) {
    await handle.writeFile(chunk);
    flusher.written(chunk.byteLength);
  }
  await flusher.done();
}

/**
 * Counts the bytes written through `handle` and starts a flush (fdatasync, one at a time) each
 * time `every` more were written; `done` waits for the last one and throws a failed one's error.
 * Shared with the benchmark's copy, which flushes the same way to compare like with like.
 */
export function flushingAsWritten(handle: FileHandle, every = FLUSH_EVERY_BYTES) {
  let sinceFlush = 0;
  let flushing: Promise<void> | null = null;
  return {
    written(bytes: number): void {
      sinceFlush += bytes;
      if (sinceFlush < every || flushing !== null) return;
      sinceFlush = 0;
      const flush: Promise<void> = handle.datasync().then(() => {
        flushing = null;
      });
      // Awaited in `done`; should the write fail first, the handle's close waits for it and its error is moot.
      flush.catch(() => undefined);
      flushing = flush;
    },
    done(): Promise<void> {
      return flushing ?? Promise.resolve();
    },
  };
}

/**
 * Writes `content` through `handle` at its current position. Pieces go to one writev call, so
 * the whole file is written in the thread pool without waiting for the JavaScript thread in between.
 */
async function writeContent(handle: FileHandle, content: FileContent): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    await handle.writeFile(content);
    return;
  }
  if (Symbol.asyncIterator in content) {
    await writeStream(handle, content);
    return;
  }
  const expected = content.reduce((sum, piece) => sum + piece.byteLength, 0);
  const { bytesWritten } = await handle.writev(content as Uint8Array[]);
  if (bytesWritten < expected) await writeRemainder(handle, content, bytesWritten);
}

/** Finishes a writev that stopped short (a signal, a quota), piece by piece. */
async function writeRemainder(handle: FileHandle, pieces: readonly Uint8Array[], alreadyWritten: number): Promise<void> {
  let skip = alreadyWritten;
  for (const piece of pieces) {
    if (skip >= piece.byteLength) {
      skip -= piece.byteLength;
      continue;
    }
    await handle.writeFile(piece.subarray(skip));
    skip = 0;
  }
}

/** A file written and fsynced under a temp name beside its target, not yet in place. */
export interface PreparedFile {
  /** Renames it over the target and fsyncs the directory: from then on the target holds the new bytes. */
  commit(): Promise<void>;
  /** Removes the temp file; the target was never touched. */
  discard(): Promise<void>;
}

/** The first half of writeFileDurably: write `content` to a unique temp file beside `target` and fsync it. */
export async function prepareFileDurably(target: string, content: FileContent): Promise<PreparedFile> {
  const dir = dirname(target);
  const temp = join(dir, `${basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  const discard = () =>
    rm(temp, { force: true }).then(
      () => undefined,
      () => undefined,
    );
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await writeContent(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    async commit() {
      try {
        await rename(temp, target);
      } catch (error) {
        await discard();
        throw error;
      }
      await fsyncDirectory(dir);
    },
    discard,
  };
}

/**
 * Replaces `target` so that after a crash it holds either the old or the new bytes, never a mix:
 * write a uniquely named temp file beside it, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileDurably(target: string, content: FileContent): Promise<void> {
  await (await prepareFileDurably(target, content)).commit();
}

/**
 * Writes `bytes` to a file that must not exist yet (a staging folder's), fsynced; the folder's
 * own fsync is the caller's, once for all the files it stages.
 */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A new file (one that must not exist yet: a staging folder's) created and written on the calling
 * thread, which it blocks meanwhile, and fsynced in the thread pool; for a worker thread only.
 *
 * Why: a restore stages a thousand files, and each fsync holds one of the pool's four threads until
 * the disk has the file. Asked of the pool, every open, write and read of the restore queued behind
 * those fsyncs: restoring the ten-year practice into an empty data folder, the backup worker waited
 * 1.5–1.9 s of its ~3.5 s for its reads alone, with the disk and both cores half idle. Written from
 * the worker's own thread, the bytes reach the page cache at memory speed, and only the fsyncs,
 * which are what make the disk work, queue in the pool (bench/README.md, runs of 2026-12-02).
 */
export class SyncWrittenFile {
  private fd: number | null;

  private constructor(fd: number) {
    this.fd = fd;
  }

  /** Creates `path` (failing if it exists), readable by this user only. */
  static create(path: string): SyncWrittenFile {
    return new SyncWrittenFile(openSync(path, 'wx', FILE_MODE));
  }

  /** Appends `bytes`, all of them, before it returns: the caller may reuse them at once. */
  write(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error('the file is closed');
    for (let at = 0; at < bytes.byteLength;) at += writeSync(this.fd, bytes, at, bytes.byteLength - at);
  }

  /** Fsyncs and closes the file in the thread pool; it is closed whether or not the fsync succeeds. */
  finish(): Promise<void> {
    const fd = this.fd;
    if (fd === null) return Promise.reject(new Error('the file is closed'));
    this.fd = null;
    return new Promise((resolve, reject) =>
      fsync(fd, (syncError) =>
        close(fd, (closeError) => {
          const error = syncError ?? closeError;
          if (error) reject(error);
          else resolve();
        }),
      ),
    );
  }

  /** Closes the file without its fsync (a write failed, and the caller removes it); nothing once `finish` began. */
  abandon(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      closeSync(fd);
    } catch {
      // Closing is all that is left to do with it.
    }
  }
}
