import { defineStore } from 'pinia';
import type { CommitmentCreateInput, CommitmentPatch } from '../../../shared/api/commitments';
import { recordsByClient } from './records-by-client';
import { useApi } from '../api/client';

/** Commitments per client, in main's order; every write reloads the client's list. */
export const useCommitmentsStore = defineStore('commitments', () => {
  const api = useApi();
  const { byClient, load, saved } = recordsByClient((clientId: string) => api.commitments.list(clientId));

  return {
    byClient,
    load,
    commitmentsOf: (clientId: string) => byClient.value[clientId] ?? [],
    create: (clientId: string, input: CommitmentCreateInput) => saved(clientId, api.commitments.create(clientId, input)),
    update: (clientId: string, id: string, patch: CommitmentPatch) => saved(clientId, api.commitments.update(clientId, id, patch)),
    setDone: (clientId: string, id: string, done: boolean) => saved(clientId, api.commitments.setDone(clientId, id, done)),
    remove: (clientId: string, id: string) => saved(clientId, api.commitments.remove(clientId, id)),
  };
});
