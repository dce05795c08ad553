import { ref, type Ref } from 'vue';

/**
 * The store recipe for records kept per client (docs/renderer-conventions.md, "Stores: one
 * recipe"): `load` fetches a client's records and keeps them under the client's id; `saved`
 * waits for a write, reloads that client, and answers what the write answered.
 */
export function recordsByClient<T>(fetch: (clientId: string) => Promise<T>) {
  const byClient = ref({}) as Ref<Record<string, T>>;

  async function load(clientId: string): Promise<T> {
    const records = await fetch(clientId);
    byClient.value[clientId] = records;
    return records;
  }

  async function saved<R>(clientId: string, write: Promise<R>): Promise<R> {
    const answer = await write;
    await load(clientId);
    return answer;
  }

  return { byClient, load, saved };
}
