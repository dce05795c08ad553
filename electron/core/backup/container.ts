import { z } from 'zod';
import { ShortText, Timestamp } from '../../../shared/model/primitives';
import { BACKUP_FORMAT, Counts, MAX_CLIENTS } from './format';

/*
 * Backup format 3: a tar archive (POSIX ustar) holding, in this order,
 *
 *   manifest.json            what the archive holds: format, version, app version, date,
 *                            counts, and the size and SHA-256 of every other entry
 *   practice.json            the practice document, as the data folder holds it
 *   clients/<id>.json        one client document each
 *   files/<sha-256>          the attached files, named by the SHA-256 of their bytes
 *
 * With a passphrase the whole archive is one `age` file (age-encryption.org/v1) with a single
 * scrypt recipient. Formats 1 and 2 are the older single-JSON envelope (format.ts); all three
 * are read. docs/backups.md explains the choice of tar and the limits below.
 */

export const CONTAINER_FORMAT_VERSION = 3;
export const MANIFEST_NAME = 'manifest.json';
export const PRACTICE_NAME = 'practice.json';
export const CLIENT_ENTRY = /^clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
export const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;

/**
 * The scrypt work factor (log2 N) Rapport writes into an age header, and the only one it reads:
 * 2^17 × r 8 × 128 bytes = 128 MiB and about half a second. A header asking for more is refused
 * before anything is derived; one asking for less was not written by Rapport.
 */
export const AGE_SCRYPT_LOG_N = 17;

export const CONTAINER_LIMITS = {
  /** The manifest is read whole before anything else; 100,000 entries of about 130 bytes fit. */
  manifestBytes: 16 * 1024 * 1024,
  /** One document; the largest client of the ten-year benchmark practice is well under 1 MiB. */
  documentBytes: 32 * 1024 * 1024,
  /** Every document together, as the JSON formats' whole-file cap allowed (they are held until checked). */
  documentsBytes: 128 * 1024 * 1024,
  /** One attached file: the app refuses to attach more than 100 MB. */
  fileBytes: 100 * 1024 * 1024,
  files: 200_000,
} as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestEntry = z.strictObject({
  name: z.string().max(200),
  size: z.number().int().min(0).max(CONTAINER_LIMITS.fileBytes),
  sha256: Sha256,
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const Manifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(CONTAINER_FORMAT_VERSION),
  appVersion: ShortText,
  createdAt: Timestamp,
  counts: Counts,
  files: z.number().int().min(0).max(CONTAINER_LIMITS.files),
  entries: z.array(ManifestEntry).max(MAX_CLIENTS + CONTAINER_LIMITS.files + 1),
});
export type Manifest = z.infer<typeof Manifest>;

/** The age header ends with its MAC line; Rapport's is about 200 bytes. A header that does not end early is not one. */
export const MAX_AGE_HEADER = 4096;

/** The first line of every age file. */
export const AGE_MAGIC = 'age-encryption.org/v1\n';

/**
 * Whether an age header has the shape Rapport writes within `head` (the file's first bytes):
 * it ends (its MAC line is there) and names exactly one recipient. Checked before the library
 * reads it, since the library reads lines of any length.
 */
export function ageHeaderWellFormed(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const end = text.indexOf('\n---');
  if (end < 0 || text.indexOf(0x0a, end + 1) < 0) return false;
  const lines = text.subarray(AGE_MAGIC.length, end).toString('latin1').split('\n');
  return lines.filter((line) => line.startsWith('-> ')).length === 1;
}

/** What a file starts with: which reader opens it. */
export function sniffBackup(head: Uint8Array): 'age' | 'tar' | 'json' | 'unknown' {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (text.subarray(0, AGE_MAGIC.length).toString('latin1') === AGE_MAGIC) return 'age';
  if (text.length >= 263 && text.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  const start = text.subarray(0, 64).toString('latin1').trimStart();
  if (start.startsWith('{')) return 'json';
  return 'unknown';
}
