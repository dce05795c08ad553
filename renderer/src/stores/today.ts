import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TodayOverview } from '../../../shared/api/today';
import { useApi } from '../api/client';

/** How many entries each long list on Today shows until the coach asks for all of them. */
export const TODAY_LIST_SHOWN = 50;

/**
 * The Today overview as main last answered it. Main derives everything on it (what is due, who
 * has gone quiet), so the view loads it again after anything it changes; the view's loader
 * keeps `loading` and `error` (docs/renderer-conventions.md, "Stores: one recipe").
 */
export const useTodayStore = defineStore('today', () => {
  const api = useApi();
  const overview = ref<TodayOverview | null>(null);
  /** Whether the coach asked for every commitment due rather than the first ones. */
  const allCommitments = ref(false);

  async function load(): Promise<TodayOverview> {
    overview.value = await api.today.get(allCommitments.value ? {} : { commitmentsLimit: TODAY_LIST_SHOWN });
    return overview.value;
  }

  return { overview, allCommitments, load };
});
