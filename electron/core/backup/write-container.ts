import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pack as createPack, type Pack } from 'tar-stream';
import type { BackupCounts } from '../../../shared/api/backup';
import { RapportError } from '../../../shared/errors';
import { prepareFileDurably, type PreparedFile } from '../durable-write';
import type { StoredDocument } from '../durable-json-file';
import type { StoredDocuments } from '../store';
import { encryptWithPassphrase } from './age-scrypt';
import { CONTAINER_FORMAT_VERSION, MANIFEST_NAME, PRACTICE_NAME, type Manifest, type ManifestEntry } from './container';
import { BACKUP_FORMAT, countsOf } from './format';
import { documentBytes } from './payload';

/** An attached file the backup takes along: its name in the data folder's files/ is its SHA-256. */
export interface AttachedFile {
  sha256: string;
}

export interface ContainerSource {
  documents: StoredDocuments;
  /** Every file the documents reference, each once. */
  files: readonly AttachedFile[];
  /** The data folder's files/ directory. */
  filesDir: string;
}

export interface ContainerWriteOptions {
  appVersion: string;
  createdAt: string;
  passphrase?: string | undefined;
}

export interface WrittenContainer {
  counts: BackupCounts;
  files: number;
  bytes: number;
  encrypted: boolean;
}

const ENTRY_MODE = 0o600;

const missingFile = () =>
  new RapportError(
    'IO_ERROR',
    'An attached document is missing or damaged in your data folder, so the backup was not written. Nothing was changed.',
  );

/** A document entry: its bytes are read again from its file when packed, unless they had to be serialised. */
interface PlannedDocument {
  name: string;
  size: number;
  sha256: string;
  /** Held only when the file on disk no longer held what the store holds (rare). */
  bytes: Buffer | null;
  document: StoredDocument<unknown>;
}

interface Planned {
  manifest: Buffer;
  documents: PlannedDocument[];
  files: { name: string; path: string; size: number; sha256: string }[];
  counts: BackupCounts;
}

const changedDuringBackup = () =>
  new RapportError('CONFLICT', 'Your data changed while the backup was being written, so it was not finished. Please try again.');

/**
 * One document's entry, measured now and read again when packed: holding every document's bytes
 * from the manifest to the end would keep the whole practice in memory a second time.
 */
async function planDocument(name: string, document: StoredDocument<unknown>): Promise<PlannedDocument> {
  const bytes = await documentBytes(document);
  const digest = createHash('sha256').update(bytes).digest();
  // Bytes that match the store's digest are what its file holds, and can be read again.
  const asOnDisk = digest.equals(await document.digest);
  return { name, size: bytes.byteLength, sha256: digest.toString('hex'), bytes: asOnDisk ? null : bytes, document };
}

/**
 * The planned bytes of a document. Its file is read again; should the store have written it since
 * (an edit during the backup), the same bytes come from the snapshot the backup was planned from,
 * serialised as the store writes them, and the entry's digest must still match.
 */
async function documentEntryBytes(planned: PlannedDocument): Promise<Buffer> {
  if (planned.bytes !== null) return planned.bytes;
  const matches = (bytes: Buffer | null): bytes is Buffer =>
    bytes !== null && bytes.byteLength === planned.size && createHash('sha256').update(bytes).digest('hex') === planned.sha256;
  const onDisk = await readFile(planned.document.path).catch(() => null);
  if (matches(onDisk)) return onDisk;
  const serialised = Buffer.from(JSON.stringify(planned.document.data));
  if (matches(serialised)) return serialised;
  throw changedDuringBackup();
}

/** What the archive will hold, the manifest first; documents and files are only measured here, and read when packed. */
async function plan(source: ContainerSource, options: ContainerWriteOptions): Promise<Planned> {
  const { practice, clients } = source.documents;
  const documents = [await planDocument(PRACTICE_NAME, practice)];
  for (const client of clients) documents.push(await planDocument(`clients/${client.data.client.id}.json`, client));
  const files = await Promise.all(
    source.files.map(async ({ sha256 }) => {
      const path = join(source.filesDir, sha256);
      const stats = await stat(path).catch(() => null);
      if (!stats?.isFile()) throw missingFile();
      return { name: `files/${sha256}`, path, size: stats.size, sha256 };
    }),
  );
  const entries: ManifestEntry[] = [...documents, ...files].map(({ name, size, sha256 }) => ({ name, size, sha256 }));
  const counts = countsOf(clients.map((client) => client.data));
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: CONTAINER_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.createdAt,
    counts,
    files: files.length,
    entries,
  };
  return { manifest: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), documents, files, counts };
}

