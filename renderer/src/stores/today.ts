import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TodayOverview } from '../../../shared/api/today';
import { RapportError } from '../../../shared/errors';
import { useApi } from '../api/client';

/** The Today overview, refreshed whenever the page shows or something on it changes. */
export const useTodayStore = defineStore('today', () => {
  const api = useApi();
  const overview = ref<TodayOverview | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      overview.value = await api.today.get();
      error.value = null;
    } catch (caught) {
      error.value = RapportError.from(caught).message;
    } finally {
      loading.value = false;
    }
  }

  return { overview, error, loading, refresh };
});
