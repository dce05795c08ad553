import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { extract as createExtract } from 'tar-stream';
import { RapportError } from '../../../shared/errors';
import type { AutomaticBackup } from '../../../shared/api/backup';
import { ScryptPassphraseIdentity } from '../backup/age-scrypt';
import { listAutomaticBackups } from '../backup/automatic';
import { decryptAge } from '../backup/age-stream';
import { CONTAINER_LIMITS, MANIFEST_NAME, MAX_AGE_HEADER, ageHeaderWellFormed, sniffBackup } from '../backup/container';
import { feed } from '../backup/read-container';
import { openUntrustedFile } from '../untrusted-file';
import { prepareFile, type PreparedStoredFile } from './file-store';

/*
 * Takes an attached file back from the automatic backups when the stored copy is damaged or
 * gone. A format 3 backup (backup/container.ts) holds each attached file as `files/<sha-256>`,
 * so the copy is found by name and trusted only by its bytes: it is hashed while it streams
 * into a temp file inside `files/` (file-store's prepareFile, whose temp files the next open
 * sweeps), and only a copy of exactly the right size and digest is put in place. Anything else
 * (a backup cut short, tampered with, encrypted with a passphrase the keychain no longer gives,
 * or in the older JSON formats, which held no files) is passed over for the next older one.
 *
 * The backup is untrusted, so it is read the way a restore reads it, with constant memory: the
 * age decryption and the tar reader stream it 256 KiB at a time with back-pressure, nothing is
 * parsed (the manifest is only searched for the file's name), and every entry but the one
 * wanted is skipped unread. It is a reader of its own rather than read-container.ts's, which
 * checks and keeps every document of the backup, to find one file.
 */

/** The automatic backup a file is (or would be) taken from. */
export interface RecoverySource {
  fileName: string;
  createdAt: string;
}

export interface RecoveryRequest {
  dataDir: string;
  backupsDir: string;
  /** The passphrase of the encrypted automatic backups, if any; those are passed over without it. */
  passphrase: string | undefined;
  sha256: string;
  size: number;
}

/** A backup that cannot give the file (unreadable, not Rapport's, or its copy is not whole): the next one is tried. */
class PassOver extends Error {}

/** prepareFile's refusals for a copy of the wrong size: the copy is passed over, not reported. */
class CopyUnusable extends RapportError {
  constructor() {
    super('BAD_BACKUP', 'The copy in this backup is not whole.');
  }
}

const CHUNK = 256 * 1024;

async function* readHandle(handle: FileHandle, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < size;) {
    const bytes = Buffer.allocUnsafe(Math.min(CHUNK, size - at));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, at);
    if (bytesRead === 0) return;
    at += bytesRead;
    yield bytesRead === bytes.length ? bytes : bytes.subarray(0, bytesRead);
  }
}

/** The tar archive's bytes of an open backup: as they are, or decrypted as they are read. */
async function archiveBytes(handle: FileHandle, size: number, passphrase: string | undefined): Promise<AsyncIterable<Uint8Array>> {
  const head = Buffer.alloc(Math.min(size, MAX_AGE_HEADER));
  const { bytesRead } = await handle.read(head, 0, head.length, 0).catch(() => {
    throw new PassOver();
  });
  const kind = sniffBackup(head.subarray(0, bytesRead));
  if (kind === 'tar') return readHandle(handle, size);
  // Formats 1 and 2 (JSON) held no attached files.
  if (kind !== 'age' || passphrase === undefined || !ageHeaderWellFormed(head.subarray(0, bytesRead))) throw new PassOver();
  try {
    return await decryptAge(head.subarray(0, bytesRead), readHandle(handle, size), new ScryptPassphraseIdentity(passphrase));
  } catch {
    // A refused work factor, a wrong passphrase, a damaged header.
    throw new PassOver();
  }
}

/** An entry's bytes; a failure of the backup underneath (decryption, tar) passes the backup over. */
async function* entryBytes(entry: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of entry) yield chunk;
  } catch {
    throw new PassOver();
  }
}

