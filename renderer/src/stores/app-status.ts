import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AppStatus } from '../../../shared/api/app';
import { useApi } from '../api/client';

/** What the app knows about itself: version, files it had to set aside, an automatic backup that failed. */
export const useAppStatusStore = defineStore('app-status', () => {
  const api = useApi();
  const status = ref<AppStatus | null>(null);

  const quarantined = computed(() => status.value?.quarantined ?? []);
  const automaticBackupFailure = computed(() => status.value?.automaticBackupFailure ?? null);

  async function load(): Promise<AppStatus> {
    status.value = await api.app.status();
    return status.value;
  }

  return { status, quarantined, automaticBackupFailure, load };
});
