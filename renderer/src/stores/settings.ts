import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Settings, SettingsPatch } from '../../../shared/model/practice';
import { useApi } from '../api/client';

/** The practice settings, as main last answered them; a write reloads them. */
export const useSettingsStore = defineStore('settings', () => {
  const api = useApi();
  const settings = ref<Settings | null>(null);

  async function load(): Promise<Settings> {
    settings.value = await api.settings.get();
    return settings.value;
  }

  /** Loads again only if something has asked for the settings already (e.g. after a restore). */
  async function reloadIfLoaded(): Promise<void> {
    if (settings.value) await load();
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    await api.settings.update(patch);
    return load();
  }

  return { settings, load, reloadIfLoaded, update };
});
