import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CommitmentCreateInput, CommitmentPatch } from '../../../shared/api/commitments';
import type { Commitment } from '../../../shared/model/commitment';
import { useApi } from '../api/client';

/** Commitments per client, in main's order; every write reloads the client's list. */
export const useCommitmentsStore = defineStore('commitments', () => {
  const api = useApi();
  const byClient = ref<Record<string, Commitment[]>>({});

  async function load(clientId: string): Promise<Commitment[]> {
    byClient.value[clientId] = await api.commitments.list(clientId);
    return byClient.value[clientId];
  }

  /** Saves through `change`, then reloads so the list keeps the workspace's order. */
  async function saved<T>(clientId: string, change: Promise<T>): Promise<T> {
    const result = await change;
    await load(clientId);
    return result;
  }

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
