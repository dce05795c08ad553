import { app, dialog, type BrowserWindow } from 'electron';
import { RapportError } from '../shared/errors';

/**
 * How Rapport lets go of the coach's data: wait for the writes under way, then release the data
 * folder's lock. Runs at most once, whichever way the app ends.
 */
export function createShutdown(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/**
 * Quitting waits for the shutdown; a Windows shutdown or log-off ends the session without
 * before-quit or will-quit, so the main window's session-end starts it too (once it fires,
 * nothing can hold the session open, so it only gets a head start).
 */
export function closeDataOnQuit(shutdown: () => Promise<void>, isOpen: () => boolean): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !isOpen()) return;
    event.preventDefault();
    void shutdown().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

export function closeDataOnSessionEnd(window: BrowserWindow, shutdown: () => Promise<void>): void {
  window.on('session-end', () => void shutdown());
}

/**
 * A failure while starting (after the single-instance lock, maybe after the data folder's lock)
 * must not leave a windowless process holding both: say what happened, let go of the data,
 * release the single-instance lock and leave.
 */
export async function failStartup(error: unknown, shutdown: () => Promise<void>): Promise<void> {
  const known = error instanceof RapportError || (typeof error === 'object' && error !== null && 'code' in error);
  const message = RapportError.from(error).message;
  const detail = !known && error instanceof Error ? `\n\nDetails: ${error.message}` : '';
  dialog.showErrorBox(known ? 'Rapport cannot open your data' : 'Rapport could not start', `${message}${detail}`);
  await shutdown().catch(() => undefined);
  app.releaseSingleInstanceLock();
  app.exit(1);
}
