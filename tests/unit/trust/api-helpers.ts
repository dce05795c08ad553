import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientDocument } from '../../../shared/model/documents';

export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Adds records other features create (sessions, commitments…) straight into a closed
 * workspace's client file, so the trust API can be tested before those APIs exist here.
 */
export async function editClientFile(dataDir: string, clientId: string, change: (document: ClientDocument) => void): Promise<void> {
  const file = join(dataDir, 'clients', `${clientId}.json`);
  const document = JSON.parse(await readFile(file, 'utf8')) as ClientDocument;
  change(document);
  await writeFile(file, JSON.stringify(document));
}
