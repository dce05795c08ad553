import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Client, ClientCreateInput, ClientPatch, ClientSummary } from '../../../shared/model/client';
import { useApi } from '../api/client';

/**
 * The client list for the sidebar, and whole client records for the pages that show them.
 * Every change goes through the API first; then the store reloads the record and the list
 * from main (the renderer's one recipe for staying in step).
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

  let listRequest = 0;

  /** Asks main for the list; an answer to an older request never replaces a newer one. */
  async function refreshList(): Promise<void> {
    const mine = ++listRequest;
    const list = await api.clients.list();
    if (mine !== listRequest) return;
    summaries.value = list;
    loaded.value = true;
  }

  async function load(): Promise<void> {
    loading ??= refreshList().finally(() => {
      loading = null;
    });
    return loading;
  }

  /** After the whole practice was replaced (a restore): every record held may be out of date. */
  async function reloadAll(): Promise<void> {
    details.value = {};
    await load();
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load();
  }

  async function fetch(id: string): Promise<Client> {
    const client = await api.clients.get(id);
    details.value[id] = client;
    return client;
  }

  /** Writes, then reloads the client's record and the list; answers the reloaded record. */
  async function saved(write: Promise<Client>): Promise<Client> {
    const { id } = await write;
    const [client] = await Promise.all([fetch(id), refreshList()]);
    return client;
  }

  /** Deletes the client's file for good, then forgets it and reloads the list main now holds. */
  async function remove(id: string, confirmName: string): Promise<void> {
    await api.clients.remove(id, confirmName);
    delete details.value[id];
    await refreshList();
  }

  const create = (input: ClientCreateInput) => saved(api.clients.create(input));
  const update = (id: string, patch: ClientPatch) => saved(api.clients.update(id, patch));
  const archive = (id: string) => saved(api.clients.archive(id));
  const unarchive = (id: string) => saved(api.clients.unarchive(id));

  return {
    summaries,
    details,
    loaded,
    hasClients,
    summary,
    load,
    reloadAll,
    ensureLoaded,
    fetch,
    create,
    update,
    archive,
    unarchive,
    remove,
  };
});
