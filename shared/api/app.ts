import { z } from 'zod';

/** A document that could not be read and was moved aside, untouched. */
export interface QuarantinedDocument {
  /** Where the damaged file now lives, relative to the data directory. */
  file: string;
  /** The client it belonged to, when the file name or its text says so. */
  clientId: string | null;
  clientName: string | null;
  reason: string;
  at: string;
}

/**
 * An automatic backup that was not made. `keychain`: a passphrase protects automatic backups but
 * the system keychain did not give it back, so the backup was skipped rather than written
 * unprotected. `other`: anything else (a full disk, a folder Rapport may not write to).
 */
export interface AutomaticBackupFailure {
  at: string;
  reason: 'daily' | 'quit';
  cause: 'keychain' | 'other';
  /** The error's own words, for `other`. */
  message: string;
}

export interface AppStatus {
  appVersion: string;
  quarantined: QuarantinedDocument[];
  /** The last automatic backup that failed, until a later one succeeds; null when none did. */
  automaticBackupFailure: AutomaticBackupFailure | null;
}

export interface AppApi {
  status(): Promise<AppStatus>;
}

export const appContract = {
  status: z.tuple([]),
};
