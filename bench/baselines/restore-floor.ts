import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { READ_CHUNK } from '../../electron/core/backup/read-buffers';
import { copyIntoOneFile, practiceFiles, writeAndSync } from './physical-copy';

/** Entries written, or fsynced, at once, as a restore stages them. */
const PARALLEL_WRITES = 32;
/** Buffers the backup is read into in turn, as the restore's worker reads a plain backup. */
const READ_RING = 8;

/**
 * The backup's bytes, read into a few buffers in turn, as the restore's worker reads them: a fresh
 * buffer per read (a read stream) would make V8 collect the whole heap again and again
 * (backup/read-buffers.ts), which is no floor. The tar reader hands each chunk on before it takes
 * the next, and every entry below is written, or copied, before its reader asks for more.
 */
async function* readInTurn(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const ring: Buffer[] = [];
  try {
    for (let turn = 0; ; turn += 1) {
      const buffer = (ring[turn % READ_RING] ??= Buffer.allocUnsafeSlow(READ_CHUNK));
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The physical floor of a restore: copy the current data's files, attached files included, into
 * one fsynced file (the safety backup, without archive, manifest or checksums), then read the
 * backup (a format 3 tar) once, unpack it with the same tar library, and write each entry into
 * its own fsynced file, a bounded number of fsyncs under way at once as the restore has them (no
 * parsing, no staging, no journal, no validation, no hashing). `scratchDir` is emptied and reused.
 */
export async function restoreFloor(dataDir: string, backupFile: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  await copyIntoOneFile(await practiceFiles(dataDir), join(scratchDir, 'safety'));
  const reader = extract();
  const feeding = (async () => {
    for await (const chunk of readInTurn(backupFile)) {
      if (!reader.write(chunk)) await new Promise<void>((resolve) => reader.once('drain', () => resolve()));
    }
    reader.end(undefined);
  })();
  const writes = new Set<Promise<void>>();
  const track = async (write: Promise<void>) => {
    const tracked = write.finally(() => writes.delete(tracked));
    writes.add(tracked);
    if (writes.size >= PARALLEL_WRITES) await Promise.race(writes);
  };
  let index = 0;
  for await (const entry of reader) {
    const size = entry.header.size ?? 0;
    const path = join(scratchDir, `${index}`);
    index += 1;
    if (size > 1024 * 1024) {
      // A large entry streams to its file (the tar reader waits for it); its fsync runs on.
      const handle: FileHandle = await open(path, 'w', 0o600);
      for await (const chunk of entry as AsyncIterable<Uint8Array>) {
        for (let at = 0; at < chunk.byteLength;) at += (await handle.write(chunk, at)).bytesWritten;
      }
      await track(handle.sync().finally(() => handle.close()));
      continue;
    }
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for await (const chunk of entry as AsyncIterable<Uint8Array>) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    await track(writeAndSync(path, [bytes]));
  }
  await feeding;
  await Promise.all(writes);
}
