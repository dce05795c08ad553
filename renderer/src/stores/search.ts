import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SearchHit } from '../../../shared/api/search';
import { RapportError } from '../../../shared/errors';
import { useApi } from '../api/client';

/** The global search: the latest query's hits; answers to older queries are ignored. */
export const useSearchStore = defineStore('search', () => {
  const api = useApi();
  const query = ref('');
  const hits = ref<SearchHit[]>([]);
  const error = ref<RapportError | null>(null);
  let latest = 0;

  async function search(text: string): Promise<void> {
    query.value = text;
    const ticket = ++latest;
    if (text.trim() === '') {
      hits.value = [];
      error.value = null;
      return;
    }
    try {
      const found = await api.search.query(text);
      if (ticket !== latest) return;
      hits.value = found;
      error.value = null;
    } catch (caught) {
      if (ticket !== latest) return;
      hits.value = [];
      error.value = RapportError.from(caught);
    }
  }

  function clear(): void {
    latest += 1;
    query.value = '';
    hits.value = [];
    error.value = null;
  }

  return { query, hits, error, search, clear };
});
