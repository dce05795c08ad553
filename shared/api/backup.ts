import { z } from 'zod';
import { Id } from '../model/primitives';
import { ChosenFileRef } from './chosen-file';
import { safeFileName } from '../file-name';

export const BACKUP_EXTENSION = '.rapport-backup';

export interface BackupCounts {
  clients: number;
  sessions: number;
  agendas: number;
  goals: number;
  commitments: number;
  assessments: number;
}

/** What `create` wrote. */
export interface BackupSummary {
  filePath: string;
  createdAt: string;
  counts: BackupCounts;
  encrypted: boolean;
  bytes: number;
}

/** What a backup file holds, read and fully checked without changing anything. */
export interface BackupContents {
  createdAt: string;
  appVersion: string;
  formatVersion: number;
  encrypted: boolean;
  counts: BackupCounts;
  /** Every client's name, sorted. */
  clientNames: string[];
}

export interface RestoreSummary extends BackupSummary {
  /** The automatic backup holding the data as it was just before the restore. */
  safetyBackup: string;
}

export type AutomaticReason = 'daily' | 'quit' | 'before-restore';

export interface AutomaticBackup {
  fileName: string;
  createdAt: string;
  bytes: number;
  reason: AutomaticReason;
}

export type AutomaticRunResult = { created: AutomaticBackup; skipped: null } | { created: null; skipped: 'disabled' | 'recent' };

export interface ClientRecovery {
  clientId: string;
  clientName: string;
  /** The automatic backup the client's file came from. */
  fileName: string;
  backupCreatedAt: string;
}

/** What a per-client export wrote. */
export interface ClientExportSummary {
  /** How many attached documents it holds. */
  documents: number;
  bytes: number;
}

/** A per-client export is a plain tar archive. */
export const CLIENT_EXPORT_EXTENSION = '.tar';

/**
 * The name the save dialog offers for a client's export, e.g. `Dana Whitfield – Rapport export
 * 2026-12-01.tar`: the client's name made safe and shortened, and the day it was made.
 */
export function clientExportFileName(clientName: string, isoDate: string): string {
  const name = safeFileName(clientName, { maxLength: 48, fallback: 'Client' });
  return safeFileName(`${name} – Rapport export ${isoDate}`, { extension: CLIENT_EXPORT_EXTENSION });
}

export interface BackupOptions {
  passphrase?: string | undefined;
}

/**
 * The workspace's side of backups, called by main with paths it got from its own dialogs (and by
 * tests and benchmarks with paths of their own). The page never reaches it: it calls
 * BackupPageApi, whose file arguments are tokens main resolves to these paths.
 */
export interface BackupApi {
  /** Writes every document into one backup file, encrypted when a passphrase is given. */
  create(filePath: string, options?: BackupOptions): Promise<BackupSummary>;
  inspect(filePath: string, options?: BackupOptions): Promise<BackupContents>;
  /** Replaces all data with the backup's, after saving the current data as a safety backup. */
  restore(filePath: string, options?: BackupOptions): Promise<RestoreSummary>;
  /** Automatic backups, newest first. */
  listAutomatic(): Promise<AutomaticBackup[]>;
  /** At most one 'daily' backup a day; 'quit' always runs. Both respect the automatic setting. */
  runAutomatic(reason: 'daily' | 'quit'): Promise<AutomaticRunResult>;
  restoreAutomatic(fileName: string): Promise<RestoreSummary>;
  /** Brings back a quarantined client from the newest automatic backup with a valid copy. */
  restoreClientFromAutomatic(clientId: string): Promise<ClientRecovery>;
  /** Automatic backups that may still hold the client (encrypted ones cannot be checked, so count). */
  backupsContaining(clientId: string): Promise<string[]>;
  /**
   * Writes one client's export: a tar archive holding the client's file as readable JSON, every
   * attached document under a readable name, a README and a manifest (docs/backups.md).
   */
  exportClient(clientId: string, filePath: string): Promise<ClientExportSummary>;
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;
/** `\\server\share`, `//server/share` and `\\?\` device paths: a file elsewhere, or not a file at all. */
const NETWORK_OR_DEVICE = /^[\\/]{2}/;

const AbsolutePath = z
  .string()
  .min(2, { error: 'Please choose a file.' })
  .max(4096, { error: 'That file path is too long.' })
  .refine((path) => !path.includes('\0'), { error: 'That file path is not allowed.' })
  .refine((path) => !NETWORK_OR_DEVICE.test(path), {
    error: 'Rapport cannot use a network location. Please choose a file on this computer.',
  })
  .refine((path) => path.startsWith('/') || WINDOWS_ABSOLUTE.test(path), { error: 'Please choose a file with the file dialog.' });

const NewBackupPath = AbsolutePath.refine((path) => path.endsWith(BACKUP_EXTENSION), {
  error: `A backup file name must end in ${BACKUP_EXTENSION}.`,
});
const ExportPath = AbsolutePath.refine((path) => path.toLowerCase().endsWith(CLIENT_EXPORT_EXTENSION), {
  error: `An export file name must end in ${CLIENT_EXPORT_EXTENSION}.`,
});

const Passphrase = z.string().min(1, { error: 'Please enter the passphrase.' }).max(1024, { error: 'That passphrase is too long.' });
const NewPassphrase = Passphrase.min(8, { error: 'Use a passphrase of at least 8 characters.' });

/** A plain file name inside the automatic backups folder: no folders, no way out of it. */
export const AutomaticFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, { error: 'That backup does not exist.' })
  .refine((name) => name.endsWith(BACKUP_EXTENSION) && !name.includes('..'), { error: 'That backup does not exist.' });

