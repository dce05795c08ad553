import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { byClientName, toClientSummary, type Client, type ClientCreateInput, type ClientPatch, type ClientSummary } from '../../../shared/model/client';
import { useApi } from '../api/client';

/**
 * The client list for the sidebar, and whole client records for the pages that show them.
 * Every change goes through the API first; the store only mirrors what main answered.
 */
export const useClientsStore = defineStore('clients', () => {
  const api = useApi();
  // Always replaced whole, never changed in place: a shallow ref spares hundreds of reactive
  // proxies, and their upkeep, on every render of the sidebar.
  const summaries = shallowRef<readonly ClientSummary[]>([]);
  const details = ref<Record<string, Client>>({});
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  const hasClients = computed(() => summaries.value.length > 0);

  function summary(id: string): ClientSummary | undefined {
    return summaries.value.find((candidate) => candidate.id === id);
  }

  function remember(client: Client): Client {
    details.value[client.id] = client;
    const others = summaries.value.filter((candidate) => candidate.id !== client.id);
    summaries.value = [...others, toClientSummary(client)].sort(byClientName);
    return client;
  }

  async function load(): Promise<void> {
    loading ??= api.clients
      .list()
      .then((list) => {
        summaries.value = list;
        loaded.value = true;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load();
  }

  async function fetch(id: string): Promise<Client> {
    return remember(await api.clients.get(id));
  }

  async function create(input: ClientCreateInput): Promise<Client> {
    return remember(await api.clients.create(input));
  }

  async function update(id: string, patch: ClientPatch): Promise<Client> {
    return remember(await api.clients.update(id, patch));
  }

  async function archive(id: string): Promise<Client> {
    return remember(await api.clients.archive(id));
  }

  async function unarchive(id: string): Promise<Client> {
    return remember(await api.clients.unarchive(id));
  }

  /** Deletes the client's file for good, then forgets it and reloads the list main now holds. */
  async function remove(id: string, confirmName: string): Promise<void> {
    await api.clients.delete(id, confirmName);
    delete details.value[id];
    summaries.value = summaries.value.filter((candidate) => candidate.id !== id);
    await load();
  }

  return { summaries, details, loaded, hasClients, summary, load, ensureLoaded, fetch, create, update, archive, unarchive, remove };
});
