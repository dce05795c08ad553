import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, readdir, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_EVERY_BYTES, SyncWrittenFile, prepareFileDurably, writeFileDurably } from '../../../electron/core/durable-write';
import { tempDir } from '../../helpers/temp-dir';

describe('durable writes', () => {
  it('write content given in pieces in order, beyond what one writev call takes on any platform', async () => {
    const target = join(await tempDir(), 'pieces.txt');
    const pieces = Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index},`));
    await writeFileDurably(target, pieces);
    expect(await readFile(target, 'utf8')).toBe(Buffer.concat(pieces).toString());
  });

  it('leave the target untouched until commit, and without a trace when discarded', async () => {
    const dir = await tempDir();
    const target = join(dir, 'backup.json');
    await writeFile(target, 'old');
    const discarded = await prepareFileDurably(target, [Buffer.from('new')]);
    expect(await readFile(target, 'utf8')).toBe('old');
    await discarded.discard();
    expect(await readdir(dir)).toEqual(['backup.json']);

    const committed = await prepareFileDurably(target, [Buffer.from('n'), Buffer.from('ew')]);
    await committed.commit();
    await committed.discard();
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['backup.json']);
  });

  describe('of a stream', () => {
    const MiB = 1024 * 1024;
    /** The prototype every FileHandle shares: what the write calls, so a spy on it sees every flush. */
    const handlePrototype = async (dir: string): Promise<FileHandle> => {
      const handle = await open(join(dir, 'probe'), 'w');
      await handle.close();
      return Object.getPrototypeOf(handle) as FileHandle;
    };
    /** `count` chunks of 1 MiB, each of its own byte, from one buffer reused as the writer asks for the next; `onLast` runs when the last is asked for. */
    async function* chunks(count: number, onLast: () => void): AsyncGenerator<Uint8Array> {
      const buffer = Buffer.alloc(MiB);
      for (let index = 0; index < count; index += 1) {
        if (index === count - 1) onLast();
        yield buffer.fill(index % 251);
      }
    }
    const expectedDigest = (count: number) => {
      const hash = createHash('sha256');
      for (let index = 0; index < count; index += 1) hash.update(Buffer.alloc(MiB, index % 251));
      return hash.digest('hex');
    };

    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('flush what is written to disk while the rest still comes, not only at the end', async () => {
      const dir = await tempDir();
      const datasync = vi.spyOn(await handlePrototype(dir), 'datasync');
      const count = (2 * FLUSH_EVERY_BYTES) / MiB + 3;
      let flushesBeforeTheEnd = -1;
      const target = join(dir, 'large.rapport-backup');
      await writeFileDurably(
        target,
        chunks(count, () => (flushesBeforeTheEnd = datasync.mock.calls.length)),
      );
      expect(flushesBeforeTheEnd).toBeGreaterThanOrEqual(1);
      expect(datasync.mock.calls.length).toBeLessThanOrEqual(2);
      expect((await stat(target)).size).toBe(count * MiB);
      expect(
        createHash('sha256')
          .update(await readFile(target))
          .digest('hex'),
      ).toBe(expectedDigest(count));
    });

    it('fail when a flush on the way fails, leaving the target as it was and no temp file', async () => {
      const dir = await tempDir();
      const target = join(dir, 'large.rapport-backup');
      await writeFile(target, 'old');
      const failure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      vi.spyOn(await handlePrototype(dir), 'datasync').mockRejectedValue(failure);
      await expect(
        prepareFileDurably(
          target,
          chunks(FLUSH_EVERY_BYTES / MiB + 2, () => undefined),
        ),
      ).rejects.toBe(failure);
      expect(await readFile(target, 'utf8')).toBe('old');
      expect((await readdir(dir)).sort()).toEqual(['large.rapport-backup', 'probe']);
    });
  });

  describe('of a new file from the calling thread', () => {
    it('write every byte before returning, readable by this user only, then fsync and close', async () => {
      const path = join(await tempDir(), 'staged');
      const bytes = randomBytes(5 * 1024 * 1024 + 3);
      const file = SyncWrittenFile.create(path);
      file.write(bytes.subarray(0, 10));
      file.write(bytes.subarray(10));
      // Before the fsync: the bytes are in the file already.
      expect((await readFile(path)).equals(bytes)).toBe(true);
      await file.finish();
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      await expect(file.finish()).rejects.toThrow('closed');
      expect(() => file.write(bytes)).toThrow('closed');
      file.abandon();
      expect((await readFile(path)).equals(bytes)).toBe(true);
    });

    it('refuse a file that exists, and leave it as it was', async () => {
      const path = join(await tempDir(), 'staged');
      await writeFile(path, 'kept');
      expect(() => SyncWrittenFile.create(path)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
      expect(await readFile(path, 'utf8')).toBe('kept');
    });

    it('close without an fsync when abandoned, and then refuse to write or finish', async () => {
      const path = join(await tempDir(), 'staged');
      const file = SyncWrittenFile.create(path);
      file.write(Buffer.from('half'));
      file.abandon();
      file.abandon();
      expect(() => file.write(Buffer.from('more'))).toThrow('closed');
      await expect(file.finish()).rejects.toThrow('closed');
      expect(await readFile(path, 'utf8')).toBe('half');
    });
  });
});
