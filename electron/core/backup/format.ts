import { z } from 'zod';
import type { BackupCounts } from '../../../shared/api/backup';
import type { ClientDocument } from '../../../shared/model/documents';
import { ShortText, Timestamp } from '../../../shared/model/primitives';

export const BACKUP_FORMAT = 'rapport-backup';
/**
 * 2: an encrypted backup keeps in clear only what decrypting needs (format, version, key
 * derivation, nonce, tag); its description (dates, counts, app version, checksum) is the first
 * line inside the encryption. Plain backups are laid out as in version 1. Both are still read.
 */
export const BACKUP_FORMAT_VERSION = 2;

/**
 * Larger files are refused before reading. Parsing a file may take three times its size at
 * once (its bytes, its text, and a string value as large), so this cap keeps any file within
 * 256 MiB; the ten-year practice of the benchmark (400 clients, 12,000 sessions) makes a
 * backup of 48 MiB.
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
export const MAX_CLIENTS = 100_000;
const MAX_RECORDS = 10_000_000;

/**
 * The structure any backup up to MAX_BACKUP_BYTES may have, checked byte by byte before it is
 * parsed (json-bounds.ts). Documents nest about ten levels; the ten-year practice of the
 * benchmark holds 0.26 million objects and arrays and 1.5 million values in 48 MiB, so a
 * real backup up to the size cap stays well within these.
 */
export const BACKUP_JSON_BOUNDS = { maxDepth: 32, maxContainers: 1_000_000, maxValues: 4_000_000 };

/**
 * scrypt's cost is fixed by the format version, never read from the file: a crafted file must
 * not choose how long Rapport works or how much memory it takes before "wrong passphrase".
 * Version 2: 2^17 × 8 × 128 bytes = 128 MiB and about half a second, for a file that may leave
 * the machine.
 */
export const KDF_BY_VERSION: Record<number, { N: number; r: number; p: number }> = {
  1: { N: 2 ** 15, r: 8, p: 1 },
  2: { N: 2 ** 17, r: 8, p: 1 },
};

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

export const Encryption = z.strictObject({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: Base64(16),
  nonce: Base64(12),
  tag: Base64(16),
  /** Tells a wrong passphrase apart from a damaged file; see crypto.ts. */
  keyCheck: Base64(32),
});
export type Encryption = z.infer<typeof Encryption>;

/** A backup's description, payload aside, whichever format version wrote it (see the worker for where each part lies). */
export const Header = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(BACKUP_FORMAT_VERSION)]),
    appVersion: ShortText,
    createdAt: Timestamp,
    counts: Counts,
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
    encryption: Encryption.nullable(),
  })
  .refine(({ formatVersion, encryption }) => {
    const kdf = KDF_BY_VERSION[formatVersion];
    return encryption === null || (encryption.N === kdf.N && encryption.r === kdf.r && encryption.p === kdf.p);
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
