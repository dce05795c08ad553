import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLIENTS_DIR, PRACTICE_FILE } from '../../electron/core/data-layout';
import type { ClientDocument, PracticeDocument } from '../../shared/model/documents';

export interface PracticeData {
  practice: PracticeDocument;
  clients: ClientDocument[];
}

/**
 * The physical floor of opening a practice: read every file and JSON.parse it, nothing else
 * (no validation, no migration, no lock), with the same concurrency as the store.
 */
export async function readAndParseAll(dataDir: string): Promise<PracticeData> {
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const names = (await readdir(clientsDir)).filter((name) => name.endsWith('.json')).sort();
  const [practice, clients] = await Promise.all([
    readFile(join(dataDir, PRACTICE_FILE), 'utf8').then((text) => JSON.parse(text) as PracticeDocument),
    Promise.all(names.map(async (name) => JSON.parse(await readFile(join(clientsDir, name), 'utf8')) as ClientDocument)),
  ]);
  return { practice, clients };
}

/** Total bytes of practice.json and the client files. */
export async function dataSize(dataDir: string): Promise<number> {
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const names = (await readdir(clientsDir)).filter((name) => name.endsWith('.json'));
  const sizes = await Promise.all([join(dataDir, PRACTICE_FILE), ...names.map((name) => join(clientsDir, name))].map((file) => stat(file)));
  return sizes.reduce((total, info) => total + info.size, 0);
}
