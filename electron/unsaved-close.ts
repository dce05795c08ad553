import { dialog, type BrowserWindow, type MessageBoxSyncOptions } from 'electron';

/** The button the coach picks to close anyway; the other keeps the window and their edits. */
export const CLOSE_ANYWAY = 0;

export const UNSAVED_CLOSE_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['Close and lose the changes', 'Keep editing'],
  defaultId: 1,
  cancelId: 1,
  message: 'You have changes that are not saved yet.',
  detail: 'If you close Rapport now, they are lost.',
};

/**
 * The page asks before closing when a form holds unsaved edits (a `beforeunload` that prevents
 * the unload). Electron does not show the browser's question for it: it cancels the close
 * silently and emits `will-prevent-unload`, so main asks here, and closes when the coach says so.
 */
export function askBeforeClosingWithUnsavedChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNSAVED_CLOSE_QUESTION) === CLOSE_ANYWAY) event.preventDefault();
  });
}
