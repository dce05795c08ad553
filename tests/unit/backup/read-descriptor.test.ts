import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { open, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_CHUNK } from '../../../electron/core/backup/read-buffers';
import { readDescriptor } from '../../../electron/core/backup/read-container';
import { SyncWrittenFile } from '../../../electron/core/durable-write';
import { tempDir } from '../../helpers/temp-dir';

/** Everything `readDescriptor` hands on, each chunk copied as it comes (as the tar reader's entries do). */
async function readAll(path: string, size: number, reuse: boolean): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of readDescriptor(handle.fd, size, reuse)) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

describe('reading a backup file by position', () => {
  it.each([0, 1, READ_CHUNK - 1, READ_CHUNK, 12 * READ_CHUNK + 5])('hands on every byte of a file of %i bytes, in order', async (size) => {
    const path = join(await tempDir(), 'backup');
    const bytes = randomBytes(size);
    await writeFile(path, bytes);
    for (const reuse of [true, false]) expect((await readAll(path, size, reuse)).equals(bytes), `reuse: ${reuse}`).toBe(true);
  });

  it('stops where a file shorter than its size at opening ends, with the bytes it holds', async () => {
    const path = join(await tempDir(), 'backup');
    const bytes = randomBytes(3 * READ_CHUNK + 100);
    await writeFile(path, bytes);
    expect((await readAll(path, 6 * READ_CHUNK, true)).equals(bytes)).toBe(true);
  });

  // The backup worker reads the backup and writes the staged files on its own thread, so that none
  // of it waits behind the staged files' fsyncs in the thread pool (SyncWrittenFile).
  it.skipIf(process.platform === 'win32')('reads the file and writes a new one while every thread of the pool is busy', async () => {
    const dir = await tempDir();
    const path = join(dir, 'backup');
    const bytes = randomBytes(5 * READ_CHUNK + 7);
    await writeFile(path, bytes);
    const fd = openSync(path, 'r');
    // Each open of a FIFO with no writer holds a thread of the pool until one comes.
    const fifos = Array.from({ length: Number(process.env.UV_THREADPOOL_SIZE ?? 4) }, (_, index) => join(dir, `fifo-${index}`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const held: Promise<FileHandle>[] = fifos.map((fifo) => open(fifo, 'r'));
    let released = false;
    const release = () => {
      if (!released) for (const fifo of fifos) closeSync(openSync(fifo, 'w'));
      released = true;
    };
    try {
      // The pool is stuck: anything asked of it waits.
      const stuck = await Promise.race([stat(path).then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 200, 'stuck'))]);
      expect(stuck).toBe('stuck');
      const chunks: Buffer[] = [];
      const reading = (async () => {
        for await (const chunk of readDescriptor(fd, bytes.length, true)) chunks.push(Buffer.from(chunk));
        return 'read';
      })();
      expect(await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 5000, 'waited for the pool'))])).toBe('read');
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
      const staged = SyncWrittenFile.create(join(dir, 'staged'));
      staged.write(bytes);
      const finished = staged.finish();
      release();
      await finished;
      expect((await readFile(join(dir, 'staged'))).equals(bytes)).toBe(true);
    } finally {
      release();
      closeSync(fd);
      for (const handle of await Promise.all(held)) await handle.close();
    }
  });
});
