import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RapportError } from '../../../shared/errors';
import type { ClientDocument } from '../../../shared/model/documents';
import { SHA256 } from '../../../shared/model/document-file';
import { FILES_DIR, FILE_NAME } from '../data-layout';
import { DIR_MODE, FILE_MODE, TEMP_MARKER, fsyncDirectory } from '../durable-write';

/*
 * Attached files live in `<dataDir>/files/<sha-256>`: the name is the digest of the bytes, so two
 * documents holding the same bytes share one file, a file is never modified once in place, and
 * re-hashing it tells whether the disk still holds what was stored.
 */

export type FileIntegrity = 'ok' | 'damaged' | 'missing';

export interface PutOptions {
  /** Refuse (and store nothing) once more than this many bytes have come. */
  maxBytes: number;
  tooLarge: () => RapportError;
  /** Refuse (and store nothing) a source that gave no bytes at all. */
  empty: () => RapportError;
  /** Told the number of bytes written so far, after each piece. */
  onProgress?: (bytesWritten: number) => void;
}

export interface PutResult {
  sha256: string;
  size: number;
  /** False when a file with these bytes was already stored and the new copy was dropped. */
  written: boolean;
}

export function filesDir(dataDir: string): string {
  return join(dataDir, FILES_DIR);
}

/** Where the file of `sha256` lives; refuses anything that is not a digest, so no name can lead outside `files/`. */
export function storedFilePath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new RapportError('INVALID_INPUT', 'This file reference is not valid.');
  return join(filesDir(dataDir), sha256);
}

/** The SHA-256 and byte count of a stored file, read as a stream; null when there is no such file. */
async function digestOf(path: string): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const piece of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(piece);
      size += piece.byteLength;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Whether the stored file of `sha256` is there and still holds exactly the bytes it is named by. */
export async function verifyFile(dataDir: string, sha256: string): Promise<FileIntegrity> {
  const digest = await digestOf(storedFilePath(dataDir, sha256));
  if (digest === null) return 'missing';
  return digest.sha256 === sha256 ? 'ok' : 'damaged';
}

/**
 * Stores the bytes of `source` durably: written to a temp file in `files/` while hashed, fsynced,
 * renamed to its digest and the folder fsynced. When the same bytes are stored already the new
 * copy is dropped, unless the stored one no longer matches its name, which the fresh copy then
 * replaces. On any failure nothing new is left in `files/`.
 */
export async function putFile(dataDir: string, source: AsyncIterable<Uint8Array>, options: PutOptions): Promise<PutResult> {
  const dir = filesDir(dataDir);
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const temp = join(dir, `${TEMP_MARKER}${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      for await (const piece of source) {
        size += piece.byteLength;
        if (size > options.maxBytes) throw options.tooLarge();
        hash.update(piece);
        let at = 0;
        while (at < piece.byteLength) at += (await handle.write(piece, at)).bytesWritten;
        options.onProgress?.(size);
      }
      if (size === 0) throw options.empty();
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest('hex');
    const target = join(dir, sha256);
    if ((await verifyFile(dataDir, sha256)) === 'ok') {
      await rm(temp, { force: true });
      return { sha256, size, written: false };
    }
    await rename(temp, target);
    await fsyncDirectory(dir);
    return { sha256, size, written: true };
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Removes a stored file (gone already is fine) and makes the removal durable. */
export async function removeFile(dataDir: string, sha256: string): Promise<void> {
  await rm(storedFilePath(dataDir, sha256), { force: true });
  await fsyncDirectory(filesDir(dataDir)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

/** The digests of every stored file (temp files and strangers are not stored files). */
export async function storedFiles(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(filesDir(dataDir))).filter((name) => FILE_NAME.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The size on disk of a stored file, or null when it is not there. */
export async function storedFileSize(dataDir: string, sha256: string): Promise<number | null> {
  try {
    return (await stat(storedFilePath(dataDir, sha256))).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Deletes what an interrupted put left behind: temp files, and (given every digest some client
 * document names) stored files nothing names, which a crash between storing a file and saving
 * the document that names it leaves, or between saving a document that dropped it and removing it.
 * Run only while nothing is being attached.
 */
export async function sweepFiles(dataDir: string, referenced: ReadonlySet<string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(filesDir(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed = names.filter((name) => name.startsWith(TEMP_MARKER) || (FILE_NAME.test(name) && !referenced.has(name)));
  await Promise.all(removed.map((name) => rm(join(filesDir(dataDir), name), { force: true })));
  if (removed.length > 0) await fsyncDirectory(filesDir(dataDir));
  return removed;
}

/** The files a client document names, each once, with the size its documents record. */
export function referencedFiles(document: Pick<ClientDocument, 'documents'>): { sha256: string; size: number }[] {
  const seen = new Map<string, number>();
  for (const attached of document.documents) if (!seen.has(attached.sha256)) seen.set(attached.sha256, attached.size);
  return [...seen].map(([sha256, size]) => ({ sha256, size }));
}
