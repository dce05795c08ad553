import type { ClientsApi } from '../../../shared/api/clients';
import type { DocumentStore } from '../store';
import type { DocumentTexts } from './document-texts';
import type { FileKeeper } from './file-keeper';
import { referencedFiles, sweepFiles } from './file-store';

/**
 * Clients whose removal also removes the files only that client's documents named, once the
 * client's file is gone from disk (the keeper keeps any another client still names), and the
 * texts search found in them (the text cache holds the client's words).
 */
export function withFileErasure(
  clients: ClientsApi,
  store: DocumentStore,
  keeper: FileKeeper,
  texts: Pick<DocumentTexts, 'forgetUnreferenced'>,
): ClientsApi {
  return {
    ...clients,
    async remove(id, confirmName) {
      const files = store.hasClient(id) ? referencedFiles(store.client(id)).map(({ sha256 }) => sha256) : [];
      await clients.remove(id, confirmName);
      await keeper.collect(files);
      // Documents removed a moment ago go with the client: no undo can bring them back now.
      await keeper.endRemovals((removal) => removal.clientId === id);
      await texts.forgetUnreferenced();
    },
  };
}

/**
 * At open, nothing is being attached: temp files in `files/` are what an interrupted attach left,
 * and a stored file no client names was stored by an attach whose document was never saved, or
 * dropped by a change saved just before a crash. Stored files stay when any client file is in
 * quarantine, since it may name them.
 */
export async function tidyFilesAtOpen(dataDir: string, store: DocumentStore): Promise<void> {
  const anyQuarantined = store.quarantined.some((entry) => entry.clientId !== null);
  const referenced = new Set(store.allClients().flatMap((document) => referencedFiles(document).map(({ sha256 }) => sha256)));
  await sweepFiles(dataDir, referenced, { keepStored: anyQuarantined });
}
