import { defineStore } from 'pinia';
import type { ChosenFileRef } from '../../../shared/api/chosen-file';
import { UPLOAD_CHUNK_BYTES, type AttachOptions, type DocumentPatch, type DocumentView } from '../../../shared/api/documents';
import { recordsByClient } from './records-by-client';
import { useApi } from '../api/client';

/** Base64 of a piece of a file, built in slices so a 4 MiB piece never overflows the call stack. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** A dropped file's bytes as they go up: how many are sent out of how many. */
export interface UploadState {
  name: string;
  sent: number;
  size: number;
}

/** Documents per client, newest first as main lists them; every write reloads the client's list. */
export const useDocumentsStore = defineStore('documents', () => {
  const api = useApi();
  const { byClient, load, saved } = recordsByClient((clientId: string) => api.documents.list(clientId));

  /**
   * Sends a dropped file piece by piece (main never sees the page's File object), reporting
   * each piece; an upload that fails half-way is cancelled so nothing of it stays.
   */
  async function uploadOne(clientId: string, file: Blob & { name: string }, options: AttachOptions, onProgress: (sent: number) => void) {
    const uploadId = await api.documents.beginUpload(clientId, { name: file.name, size: file.size });
    try {
      for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
        const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
        onProgress(await api.documents.uploadChunk(uploadId, bytesToBase64(piece)));
      }
      return await api.documents.finishUpload(uploadId, options);
    } catch (error) {
      await api.documents.cancelUpload(uploadId).catch(() => undefined);
      throw error;
    }
  }

  async function upload(
    clientId: string,
    files: (Blob & { name: string })[],
    options: AttachOptions,
    onProgress: (state: UploadState) => void = () => undefined,
  ): Promise<DocumentView[]> {
    const added: DocumentView[] = [];
    try {
      for (const file of files) {
        onProgress({ name: file.name, sent: 0, size: file.size });
        added.push(await uploadOne(clientId, file, options, (sent) => onProgress({ name: file.name, sent, size: file.size })));
      }
    } finally {
      await load(clientId);
    }
    return added;
  }

  // Every session card of a client asks at once: they share one answer.
  const inFlight = new Map<string, Promise<DocumentView[]>>();
  function loadShared(clientId: string): Promise<DocumentView[]> {
    let pending = inFlight.get(clientId);
    if (!pending) {
      pending = load(clientId).finally(() => inFlight.delete(clientId));
      inFlight.set(clientId, pending);
    }
    return pending;
  }

  return {
    byClient,
    load,
    loadShared,
    documentsOf: (clientId: string): DocumentView[] => byClient.value[clientId] ?? [],
    attach: (clientId: string, files: ChosenFileRef[], options: AttachOptions) =>
      saved(clientId, api.documents.attach(clientId, files, options)),
    upload,
    update: (clientId: string, id: string, patch: DocumentPatch) => saved(clientId, api.documents.update(clientId, id, patch)),
    remove: (clientId: string, id: string) => saved(clientId, api.documents.remove(clientId, id)),
    restoreRemoved: (clientId: string, id: string) => saved(clientId, api.documents.restoreRemoved(clientId, id)),
    recover: (clientId: string, id: string) => saved(clientId, api.documents.recoverFile(clientId, id)),
  };
});
