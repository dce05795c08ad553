import { app, dialog, shell, type BrowserWindow } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DesktopApi } from '../shared/api/desktop';
import { RapportError } from '../shared/errors';
import type { PaperSize } from '../shared/model/practice';
import type { BackupKeychain } from './backup-keychain';
import { writeFileDurably } from './core/durable-write';
import { withPrintWindow, type PrintWindowOptions } from './print-window';
import { openExternalLink } from './external-links';

const MAX_TEXT_FILE_BYTES = 1024 * 1024;
const BACKUP_FILTER = { name: 'Rapport backup', extensions: ['rapport-backup'] };
const EXPORT_FILTER = { name: 'JSON', extensions: ['json'] };

export interface DesktopDeps extends PrintWindowOptions {
  focusedWindow(): BrowserWindow | undefined;
  paperSize(): Promise<PaperSize>;
  keychain: BackupKeychain;
}

/** The desktop shell's side of the app: dialogs, files the coach picks, printing, the OS. */
export function createDesktopService(deps: DesktopDeps): DesktopApi {
  const documents = () => app.getPath('documents');

  async function askSavePath(defaultName: string, filters: Electron.FileFilter[]): Promise<string | null> {
    const options = { defaultPath: join(documents(), defaultName), filters };
    const window = deps.focusedWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function askOpenPath(filters: Electron.FileFilter[]): Promise<string | null> {
    const options = { properties: ['openFile' as const], defaultPath: documents(), filters };
    const window = deps.focusedWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  return {
    chooseBackupSavePath: (defaultName) => askSavePath(defaultName, [BACKUP_FILTER]),
    chooseExportSavePath: (defaultName) => askSavePath(defaultName, [EXPORT_FILTER]),
    chooseBackupOpenPath: () => askOpenPath([BACKUP_FILTER]),
    automaticBackupProtection: () => deps.keychain.status(),
    setAutomaticBackupPassphrase: (passphrase) => deps.keychain.set(passphrase),

    async saveTextFile(defaultName, text) {
      const path = await askSavePath(defaultName, [{ name: 'Text', extensions: ['txt', 'md'] }]);
      if (path) await writeFileDurably(path, text);
      return path;
    },

    async openTextFile() {
      const path = await askOpenPath([
        { name: 'Text or email', extensions: ['txt', 'md', 'eml'] },
        { name: 'All files', extensions: ['*'] },
      ]);
      if (!path) return null;
      if ((await stat(path)).size > MAX_TEXT_FILE_BYTES) {
        throw new RapportError('INVALID_INPUT', 'That file is too large to be a reply. Please paste the text instead.');
      }
      return { name: basename(path), text: await readFile(path, 'utf8') };
    },

    async print(route) {
      await withPrintWindow(route, deps, (window) =>
        new Promise<void>((resolve, reject) => {
          window.webContents.print({ printBackground: true }, (success, reason) => {
            if (success || reason === 'cancelled') resolve();
            else reject(new RapportError('IO_ERROR', 'The page could not be printed. Please check your printer and try again.'));
          });
        }),
      );
    },

    async saveAsPdf(route, defaultName) {
      const path = await askSavePath(defaultName, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return null;
      const pageSize = await deps.paperSize();
      const pdf = await withPrintWindow(route, deps, (window) =>
        window.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true }),
      );
      await writeFileDurably(path, pdf);
      return path;
    },

    openExternal: (url) => openExternalLink(url, (link) => shell.openExternal(link)),
  };
}