export const backupContract = {
  create: z.tuple([NewBackupPath, z.strictObject({ passphrase: NewPassphrase.optional() }).optional()]),
  inspect: z.tuple([AbsolutePath, z.strictObject({ passphrase: Passphrase.optional() }).optional()]),
  restore: z.tuple([AbsolutePath, z.strictObject({ passphrase: Passphrase.optional() }).optional()]),
  listAutomatic: z.tuple([]),
  runAutomatic: z.tuple([z.enum(['daily', 'quit'])]),
  restoreAutomatic: z.tuple([AutomaticFileName]),
  restoreClientFromAutomatic: z.tuple([Id]),
  backupsContaining: z.tuple([Id]),
  exportClient: z.tuple([Id, ExportPath]),
};

/** What the page learns about a backup it made: the file's name, never its folder. */
export type ChosenBackupSummary = Omit<BackupSummary, 'filePath'> & { fileName: string };
export type ChosenRestoreSummary = Omit<RestoreSummary, 'filePath'> & { fileName: string };

/**
 * Backups as the page may ask for them. Every file it names is a ChosenFileRef: a token for a
 * file the coach picked in a dialog the main process opened ('backup-write' for create,
 * 'backup-read' for inspect and restore, 'export-write' for exportClient). A path is refused.
 */
export interface BackupPageApi extends Omit<BackupApi, 'create' | 'inspect' | 'restore' | 'restoreAutomatic' | 'exportClient'> {
  /** Writes every document into the chosen file, encrypted when a passphrase is given. Spends the token. */
  create(file: ChosenFileRef, options?: BackupOptions): Promise<ChosenBackupSummary>;
  /** Reads the chosen backup without changing anything; the token stays usable for restore. */
  inspect(file: ChosenFileRef, options?: BackupOptions): Promise<BackupContents>;
  /** Replaces all data with the chosen backup's, after a safety backup. Spends the token. */
  restore(file: ChosenFileRef, options?: BackupOptions): Promise<ChosenRestoreSummary>;
  restoreAutomatic(fileName: string): Promise<ChosenRestoreSummary>;
  /** Writes one client's export (a tar archive, see BackupApi) into the chosen file. Spends the token. */
  exportClient(clientId: string, file: ChosenFileRef): Promise<ClientExportSummary>;
}

const ReadOptions = z.strictObject({ passphrase: Passphrase.optional() }).optional();

export const backupPageContract = {
  ...backupContract,
  create: z.tuple([ChosenFileRef, z.strictObject({ passphrase: NewPassphrase.optional() }).optional()]),
  inspect: z.tuple([ChosenFileRef, ReadOptions]),
  restore: z.tuple([ChosenFileRef, ReadOptions]),
  exportClient: z.tuple([Id, ChosenFileRef]),
};
