import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { feed, readDescriptor } from '../../electron/core/backup/read-container';
import { FLUSH_EVERY_BYTES } from '../../electron/core/durable-write';
import { copyIntoOneFile, practiceFiles, writeAndSync } from './physical-copy';

/** Entries written, or fsynced, at once, as a restore stages them. */
const PARALLEL_WRITES = 32;

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
  // Flushed as it is written, as the restore's safety backup is (durable-write.ts).
  await copyIntoOneFile(await practiceFiles(dataDir), join(scratchDir, 'safety'), { flushEvery: FLUSH_EVERY_BYTES });
  const reader = extract();
  // Read as the restore's worker reads a plain backup, on this thread into a few buffers in turn:
  // a read stream's fresh buffer per read makes V8 collect the whole heap again and again, which
  // is no floor. The writes stay in the thread pool: written on this thread as the worker writes
  // (SyncWrittenFile), the floor took as long (2.0–2.7 s against 2.0–3.3 s, alternating), the
  // disk's pace either way (bench/README.md, runs of 2026-12-02).
  const backup = await open(backupFile, 'r');
  const feeding = feed(readDescriptor(backup.fd, (await backup.stat()).size, true), reader).finally(() => backup.close());
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
