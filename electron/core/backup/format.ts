import { z } from 'zod';
import type { BackupCounts } from '../../../shared/api/backup';
import type { ClientDocument } from '../../../shared/model/documents';
import { ShortText, Timestamp } from '../../../shared/model/primitives';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Larger files are refused before reading: no real practice comes near it, and V8 strings cannot hold much more. */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;
export const MAX_CLIENTS = 100_000;
const MAX_RECORDS = 10_000_000;

const Count = z.number().int().min(0).max(MAX_RECORDS);
export const Counts = z.strictObject({
  clients: z.number().int().min(0).max(MAX_CLIENTS),
  sessions: Count,
  agendas: Count,
  goals: Count,
  commitments: Count,
  assessments: Count,
});

const Base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes);

/**
 * scrypt parameters are read from the file, so they are bounded: a crafted file must not
 * make Rapport allocate gigabytes or spin for minutes.
 */
export const Encryption = z.strictObject({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(4),
  salt: Base64(16),
  nonce: Base64(12),
  tag: Base64(16),
  /** Tells a wrong passphrase apart from a damaged file; see crypto.ts. */
  keyCheck: Base64(32),
});
export type Encryption = z.infer<typeof Encryption>;

/** The envelope of the current format version, payload aside. */
export const Header = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: ShortText,
  createdAt: Timestamp,
  counts: Counts,
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  encryption: Encryption.nullable(),
});
export type Header = z.infer<typeof Header>;

export function countsOf(documents: readonly ClientDocument[]): BackupCounts {
  const counts: BackupCounts = { clients: documents.length, sessions: 0, agendas: 0, goals: 0, commitments: 0, assessments: 0 };
  for (const document of documents) {
    counts.sessions += document.sessions.length;
    counts.agendas += document.agendas.length;
    counts.goals += document.goals.length;
    counts.commitments += document.commitments.length;
    counts.assessments += document.assessments.length;
  }
  return counts;
}

type RawEnvelope = Record<string, unknown>;
/** Turns an envelope of format version N into version N + 1 (payload included). */
type FormatMigration = (envelope: RawEnvelope) => RawEnvelope;

/**
 * Backup format migrations by the version they upgrade from. Version 1 is the first format,
 * so there are none yet; add `1: (envelope) => ({ ...envelope, formatVersion: 2, ... })` when it changes.
 */
const formatMigrations: Record<number, FormatMigration> = {};

export class UnknownFormatVersionError extends Error {}

/** Brings an envelope of an older format version up to the current one. */
export function migrateEnvelope(envelope: RawEnvelope, version: number): RawEnvelope {
  let current = envelope;
  let at = version;
  while (at < BACKUP_FORMAT_VERSION) {
    const step = formatMigrations[at];
    if (!step) throw new UnknownFormatVersionError(`no migration from backup format ${at}`);
    current = step(current);
    at = current.formatVersion as number;
  }
  return current;
}
