import { createHash } from 'node:crypto';
import { read } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { extract as createExtract, type Extract } from 'tar-stream';
import type { ClientDocument } from '../../../shared/model/documents';
import { RapportError } from '../../../shared/errors';
import { FILE_MODE } from '../durable-write';
import { AgeHeaderRefused, ScryptPassphraseIdentity } from './age-scrypt';
import { decryptAge } from './age-stream';
import { checkedClientDocument, checkedPracticeDocument } from './check-documents';
import {
  AGE_MAGIC,
  CLIENT_ENTRY,
  CONTAINER_FORMAT_VERSION,
  CONTAINER_LIMITS,
  FILE_ENTRY,
  MANIFEST_NAME,
  Manifest,
  PRACTICE_NAME,
  sniffBackup,
  type ManifestEntry,
} from './container';
import { BACKUP_FORMAT, BACKUP_JSON_BOUNDS, countsOf } from './format';
import { exceededJsonBound } from './json-bounds';
import { findForbiddenKey } from './forbidden-keys';
import { referencedDigests } from './references';

/*
 * Reads a format 3 backup (container.ts) as one pass over its bytes: age decryption, tar entries,
 * each document checked (hash, structure bounds, the store's migrations and validation) and each
 * attached file hashed as it streams to the staging folder. Nothing is held but the documents,
 * so memory does not grow with the attachments. Runs in the backup worker (container-worker.ts),
 * whose heap is capped: a file built to exhaust memory ends the worker, not the app.
 */

export type ContainerFailure =
  | 'not-a-backup'
  | 'damaged'
  | 'newer'
  | 'too-complex'
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'work-factor'
  | 'invalid'
  | 'tampered';

export class ContainerRefused extends Error {
  constructor(
    readonly refusal: ContainerFailure,
    /** For 'invalid': the coach's words about which part, from the store's own checks. */
    readonly detail: string | null = null,
  ) {
    super(detail ?? refusal);
  }
}

const refuse = (reason: ContainerFailure, detail: string | null = null): never => {
  throw new ContainerRefused(reason, detail);
};

export interface ContainerReadInput {
  fd: number;
  size: number;
  passphrase: string | null;
  /** An empty folder (inside the data folder) to write the attached files into, or null to only verify them. */
  filesDir: string | null;
}

/** One checked document: its bytes in `documents` (the bytes to write back, as they are). */
export interface DocumentSpan {
  start: number;
  end: number;
}

export interface ContainerContents {
  manifest: Omit<Manifest, 'entries'>;
  encrypted: boolean;
  /** Every document's bytes, one after another. */
  documents: ArrayBuffer;
  practice: DocumentSpan;
  clients: DocumentSpan[];
  /** The SHA-256 names of the files written into `filesDir`. */
  files: string[];
}

/** The age header ends with its MAC line; Rapport's is about 200 bytes. A header that does not end early is not one. */
const MAX_AGE_HEADER = 4096;

function readHead(fd: number, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const length = Math.min(size, MAX_AGE_HEADER);
    const bytes = Buffer.alloc(length);
    read(fd, bytes, 0, length, 0, (error, count) => (error ? reject(error) : resolve(bytes.subarray(0, count))));
  });
}

/** Checks an age header's shape within its first bytes, before the library reads it (it reads lines of any length). */
function checkAgeHeader(head: Buffer): void {
  const end = head.indexOf('\n---');
  if (end < 0 || head.indexOf(0x0a, end + 1) < 0) refuse('damaged');
  const lines = head.subarray(AGE_MAGIC.length, end).toString('latin1').split('\n');
  if (lines.filter((line) => line.startsWith('-> ')).length !== 1) refuse('damaged');
}

function parseDocument(bytes: Buffer): unknown {
  if (exceededJsonBound(bytes, BACKUP_JSON_BOUNDS) !== null) refuse('too-complex');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('damaged');
  }
}

