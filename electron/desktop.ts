import { app, dialog, shell, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { ChosenFile, FilePurpose } from '../shared/api/chosen-file';
import type { DesktopApi } from '../shared/api/desktop';
import { RapportError } from '../shared/errors';
import type { PaperSize } from '../shared/model/practice';
import type { BackupKeychain } from './backup-keychain';
import { writeFileDurably } from './core/durable-write';
import { readUntrustedFile } from './core/untrusted-file';
import { readCalendarFile } from './core/calendar/file';
import { withPrintWindow, type PrintWindowOptions } from './print-window';
import type { DialogTokens } from './security/dialog-tokens';
import { printFailure } from './shell/print-result';
import { openExternalLink } from './external-links';
import { CALENDAR_FILE_TYPE, CLIENT_EXPORT_FILE_TYPE, saveFileTypesFor } from '../shared/save-file-types';

const MAX_TEXT_FILE_BYTES = 1024 * 1024;
const CALENDAR_FILTER = CALENDAR_FILE_TYPE;
const BACKUP_FILTER = { name: 'Rapport backup', extensions: ['rapport-backup'] };
const EXPORT_FILTER = CLIENT_EXPORT_FILE_TYPE;

export interface DesktopDeps extends PrintWindowOptions {
  focusedWindow(): BrowserWindow | undefined;
  paperSize(): Promise<PaperSize>;
  keychain: BackupKeychain;
  /** Where paths the coach picks for the workspace wait, behind the tokens the page gets. */
  dialogTokens: DialogTokens;
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

  async function askOpenPaths(): Promise<string[]> {
    const options = { properties: ['openFile' as const, 'multiSelections' as const], defaultPath: documents() };
    const window = deps.focusedWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }

  const chosen = (path: string | null, purpose: FilePurpose): ChosenFile | null =>
    path === null ? null : deps.dialogTokens.issue(path, purpose);

  return {
    chooseBackupSavePath: async (defaultName) => chosen(await askSavePath(defaultName, [BACKUP_FILTER]), 'backup-write'),
    chooseExportSavePath: async (defaultName) => chosen(await askSavePath(defaultName, [EXPORT_FILTER]), 'export-write'),
    chooseBackupOpenPath: async () => chosen(await askOpenPath([BACKUP_FILTER]), 'backup-read'),
    chooseDocuments: async () => (await askOpenPaths()).map((path) => deps.dialogTokens.issue(path, 'document-read')),
    chooseDocumentSavePath: async (defaultName) => chosen(await askSavePath(defaultName, saveFileTypesFor(defaultName)), 'document-write'),
    automaticBackupProtection: () => deps.keychain.status(),
    setAutomaticBackupPassphrase: (passphrase) => deps.keychain.set(passphrase),

    async saveTextFile(defaultName, text) {
      const path = await askSavePath(defaultName, saveFileTypesFor(defaultName));
      if (path) await writeFileDurably(path, text);
      return path === null ? null : basename(path);
    },

    async openTextFile() {
      const path = await askOpenPath([
        { name: 'Text or email', extensions: ['txt', 'md', 'eml'] },
        { name: 'All files', extensions: ['*'] },
      ]);
      if (!path) return null;
      const bytes = await readUntrustedFile(
        path,
        MAX_TEXT_FILE_BYTES,
        { kind: 'reply', code: 'INVALID_INPUT' },
        () => new RapportError('INVALID_INPUT', 'That file is too large to be a reply. Please paste the text instead.'),
      );
      return { name: basename(path), text: bytes.toString('utf8') };
    },

    async openCalendarFile() {
      const path = await askOpenPath([CALENDAR_FILTER, { name: 'All files', extensions: ['*'] }]);
      return path ? readCalendarFile(path) : null;
    },

    async print(route) {
      await withPrintWindow(
        route,
        deps,
        (window) =>
          new Promise<void>((resolve, reject) => {
            window.webContents.print({ printBackground: true }, (success, reason) => {
              const failure = printFailure(success, reason);
              if (failure) reject(failure);
              else resolve();
            });
          }),
      );
    },

    async saveAsPdf(route, defaultName) {
      const path = await askSavePath(defaultName, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return null;
      const pageSize = await deps.paperSize();
      // The sheet draws its own running header (CSS page-margin boxes, docs/printing.md); Electron's
      // header and footer would replace it, and could not leave the first page out.
      const pdf = await withPrintWindow(route, deps, (window) =>
        window.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }),
      );
      await writeFileDurably(path, pdf);
      return basename(path);
    },

    openExternal: (url) => openExternalLink(url, (link) => shell.openExternal(link)),
  };
}
