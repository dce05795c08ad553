import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { READ_CHUNK } from '../../electron/core/backup/read-buffers';
import { ageEncrypted } from '../../electron/core/backup/write-container';
import { CLIENTS_DIR, FILES_DIR, PRACTICE_FILE } from '../../electron/core/data-layout';
import { flushingAsWritten } from '../../electron/core/durable-write';

/** Every file a backup of `dataDir` holds: practice.json, the client files, then the attached files. */
export async function practiceFiles(dataDir: string): Promise<string[]> {
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const filesDir = join(dataDir, FILES_DIR);
  const clients = (await readdir(clientsDir)).filter((name) => name.endsWith('.json')).sort();
  const files = (await readdir(filesDir).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{64}$/.test(name)).sort();
  return [join(dataDir, PRACTICE_FILE), ...clients.map((name) => join(clientsDir, name)), ...files.map((name) => join(filesDir, name))];
}

/**
 * Each file's bytes in turn, read at the backup writer's read size into one buffer used over and
 * over: each chunk is valid until the next is asked for, which writeAndSync respects. A fresh
 * buffer per read would make V8 collect the whole heap again and again (backup/read-buffers.ts),
 * which is no floor.
 */
async function* concatenatedInOneBuffer(paths: readonly string[]): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(READ_CHUNK);
  for (const path of paths) {
    const handle = await open(path, 'r');
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
        if (bytesRead === 0) break;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
}

/**
 * Writes `bytes` as they come into `target` and fsyncs it; with `flushEvery`, also starts a flush
 * (fdatasync, one at a time) each time that many more bytes were written, as the app's durable
 * writes of a stream do (electron/core/durable-write.ts).
 */
export async function writeAndSync(
  target: string,
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  flushEvery: number | null = null,
): Promise<void> {
  const handle = await open(target, 'w', 0o600);
  try {
    const flusher = flushEvery === null ? null : flushingAsWritten(handle, flushEvery);
    for await (const chunk of bytes) {
      let at = 0;
      while (at < chunk.byteLength) at += (await handle.write(chunk, at)).bytesWritten;
      flusher?.written(chunk.byteLength);
    }
    await flusher?.done();
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The physical floor of a backup: the same bytes (every document and attached file) read and
 * written into one fsynced file, as a stream; with a passphrase, through the same age encryption
 * the backup writer uses (scrypt at Rapport's work factor, then the payload cipher). No archive
 * headers, no manifest, no hashing.
 */
export async function copyIntoOneFile(
  paths: readonly string[],
  target: string,
  { passphrase, flushEvery = null }: { passphrase?: string; flushEvery?: number | null } = {},
): Promise<void> {
  const bytes = concatenatedInOneBuffer(paths);
  // age's sealing copies each chunk before it asks for the next, as the backup writer relies on.
  await writeAndSync(target, passphrase === undefined ? bytes : await ageEncrypted(bytes, passphrase), flushEvery);
}
