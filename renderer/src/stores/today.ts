import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TodayOverview } from '../../../shared/api/today';
import { RapportError } from '../../../shared/errors';
import { useApi } from '../api/client';

/** How many entries each long list on Today shows until the coach asks for all of them. */
export const TODAY_LIST_SHOWN = 50;

/** The Today overview, refreshed whenever the page shows or something on it changes. */
export const useTodayStore = defineStore('today', () => {
  const api = useApi();
  const overview = ref<TodayOverview | null>(null);
  const error = ref<RapportError | null>(null);
  const loading = ref(false);
  const allCommitments = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      overview.value = await api.today.get(allCommitments.value ? {} : { commitmentsLimit: TODAY_LIST_SHOWN });
      error.value = null;
    } catch (caught) {
      error.value = RapportError.from(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Shows Today afresh: the first commitments only, as on every visit. */
  async function open(): Promise<void> {
    allCommitments.value = false;
    await refresh();
  }

  async function showAllCommitments(): Promise<void> {
    allCommitments.value = true;
    await refresh();
  }

  return { overview, error, loading, allCommitments, refresh, open, showAllCommitments };
});
