import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { copyIntoOneFile, practiceFiles, writeAndSync } from './physical-copy';

/** Entries written at once, as a restore stages them. */
const PARALLEL_WRITES = 32;

/**
 * The physical floor of a restore: copy the current data's files, attached files included, into
 * one fsynced file (the safety backup, without archive, manifest or checksums), then read the
 * backup (a format 3 tar) once, unpack it with the same tar library, and stream each entry into
 * its own fsynced file (no parsing, no staging, no journal, no validation, no hashing).
 * `scratchDir` is emptied and reused.
 */
export async function restoreFloor(dataDir: string, backupFile: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  await copyIntoOneFile(await practiceFiles(dataDir), join(scratchDir, 'safety'));
  const reader = extract();
  createReadStream(backupFile).pipe(reader);
  const writes: Promise<void>[] = [];
  let index = 0;
  for await (const entry of reader) {
    const size = entry.header.size ?? 0;
    const path = join(scratchDir, `${index}`);
    index += 1;
    if (size > 1024 * 1024) {
      // A large entry streams to its file; the tar reader waits for it.
      await writeAndSync(path, entry as AsyncIterable<Buffer>);
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    writes.push(writeAndSync(path, [Buffer.concat(chunks)]));
    if (writes.length >= PARALLEL_WRITES) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
