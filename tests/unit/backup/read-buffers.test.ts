import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_CHUNK, ReadBuffers, ReadBuffersClosed } from '../../../electron/core/backup/read-buffers';
import { gathered } from '../../../electron/core/backup/write-container';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';
import { digestOf, filesOnDisk, seedFiles, withAttachments } from './container-fixtures';

async function* chunksOf(pieces: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield piece;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

async function all(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const seen: Uint8Array[] = [];
  for await (const chunk of source) seen.push(chunk);
  return seen;
}

describe('ReadBuffers', () => {
  it('lends a buffer again only once every user has given it back', async () => {
    const buffers = ReadBuffers.reused(1, 16);
    const first = await buffers.take();
    let second: Buffer | null = null;
    void buffers.take().then((buffer) => (second = buffer));
    buffers.retain(first.subarray(0, 4));
    buffers.giveBack(first.subarray(0, 4));
    await Promise.resolve();
    expect(second).toBeNull();
    buffers.giveBack(first);
    await Promise.resolve();
    expect(second).not.toBeNull();
    expect(second!.buffer).toBe(first.buffer);
  });

  it('ignores chunks that are not its own, and fails a read still waiting once closed', async () => {
    const buffers = ReadBuffers.reused(1, 16);
    await buffers.take();
    buffers.giveBack(Buffer.alloc(16));
    const waiting = buffers.take();
    buffers.close();
    expect(await failure(waiting)).toBeInstanceOf(ReadBuffersClosed);
    expect(await failure(buffers.take())).toBeInstanceOf(ReadBuffersClosed);
  });

  it('gives a chunk back when its consumer asks for the next one, and closes when the consumer stops', async () => {
    const buffers = ReadBuffers.reused(2, 16);
    const a = await buffers.take();
    const b = await buffers.take();
    const lent = buffers.lend(chunksOf([a, b]));
    await lent.next();
    let third: Buffer | null = null;
    void buffers.take().then((buffer) => (third = buffer));
    await Promise.resolve();
    expect(third).toBeNull();
    await lent.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(third!.buffer).toBe(a.buffer);
    await lent.return(undefined);
    expect(await failure(buffers.take())).toBeInstanceOf(ReadBuffersClosed);
  });
});

describe('gathered', () => {
  it('hands on the same bytes, small chunks together and large ones as they are', async () => {
    const small = [randomBytes(512), randomBytes(10), randomBytes(1000)];
    const large = randomBytes(READ_CHUNK);
    const tail = randomBytes(300);
    const seen: Buffer[] = [];
    const out: Uint8Array[] = [];
    // Copied as seen: a gathered chunk is valid only until the next is asked for.
    for await (const chunk of gathered(chunksOf([...small, large, tail]))) {
      out.push(chunk);
      seen.push(Buffer.from(chunk));
    }
    expect(Buffer.concat(seen)).toEqual(Buffer.concat([...small, large, tail]));
    expect(out).toHaveLength(3);
    expect(out[1]).toBe(large);
  });

  it('hands on what it gathered before its buffer would overflow', async () => {
    const pieces = Array.from({ length: 20 }, () => randomBytes(200 * 1024));
    const seen = (await all(gathered(chunksOf(pieces)))).map((chunk) => chunk.byteLength);
    expect(seen.reduce((sum, size) => sum + size, 0)).toBe(20 * 200 * 1024);
    expect(seen.length).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('a backup read through reused buffers', () => {
  // Sizes around the read size, and more chunks than the pool has buffers, in one file and over many.
  const sizes = [
    1,
    READ_CHUNK - 1,
    READ_CHUNK,
    READ_CHUNK + 1,
    3 * READ_CHUNK + 5,
    11 * READ_CHUNK,
    ...Array.from({ length: 30 }, (_, i) => 700 + i * 4099),
  ];

  async function practice() {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const files = sizes.map((size) => randomBytes(size));
    await seedDataDir(dataDir, practiceDocument('Dana Coach'), [
      withAttachments(clientDocument('Amara Okafor', 1), files.slice(0, 20)),
      withAttachments(clientDocument('Ben Ito'), files.slice(20)),
    ]);
    await seedFiles(dataDir, files);
    const now = () => new Date('2026-03-02T09:00:00.000Z');
    const workspace = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
    return { root, dataDir, files, workspace, now };
  }

  it('writes every byte of every file, as tar and a restore both read them', async () => {
    const { root, files, workspace, now } = await practice();
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath);
    const out = join(root, 'unpacked');
    await mkdir(out);
    execFileSync('tar', ['-xf', filePath, '-C', out]);
    for (const bytes of files) expect((await readFile(join(out, 'files', digestOf(bytes)))).equals(bytes)).toBe(true);
    const target = join(root, 'target');
    const other = await testWorkspace({ dir: target, now, backupsDir: join(root, 'target-backups') });
    await other.backup.restore(filePath);
    expect(await filesOnDisk(target)).toEqual(files.map(digestOf).sort());
  });

  it('seals every byte of every file when encrypted, as a restore with the passphrase reads them', async () => {
    const { root, files, workspace, now } = await practice();
    const filePath = join(root, 'e.rapport-backup');
    const passphrase = 'correct horse battery staple';
    await workspace.backup.create(filePath, { passphrase });
    const target = join(root, 'target');
    const other = await testWorkspace({ dir: target, now, backupsDir: join(root, 'target-backups') });
    await other.backup.restore(filePath, { passphrase });
    expect(await filesOnDisk(target)).toEqual(files.map(digestOf).sort());
    for (const bytes of files) expect((await readFile(join(target, 'files', digestOf(bytes)))).equals(bytes)).toBe(true);
  });

  it('refuses a file that grew since it was attached, and writes nothing', async () => {
    const { root, dataDir, files, workspace } = await practice();
    await appendFile(join(dataDir, 'files', digestOf(files[4])), Buffer.from('more'));
    await mkdir(join(root, 'out'));
    expect((await rejection(workspace.backup.create(join(root, 'out', 'b.rapport-backup')))).code).toBe('IO_ERROR');
    expect(await readdir(join(root, 'out'))).toEqual([]);
  });
});