export function addBuffer(pack: Pack, name: string, bytes: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: bytes.byteLength, mode: ENTRY_MODE, mtime }, bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/** Resolves when the entry takes more bytes; rejects when the archive was torn down (its reader failed). */
function drained(sink: ReturnType<Pack['entry']>): Promise<void> {
  return new Promise((resolve, reject) => {
    const drained = () => {
      sink.off('close', closed);
      resolve();
    };
    const closed = () => {
      sink.off('drain', drained);
      reject(new Error('the backup archive was closed'));
    };
    sink.once('drain', drained);
    sink.once('close', closed);
  });
}

/** Streams one attached file into the archive, hashing it on the way: bytes that no longer match their name stop the backup. */
export async function addFile(pack: Pack, file: Planned['files'][number], mtime: Date): Promise<void> {
  let done!: () => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  finished.catch(() => undefined);
  const sink = pack.entry({ name: file.name, size: file.size, mode: ENTRY_MODE, mtime }, (error) => (error ? fail(error) : done()));
  // Tearing the archive down destroys this entry with the reason, which the callback above already reports.
  sink.on('error', () => undefined);
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of createReadStream(file.path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    length += chunk.byteLength;
    if (length > file.size) throw missingFile();
    hash.update(chunk);
    if (!sink.write(chunk)) await drained(sink);
  }
  if (length !== file.size || hash.digest('hex') !== file.sha256) throw missingFile();
  sink.end(undefined);
  await finished;
}

async function fillPack(pack: Pack, planned: Planned, mtime: Date): Promise<void> {
  try {
    await addBuffer(pack, MANIFEST_NAME, planned.manifest, mtime);
    for (const document of planned.documents) await addBuffer(pack, document.name, await documentEntryBytes(document), mtime);
    for (const file of planned.files) await addFile(pack, file, mtime);
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
}

/** The archive's bytes, planned when the first are asked for. */
async function* packed(planning: () => Promise<Planned>, mtime: Date): AsyncGenerator<Uint8Array> {
  const pack = createPack();
  void fillPack(pack, await planning(), mtime);
  yield* pack as AsyncIterable<Uint8Array>;
}

/**
 * The archive's bytes as they are produced, encrypted into an age file when there is a passphrase.
 * The age header is made first: scrypt's 128 MiB are allocated and freed before the archive
 * reads anything, so its peak and the archive's do not add up.
 */
async function archiveBytes(planning: () => Promise<Planned>, options: ContainerWriteOptions): Promise<AsyncIterable<Uint8Array>> {
  const archive = packed(planning, new Date(options.createdAt));
  return options.passphrase === undefined ? archive : ageEncrypted(archive, options.passphrase);
}

/**
 * `bytes` as an age file for `passphrase`: the header (scrypt at Rapport's work factor) is made
 * before the first byte is asked for, then the payload is encrypted as it comes. The benchmark's
 * encrypted baseline calls this too, so it follows whatever cipher the backups use.
 */
export async function ageEncrypted(bytes: AsyncIterable<Uint8Array>, passphrase: string): Promise<AsyncIterable<Uint8Array>> {
  return encryptWithPassphrase(bytes, passphrase);
}

/** Counts the bytes that pass, without holding them. */
async function* counted(source: AsyncIterable<Uint8Array>, total: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    total.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Writes a format 3 backup under a temp name beside `filePath` and fsyncs it; it takes its place
 * on `file.commit()`. Attached files are streamed from disk, so memory does not grow with them.
 */
export async function prepareContainer(
  filePath: string,
  source: ContainerSource,
  options: ContainerWriteOptions,
): Promise<{ file: PreparedFile; written: WrittenContainer }> {
  const done: { planned?: Planned } = {};
  const planning = async () => (done.planned = await plan(source, options));
  const total = { bytes: 0 };
  const file = await prepareFileDurably(filePath, counted(await archiveBytes(planning, options), total));
  // The whole archive was written, so it was planned.
  const planned = done.planned as Planned;
  return {
    file,
    written: { counts: planned.counts, files: planned.files.length, bytes: total.bytes, encrypted: options.passphrase !== undefined },
  };
}

/** Writes a format 3 backup durably (temp file, fsync, rename; readable by the coach only). */
export async function writeContainer(filePath: string, source: ContainerSource, options: ContainerWriteOptions): Promise<WrittenContainer> {
  const { file, written } = await prepareContainer(filePath, source, options);
  await file.commit();
  return written;
}
