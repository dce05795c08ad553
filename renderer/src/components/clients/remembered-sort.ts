import { ref, watch, type Ref } from 'vue';
import { isClientSort, type ClientSort } from './filter-clients';

/** Where this machine keeps the client list's order; a preference of the screen, not of the practice. */
export const CLIENT_SORT_KEY = 'rapport.clientList.sort';

/** The order the coach last chose for the client list on this machine, kept as they change it. */
export function useRememberedSort(): Ref<ClientSort> {
  const stored = globalThis.localStorage?.getItem(CLIENT_SORT_KEY);
  const sort = ref<ClientSort>(isClientSort(stored) ? stored : 'name');
  watch(sort, (value) => globalThis.localStorage?.setItem(CLIENT_SORT_KEY, value));
  return sort;
}
