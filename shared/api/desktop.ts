import { z } from 'zod';
import { isSafeFileName } from '../file-name';
import type { ChosenFile } from './chosen-file';

/** A print route of the renderer, e.g. `/print/agenda/<clientId>/<sessionId>`. */
const PrintRoute = z
  .string()
  .max(300)
  .regex(/^\/print(\/[A-Za-z0-9_-]+)+$/, { error: 'That page cannot be printed.' });
/** A default name for a save dialog, as safeFileName makes them: never a folder or a device. */
const FileName = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => isSafeFileName(name), { error: 'That file name is not allowed.' });

export const MenuCommand = z.enum(['new-client', 'new-session', 'search', 'settings', 'print', 'save-pdf', 'backup-now', 'restore-backup']);
export type MenuCommand = z.infer<typeof MenuCommand>;

/**
 * What only the desktop shell can do: file dialogs, printing, the OS. Served by the main
 * process in Electron and by the test host in the browser — never by the workspace, which
 * has no windows. Channels are `desktop:<method>`.
 */
export interface DesktopApi {
  /**
   * Asks where to save a backup; null when the coach cancels. The answer is a token for
   * `backup.create` (purpose 'backup-write') and the file's name, never the path.
   */
  chooseBackupSavePath(defaultName: string): Promise<ChosenFile | null>;
  /** Asks where to save one client's export (a .tar archive): a token for `backup.exportClient`. */
  chooseExportSavePath(defaultName: string): Promise<ChosenFile | null>;
  /** Asks which backup file to open: a token for `backup.inspect` and then `backup.restore`. */
  chooseBackupOpenPath(): Promise<ChosenFile | null>;
  /** Asks which files to attach to a client (several at once): tokens for `documents.attach`; empty when cancelled. */
  chooseDocuments(): Promise<ChosenFile[]>;
  /** Asks where to save a copy of a document: a token for `documents.saveCopy`. */
  chooseDocumentSavePath(defaultName: string): Promise<ChosenFile | null>;
  /** Whether the OS keychain can keep a passphrase for automatic backups, and whether one is set. */
  automaticBackupProtection(): Promise<AutomaticBackupProtection>;
  /** Keeps (or, with null, forgets) the passphrase that encrypts automatic backups, in the OS keychain. */
  setAutomaticBackupPassphrase(passphrase: string | null): Promise<AutomaticBackupProtection>;
  /** Asks where to save and writes the text there; the file's name (never its folder), or null when cancelled. */
  saveTextFile(defaultName: string, text: string): Promise<string | null>;
  /** Asks for a text file (e.g. a client's emailed reply) and returns its contents. */
  openTextFile(): Promise<{ name: string; text: string } | null>;
  /**
   * Asks for a calendar file (.ics) and returns its contents; refuses one over 5 MB with
   * CALENDAR_TOO_LARGE before reading it.
   */
  openCalendarFile(): Promise<{ name: string; text: string } | null>;
  /** Opens the system print dialog for a print route. */
  print(route: string): Promise<void>;
  /** Renders a print route to PDF where the coach chooses; the file's name (never its folder), or null when cancelled. */
  saveAsPdf(route: string, defaultName: string): Promise<string | null>;
  /** Opens a web (http/https), mailto: or tel: link in the coach's own browser, mail or phone app. */
  openExternal(url: string): Promise<void>;
}

export interface AutomaticBackupProtection {
  /** False where the OS offers no real keychain: automatic backups then stay unencrypted. */
  available: boolean;
  enabled: boolean;
}

/** What the page gets as `window.rapportDesktop`. */
export type DesktopBridge = DesktopApi & { onMenuCommand(listener: (command: MenuCommand) => void): void };

export const desktopContract = {
  chooseBackupSavePath: z.tuple([FileName]),
  chooseExportSavePath: z.tuple([FileName]),
  chooseBackupOpenPath: z.tuple([]),
  chooseDocuments: z.tuple([]),
  chooseDocumentSavePath: z.tuple([FileName]),
  automaticBackupProtection: z.tuple([]),
  setAutomaticBackupPassphrase: z.tuple([
    z
      .string()
      .min(8, { error: 'Use a passphrase of at least 8 characters.' })
      .max(1024, { error: 'That passphrase is too long.' })
      .nullable(),
  ]),
  // A ten-year practice's coaching log is about 0.9 million characters of CSV.
  saveTextFile: z.tuple([FileName, z.string().max(8_000_000, { error: 'That file is too large to save.' })]),
  openTextFile: z.tuple([]),
  openCalendarFile: z.tuple([]),
  print: z.tuple([PrintRoute]),
  saveAsPdf: z.tuple([PrintRoute, FileName]),
  openExternal: z.tuple([
    z
      .string()
      .max(2048, { error: 'That link is too long to open.' })
      .regex(/^(https?|mailto|tel):/i, { error: 'Only web, email and phone links can be opened.' }),
  ]),
};

export const DESKTOP_CHANNELS = Object.keys(desktopContract).map((method) => `desktop:${method}`);
export const MENU_CHANNEL = 'menu:command';