/** A document refused by the store's checks keeps the checks' own words for the coach. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RapportError) return refuse(error.message.includes('tampered') ? 'tampered' : 'invalid', error.message);
    throw error;
  }
}

function checkManifest(bytes: Buffer): { manifest: Manifest; entries: Map<string, ManifestEntry> } {
  const raw = parseDocument(bytes);
  if (findForbiddenKey(raw) !== null) refuse('tampered');
  const record = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof record !== 'object' || record === null || record.format !== BACKUP_FORMAT) refuse('not-a-backup');
  if (typeof record?.formatVersion === 'number' && record.formatVersion > CONTAINER_FORMAT_VERSION) refuse('newer');
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) return refuse('damaged');
  const manifest = parsed.data;
  const entries = new Map<string, ManifestEntry>();
  let documentsBytes = 0;
  let files = 0;
  for (const entry of manifest.entries) {
    if (entries.has(entry.name)) refuse('damaged');
    entries.set(entry.name, entry);
    const file = FILE_ENTRY.exec(entry.name);
    if (file) {
      if (file[1] !== entry.sha256) refuse('damaged');
      files += 1;
    } else if (entry.name === PRACTICE_NAME || CLIENT_ENTRY.test(entry.name)) {
      if (entry.size > CONTAINER_LIMITS.documentBytes) refuse('too-complex');
      documentsBytes += entry.size;
    } else {
      refuse('damaged');
    }
  }
  if (documentsBytes > CONTAINER_LIMITS.documentsBytes) refuse('too-complex');
  if (!entries.has(PRACTICE_NAME) || files !== manifest.files || entries.size - files - 1 !== manifest.counts.clients) refuse('damaged');
  return { manifest, entries };
}

async function readEntry(entry: AsyncIterable<Uint8Array>, size: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for await (const chunk of entry) {
    if (at + chunk.byteLength > size) refuse('damaged');
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  if (at !== size) refuse('damaged');
  return bytes;
}

/** Streams an attached file to `dir` (or nowhere), hashing it; fsynced before it counts as staged. */
async function stageFile(entry: AsyncIterable<Uint8Array>, expected: ManifestEntry, dir: string | null, name: string): Promise<void> {
  const hash = createHash('sha256');
  let handle: FileHandle | null = null;
  try {
    if (dir !== null) handle = await open(join(dir, name), 'wx', FILE_MODE);
    let length = 0;
    for await (const chunk of entry) {
      length += chunk.byteLength;
      if (length > expected.size) refuse('damaged');
      hash.update(chunk);
      if (handle) await handle.writeFile(chunk);
    }
    if (length !== expected.size || hash.digest('hex') !== expected.sha256) refuse('damaged');
    await handle?.sync();
  } finally {
    await handle?.close();
  }
}

async function feed(source: AsyncIterable<Uint8Array>, extract: Extract): Promise<void> {
  try {
    for await (const chunk of source) {
      if (extract.destroyed) return;
      if (!extract.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const drained = () => {
            extract.off('close', closed);
            resolve();
          };
          const closed = () => {
            extract.off('drain', drained);
            reject(new Error('closed'));
          };
          extract.once('drain', drained);
          extract.once('close', closed);
        });
      }
    }
    extract.end(undefined);
  } catch (error) {
    extract.destroy(error as Error);
  }
}

/**
 * The bytes of the file open at `fd`, up to `size` (its size when opened). Read by position
 * rather than with a read stream: a read stream closes the descriptor when its reader stops
 * early, even when told not to, and the descriptor is the app's to close.
 */
async function* readDescriptor(fd: number, size: number): AsyncGenerator<Uint8Array> {
  const CHUNK = 256 * 1024;
  for (let at = 0; at < size;) {
    const bytes = Buffer.allocUnsafe(Math.min(CHUNK, size - at));
    const count = await new Promise<number>((resolve, reject) =>
      read(fd, bytes, 0, bytes.length, at, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))),
    );
    if (count === 0) return;
    at += count;
    yield count === bytes.length ? bytes : bytes.subarray(0, count);
  }
}

/** The archive's bytes: the file as it is, or decrypted as it is read. */
async function plainBytes(input: ContainerReadInput): Promise<{ bytes: AsyncIterable<Uint8Array>; encrypted: boolean }> {
  const head = await readHead(input.fd, input.size);
  const kind = sniffBackup(head);
  const file = () => readDescriptor(input.fd, input.size);
  if (kind === 'tar') return { bytes: file(), encrypted: false };
  if (kind !== 'age') return refuse('not-a-backup');
  checkAgeHeader(head);
  if (input.passphrase === null) return refuse('passphrase-required');
  const identity = new ScryptPassphraseIdentity(input.passphrase);
  try {
    return { bytes: await decryptAge(head, file(), identity), encrypted: true };
  } catch (error) {
    if (error instanceof AgeHeaderRefused) return refuse(error.refusal);
    return refuse(identity.wrongPassphrase ? 'wrong-passphrase' : 'damaged');
  }
}

