import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * What the coach is searching for, shared by the sidebar (its results take the place of the
 * client list while there is a query) and the views that end a search (deleting a client).
 * The results themselves are loaded by the search box through useKeyedLoader, keyed by this
 * query, so an answer to an older query never replaces a newer one.
 */
export const useSearchStore = defineStore('search', () => {
  const query = ref('');

  function clear(): void {
    query.value = '';
  }

  return { query, clear };
});