/** Whether the manifest (the archive's first entry) names `files/<sha256>`, searched as it streams, never parsed. */
async function manifestNames(entry: AsyncIterable<Uint8Array>, sha256: string): Promise<boolean> {
  const needle = Buffer.from(`"files/${sha256}"`, 'latin1');
  let tail = Buffer.alloc(0);
  let found = false;
  for await (const chunk of entryBytes(entry)) {
    if (found) continue;
    const window = Buffer.concat([tail, chunk]);
    found = window.includes(needle);
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
  }
  return found;
}

type Visit = 'list' | 'take';

/**
 * Reads one backup as far as needed: whether its manifest names the file ('list'), or the
 * file itself, verified into a temp file of `files/` ('take'). Null when it cannot give it.
 */
async function visitBackup(path: string, request: RecoveryRequest, visit: Visit): Promise<PreparedStoredFile | true | null> {
  let file;
  try {
    file = await openUntrustedFile(path, Number.MAX_SAFE_INTEGER, { kind: 'backup', code: 'BAD_BACKUP' }, () => new CopyUnusable());
  } catch {
    return null;
  }
  const extract = createExtract();
  let feeding: Promise<void> = Promise.resolve();
  try {
    feeding = feed(await archiveBytes(file.handle, file.size, request.passphrase), extract, () => new PassOver());
    const wanted = `files/${request.sha256}`;
    let first = true;
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (first) {
        first = false;
        if (name !== MANIFEST_NAME || type !== 'file' || (size ?? 0) > CONTAINER_LIMITS.manifestBytes) return null;
        if (!(await manifestNames(entry as AsyncIterable<Uint8Array>, request.sha256))) return null;
        if (visit === 'list') return true;
        continue;
      }
      if (name !== wanted) {
        entry.resume();
        continue;
      }
      if (type !== 'file' || size !== request.size) return null;
      const prepared = await prepareFile(request.dataDir, entryBytes(entry as AsyncIterable<Uint8Array>), {
        maxBytes: request.size,
        tooLarge: () => new CopyUnusable(),
        empty: () => new CopyUnusable(),
      });
      if (prepared.sha256 === request.sha256 && prepared.size === request.size) return prepared;
      await prepared.discard();
      return null;
    }
    return null;
  } catch (error) {
    // A full disk while writing the copy is the coach's to hear of; a bad backup is only passed over.
    if (error instanceof PassOver || error instanceof CopyUnusable || !(typeof (error as NodeJS.ErrnoException).errno === 'number'))
      return null;
    throw error;
  } finally {
    extract.destroy();
    await feeding;
    await file.handle.close();
  }
}

const sourceOf = ({ fileName, createdAt }: AutomaticBackup): RecoverySource => ({ fileName, createdAt });

/** The newest automatic backup whose manifest names the file: where recovery would look first. Reads only the manifests. */
export async function findRecoverySource(request: RecoveryRequest): Promise<RecoverySource | null> {
  for (const backup of await listAutomaticBackups(request.backupsDir)) {
    if ((await visitBackup(join(request.backupsDir, backup.fileName), request, 'list')) === true) return sourceOf(backup);
  }
  return null;
}

export const NOT_RECOVERABLE = () =>
  new RapportError(
    'DOCUMENT_NOT_RECOVERABLE',
    'None of the automatic backups holds an intact copy of this file. If you have the original, remove this document and attach it again.',
  );

/**
 * Finds an intact copy of the file in the automatic backups, newest first, and answers it
 * written and fsynced under a temp name in `files/`, with the backup it came from. The caller
 * puts it in place (`commit`: rename over the stored file, fsync the folder) or discards it.
 */
export async function takeFromBackups(request: RecoveryRequest): Promise<{ prepared: PreparedStoredFile; source: RecoverySource }> {
  for (const backup of await listAutomaticBackups(request.backupsDir)) {
    const found = await visitBackup(join(request.backupsDir, backup.fileName), request, 'take');
    if (found !== null && found !== true) return { prepared: found, source: sourceOf(backup) };
  }
  throw NOT_RECOVERABLE();
}
