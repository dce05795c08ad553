import type { Workspace } from './core/workspace';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Automatic backups while the app runs: one on start and a check every hour (the workspace
 * makes at most one a day), and one when the app quits. Failures never stop the app; the
 * coach sees the list of automatic backups in Settings.
 */
export function scheduleAutomaticBackups(workspace: Workspace): { onQuit(): Promise<void> } {
  const run = (reason: 'daily' | 'quit') =>
    workspace.backup.runAutomatic(reason).then(
      () => undefined,
      (error: unknown) => console.error(`[rapport] automatic backup (${reason}) failed:`, error),
    );
  void run('daily');
  const timer = setInterval(() => void run('daily'), HOUR_MS);
  timer.unref();
  return {
    onQuit() {
      clearInterval(timer);
      return run('quit');
    },
  };
}
