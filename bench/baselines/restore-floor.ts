import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { extract } from 'tar-stream';
import { join } from 'node:path';
import { CLIENTS_DIR, PRACTICE_FILE } from '../../electron/core/data-layout';

async function writeFileAndSync(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The physical floor of a restore: copy the current data's files into one fsynced file (the
 * safety backup, without manifest or checksums), then read the backup (a format 3 tar) once,
 * unpack it with the same tar library, and write each entry's bytes as its own fsynced file
 * (no parsing, no staging, no journal, no validation, no hashing). `scratchDir` is emptied and
 * reused.
 */
export async function restoreFloor(dataDir: string, backupFile: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const current = await Promise.all(
    [join(dataDir, PRACTICE_FILE), ...(await readdir(clientsDir)).map((name) => join(clientsDir, name))].map((file) => readFile(file)),
  );
  await writeFileAndSync(join(scratchDir, 'safety.json'), Buffer.concat(current));
  const reader = extract();
  createReadStream(backupFile).pipe(reader);
  const writes: Promise<void>[] = [];
  let index = 0;
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    writes.push(writeFileAndSync(join(scratchDir, `${index}`), Buffer.concat(chunks)));
    index += 1;
    if (writes.length >= 32) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