/**
 * Reads, decrypts, checks and stages a format 3 backup; throws ContainerRefused for anything
 * not exactly as Rapport writes it. Files already written to `filesDir` are the caller's to
 * remove on failure.
 */
export async function readContainer(input: ContainerReadInput): Promise<ContainerContents> {
  const { bytes, encrypted } = await plainBytes(input);
  const extract = createExtract();
  const feeding = feed(bytes, extract);
  let expected: Map<string, ManifestEntry> | null = null;
  let manifest: Manifest | null = null;
  let documents: Buffer | null = null;
  let at = 0;
  let practice: DocumentSpan | null = null;
  const clients: DocumentSpan[] = [];
  const clientDocuments: ClientDocument[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const keep = (bytes: Uint8Array): DocumentSpan => {
    if (documents === null || at + bytes.byteLength > documents.byteLength) {
      // Migrated documents may grow; the buffer grows with them, within the cap.
      const grown = Buffer.allocUnsafeSlow(Math.max(at + bytes.byteLength, (documents?.byteLength ?? 0) * 2));
      if (grown.byteLength > CONTAINER_LIMITS.documentsBytes * 2) refuse('too-complex');
      documents?.copy(grown, 0, 0, at);
      documents = grown;
    }
    documents.set(bytes, at);
    at += bytes.byteLength;
    return { start: at - bytes.byteLength, end: at };
  };
  try {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (type !== 'file') refuse('damaged');
      if (expected === null || manifest === null) {
        if (name !== MANIFEST_NAME || size > CONTAINER_LIMITS.manifestBytes) refuse('not-a-backup');
        ({ manifest, entries: expected } = checkManifest(await readEntry(entry as AsyncIterable<Uint8Array>, size)));
        const documentsBytes = [...expected.values()]
          .filter((item) => !FILE_ENTRY.test(item.name))
          .reduce((sum, item) => sum + item.size, 0);
        documents = Buffer.allocUnsafeSlow(documentsBytes);
        continue;
      }
      const stated = expected.get(name);
      if (stated === undefined || seen.has(name) || stated.size !== size) refuse('damaged');
      seen.add(name);
      const file = FILE_ENTRY.exec(name);
      if (file) {
        await stageFile(entry as AsyncIterable<Uint8Array>, stated!, input.filesDir, file[1]);
        files.push(file[1]);
        continue;
      }
      const bytes = await readEntry(entry as AsyncIterable<Uint8Array>, size);
      if (createHash('sha256').update(bytes).digest('hex') !== stated!.sha256) refuse('damaged');
      const raw = parseDocument(bytes);
      if (name === PRACTICE_NAME) {
        const document = checked(() => checkedPracticeDocument(raw, bytes));
        practice = keep(document.bytes ?? Buffer.from(JSON.stringify(document.data)));
      } else {
        const document = checked(() => checkedClientDocument(raw, bytes));
        if (`clients/${document.data.client.id}.json` !== name) refuse('damaged');
        clientDocuments.push(document.data);
        clients.push(keep(document.bytes ?? Buffer.from(JSON.stringify(document.data))));
      }
    }
  } catch (error) {
    // What the tar reader reports (cut short, a bad header block) is a damaged file; a failing disk is not.
    if (error instanceof ContainerRefused || typeof (error as NodeJS.ErrnoException).errno === 'number') throw error;
    refuse('damaged');
  } finally {
    await feeding;
  }
  if (manifest === null || expected === null || practice === null || seen.size !== expected.size) return refuse('damaged');
  const counts = countsOf(clientDocuments);
  const stated = manifest.counts;
  if ((Object.keys(counts) as (keyof typeof counts)[]).some((key) => counts[key] !== stated[key])) refuse('damaged');
  const held = new Set(files);
  // Never a document that names a file the backup does not hold.
  if (clientDocuments.some((document) => referencedDigests(document).some((sha) => !held.has(sha)))) refuse('damaged');
  const { entries: _entries, ...described } = manifest;
  const buffer = documents;
  const owned = buffer === null ? new ArrayBuffer(0) : (buffer.buffer as ArrayBuffer);
  return { manifest: described, encrypted, documents: owned, practice, clients, files };
}
