import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
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
 * safety backup, without checksum or envelope), read and parse the backup, and write its bytes
 * back as as many fsynced files as it holds clients (cut evenly, not at document boundaries:
 * no serialising, no staging, no journal, no validation). `scratchDir` is emptied and reused.
 */
export async function restoreFloor(dataDir: string, backupFile: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const current = await Promise.all(
    [join(dataDir, PRACTICE_FILE), ...(await readdir(clientsDir)).map((name) => join(clientsDir, name))].map((file) => readFile(file)),
  );
  await writeFileAndSync(join(scratchDir, 'safety.json'), Buffer.concat(current));
  const bytes = await readFile(backupFile);
  const { payload } = JSON.parse(bytes.toString('utf8')) as { payload: { clients: unknown[] } };
  const files = payload.clients.length + 1;
  const size = Math.ceil(bytes.length / files);
  await Promise.all(
    Array.from({ length: files }, (_, index) =>
      writeFileAndSync(join(scratchDir, `${index}.json`), bytes.subarray(index * size, (index + 1) * size)),
    ),
  );
}
