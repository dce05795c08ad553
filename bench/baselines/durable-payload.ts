import { open, readFile } from 'node:fs/promises';

/** The physical floor of a backup: serialise the payload, write it, fsync it. */
export async function stringifyAndWriteDurably(file: string, payload: unknown): Promise<void> {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(payload));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The physical floor of a restore: read the file and parse it. */
export async function readAndParse(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}
