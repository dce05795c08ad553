import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { RapportError } from '../../../shared/errors';
import type { ClientDocument } from '../../../shared/model/documents';

export async function rejection(promise: Promise<unknown>): Promise<RapportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RapportError);
    return error as RapportError;
  }
  throw new Error('expected the call to fail');
}

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
