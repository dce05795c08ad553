import { randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_CHUNK } from '../../../electron/core/backup/read-buffers';
import { readDescriptor } from '../../../electron/core/backup/read-container';
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
});
