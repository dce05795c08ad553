import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AutomaticBackup, BackupContents, BackupSummary, RestoreSummary } from '../../../shared/api/backup';
import type { Settings } from '../../../shared/model/practice';
import { useApi } from '../api/client';

export type BackupTask = 'creating' | 'inspecting' | 'restoring';
type BackupSettings = Settings['backup'];

function withPassphrase(passphrase: string): { passphrase?: string } {
  return passphrase === '' ? {} : { passphrase };
}

/** Backups: making them, reading and restoring them, and the automatic ones with their settings. */
export const useBackupStore = defineStore('backup', () => {
  const api = useApi();
  const automatic = ref<AutomaticBackup[]>([]);
  const settings = ref<BackupSettings | null>(null);
  const task = ref<BackupTask | null>(null);
  /** Set after every restore; views holding practice data watch it to reload. */
  const lastRestore = ref<RestoreSummary | null>(null);

  async function running<T>(name: BackupTask, work: () => Promise<T>): Promise<T> {
    task.value = name;
    try {
      return await work();
    } finally {
      task.value = null;
    }
  }

  async function load(): Promise<void> {
    const [backups, current] = await Promise.all([api.backup.listAutomatic(), api.settings.get()]);
    automatic.value = backups;
    settings.value = current.backup;
  }

  function create(filePath: string, passphrase: string): Promise<BackupSummary> {
    return running('creating', () => api.backup.create(filePath, withPassphrase(passphrase)));
  }

  function inspect(filePath: string, passphrase: string): Promise<BackupContents> {
    return running('inspecting', () => api.backup.inspect(filePath, withPassphrase(passphrase)));
  }

  async function restored(summary: RestoreSummary): Promise<RestoreSummary> {
    lastRestore.value = summary;
    await load();
    return summary;
  }

  function restore(filePath: string, passphrase: string): Promise<RestoreSummary> {
    return running('restoring', async () => restored(await api.backup.restore(filePath, withPassphrase(passphrase))));
  }

  function restoreAutomatic(fileName: string): Promise<RestoreSummary> {
    return running('restoring', async () => restored(await api.backup.restoreAutomatic(fileName)));
  }

  async function saveSettings(next: BackupSettings): Promise<BackupSettings> {
    settings.value = (await api.settings.update({ backup: next })).backup;
    automatic.value = await api.backup.listAutomatic();
    return settings.value;
  }

  return { automatic, settings, task, lastRestore, load, create, inspect, restore, restoreAutomatic, saveSettings };
});
