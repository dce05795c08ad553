import type { BackupApi } from '../../../shared/api/backup';

const HOUR_MS = 60 * 60 * 1000;

export interface AutomaticSchedule {
  /** Stops the checks and makes the backup for quitting (unless automatic backups are off). */
  beforeQuit(): Promise<void>;
}

/**
 * Asks for a daily backup at start and then every hour; the service makes at most one a day.
 * A failure is left for the next check: it must never stop the app from starting or quitting.
 * It is not lost: the backup service notes it, and the app status shows it to the coach.
 */
export function scheduleAutomaticBackups(backup: Pick<BackupApi, 'runAutomatic'>, checkEveryMs = HOUR_MS): AutomaticSchedule {
  const daily = () => void backup.runAutomatic('daily').catch(() => undefined);
  daily();
  const timer = setInterval(daily, checkEveryMs);
  timer.unref();
  return {
    async beforeQuit() {
      clearInterval(timer);
      await backup.runAutomatic('quit').catch(() => undefined);
    },
  };
}
