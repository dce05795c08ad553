import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  AutomaticBackup,
  BackupContents,
  ChosenBackupSummary,
  ChosenRestoreSummary,
  ClientRecovery,
} from '../../../shared/api/backup';
import type { ChosenFile } from '../../../shared/api/chosen-file';
import type { Settings } from '../../../shared/model/practice';
import { useApi } from '../api/client';
import { useAppStatusStore } from './app-status';
import { useClientsStore } from './clients';
import { useSettingsStore } from './settings';

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
  /** The latest restore of the whole practice, for the message shown after it. */
  const lastRestore = ref<ChosenRestoreSummary | null>(null);
  /**
   * Counts restores (whole practice or one client). The shell keys the current view on it, so
   * every mounted view loads again from the restored data instead of showing what it held before.
   */
  const dataVersion = ref(0);

  async function running<T>(name: BackupTask, work: () => Promise<T>): Promise<T> {
    task.value = name;
    lastRestore.value = null;
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

  /** `file` comes from the desktop's save dialog; only its token goes to the workspace. */
  function create(file: ChosenFile, passphrase: string): Promise<ChosenBackupSummary> {
    return running('creating', () => api.backup.create({ token: file.token }, withPassphrase(passphrase)));
  }

  function inspect(file: ChosenFile, passphrase: string): Promise<BackupContents> {
    return running('inspecting', () => api.backup.inspect({ token: file.token }, withPassphrase(passphrase)));
  }

  /** Everything the stores hold came from the data just replaced: load it all again. */
  async function reloadPracticeData(): Promise<void> {
    // Each store reloads through its own action; this store never touches their state.
    await Promise.all([useClientsStore().reloadAll(), useAppStatusStore().load(), useSettingsStore().reloadIfLoaded(), load()]);
    dataVersion.value += 1;
  }

  async function restored(summary: ChosenRestoreSummary): Promise<ChosenRestoreSummary> {
    lastRestore.value = summary;
    await reloadPracticeData();
    return summary;
  }

  function restore(file: ChosenFile, passphrase: string): Promise<ChosenRestoreSummary> {
    return running('restoring', async () => restored(await api.backup.restore({ token: file.token }, withPassphrase(passphrase))));
  }

  function restoreAutomatic(fileName: string): Promise<ChosenRestoreSummary> {
    return running('restoring', async () => restored(await api.backup.restoreAutomatic(fileName)));
  }

  function restoreClient(clientId: string): Promise<ClientRecovery> {
    return running('restoring', async () => {
      const recovery = await api.backup.restoreClientFromAutomatic(clientId);
      await reloadPracticeData();
      return recovery;
    });
  }

  async function saveSettings(next: BackupSettings): Promise<BackupSettings> {
    await api.settings.update({ backup: next });
    await load();
    return settings.value ?? next;
  }

  return {
    automatic,
    settings,
    task,
    lastRestore,
    dataVersion,
    load,
    create,
    inspect,
    restore,
    restoreAutomatic,
    restoreClient,
    saveSettings,
  };
});
