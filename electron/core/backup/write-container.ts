import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pack as createPack, type Pack } from 'tar-stream';
import type { BackupCounts } from '../../../shared/api/backup';
import { RapportError } from '../../../shared/errors';
import { prepareFileDurably, type PreparedFile } from '../durable-write';
import { contentDigestInPool, type StoredDocument } from '../durable-json-file';
import type { StoredDocuments } from '../store';
import { encryptWithPassphrase } from './age-scrypt';
import { CONTAINER_FORMAT_VERSION, MANIFEST_NAME, PRACTICE_NAME, type Manifest, type ManifestEntry } from './container';
import { BACKUP_FORMAT, countsOf } from './format';
import { documentBytesOf } from './payload';
import { READ_CHUNK, ReadBuffers } from './read-buffers';

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
/** Documents read ahead of the archive: at most this many, and this many bytes. */
const DOCUMENTS_AHEAD = 8;
const DOCUMENT_BYTES_AHEAD = 8 * 1024 * 1024;
/** Reads of an attached file under way ahead of the archive. */
const READS_AHEAD = 2;

/**
 * An attached file the documents name is missing from the data folder, or its bytes no longer
 * match its name: the backup is refused, as it would hold a document without its file. Which file
 * it is goes with the error, so that the service can name the document and its client.
 */
export class UnusableAttachedFile extends RapportError {
  constructor(readonly sha256: string) {
    super(
      'IO_ERROR',
      'An attached document is missing or damaged in your data folder, so the backup was not written. Nothing was changed.',
    );
  }
}

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
 * from the manifest to the end would keep the whole practice in memory a second time. A file
 * that holds what the store holds has the store's digest, so it is not hashed again here.
 */
async function planDocument(name: string, document: StoredDocument<unknown>): Promise<PlannedDocument> {
  const { bytes, onDisk } = await documentBytesOf(document);
  // Bytes read from the file matched the store's digest, which is their SHA-256: no need to hash them again.
  const sha256 = onDisk ? (await document.digest).toString('hex') : createHash('sha256').update(bytes).digest('hex');
  return { name, size: bytes.byteLength, sha256, bytes: onDisk ? null : bytes, document };
}

/** Documents planned at once: their files are read and hashed in the thread pool. */
const PARALLEL_PLANS = 32;

/**
 * The planned bytes of a document. Its file is read again; should the store have written it since
 * (an edit during the backup), the same bytes come from the snapshot the backup was planned from,
 * serialised as the store writes them, and the entry's digest must still match.
 */
async function documentEntryBytes(planned: PlannedDocument): Promise<Buffer> {
  if (planned.bytes !== null) return planned.bytes;
  const matches = async (bytes: Buffer | null) =>
    bytes !== null && bytes.byteLength === planned.size && (await contentDigestInPool(bytes)).toString('hex') === planned.sha256;
  const onDisk = await readFile(planned.document.path).catch(() => null);
  if (await matches(onDisk)) return onDisk!;
  const serialised = Buffer.from(JSON.stringify(planned.document.data));
  if (await matches(serialised)) return serialised;
  throw changedDuringBackup();
}

/** What the archive will hold, the manifest first; documents and files are only measured here, and read when packed. */
async function plan(source: ContainerSource, options: ContainerWriteOptions): Promise<Planned> {
  const { practice, clients } = source.documents;
  const documents = [await planDocument(PRACTICE_NAME, practice)];
  for (let start = 0; start < clients.length; start += PARALLEL_PLANS) {
    const batch = clients.slice(start, start + PARALLEL_PLANS);
    documents.push(...(await Promise.all(batch.map((client) => planDocument(`clients/${client.data.client.id}.json`, client)))));
  }
  const files = await Promise.all(
    source.files.map(async ({ sha256 }) => {
      const path = join(source.filesDir, sha256);
      const stats = await stat(path).catch(() => null);
      if (!stats?.isFile()) throw new UnusableAttachedFile(sha256);
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

/**
 * An attached file being read into `buffers` (read-buffers.ts), by position and a few chunks
 * ahead of the archive, from the moment it is made: the backup starts reading the next file
 * while the one before is still going into the archive, so that the file writer never waits for
 * a file to open. The last read, at the stated size, must find the end of the file.
 */
export class AttachedFileReader {
  private readonly handle: Promise<FileHandle>;
  private readonly positions: number[] = [];
  private readonly ahead: Promise<Buffer>[] = [];

  constructor(
    readonly file: Planned['files'][number],
    readonly buffers: ReadBuffers,
  ) {
    this.handle = open(file.path, 'r');
    this.handle.catch(() => undefined);
    for (let at = 0; at < file.size; at += READ_CHUNK) this.positions.push(at);
    this.positions.push(file.size);
    this.readAhead();
  }

  private readAhead(): void {
    while (this.ahead.length < READS_AHEAD && this.positions.length > 0) {
      const position = this.positions.shift()!;
      const read = (async () => {
        const handle = await this.handle;
        const buffer = await this.buffers.take();
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.byteLength, READ_CHUNK), position);
        return buffer.subarray(0, bytesRead);
      })();
      read.catch(() => undefined);
      this.ahead.push(read);
    }
  }

  /** The next chunk, in a buffer of `buffers`; empty at the end of the file. */
  async next(): Promise<Buffer> {
    const read = this.ahead.shift();
    if (read === undefined) return Buffer.alloc(0);
    const chunk = await read;
    this.readAhead();
    return chunk;
  }

  /** Lets the reads under way end, gives their buffers back and closes the file. */
  async close(): Promise<void> {
    this.positions.length = 0;
    for (const read of this.ahead.splice(0)) {
      await read.then(
        (chunk) => this.buffers.giveBack(chunk),
        () => undefined,
      );
    }
    await this.handle.then(
      (handle) => handle.close(),
      () => undefined,
    );
  }
}

/** Streams one attached file into the archive from `reader`, hashing it on the way: bytes that no longer match their name stop the backup. */
export async function addFile(pack: Pack, reader: AttachedFileReader, mtime: Date): Promise<void> {
  const { file, buffers } = reader;
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
  try {
    for (;;) {
      const chunk = await reader.next();
      if (chunk.byteLength === 0) {
        buffers.giveBack(chunk);
        break;
      }
      length += chunk.byteLength;
      // Shorter reads than asked, or bytes past the stated size: the file is not what was planned.
      if (length > file.size || (chunk.byteLength < READ_CHUNK && length < file.size)) throw new UnusableAttachedFile(file.sha256);
      // Into the archive first, hashed while the file writer writes it: on this thread, hashing
      // before would hold the write back. The buffer stays out of the pool until it is hashed.
      buffers.retain(chunk);
      // Listening from the write on: the archive may drain while this waits for the next turn.
      const draining = sink.write(chunk) ? null : drained(sink);
      draining?.catch(() => undefined);
      await nextTurn();
      hash.update(chunk);
      buffers.giveBack(chunk);
      await draining;
    }
  } finally {
    await reader.close();
  }
  if (length !== file.size || hash.digest('hex') !== file.sha256) throw new UnusableAttachedFile(file.sha256);
  sink.end(undefined);
  await finished;
}

async function fillPack(pack: Pack, planned: Planned, mtime: Date, buffers: ReadBuffers): Promise<void> {
  try {
    await addBuffer(pack, MANIFEST_NAME, planned.manifest, mtime);
    // Documents are read (and checked, in the thread pool) a few ahead of the archive.
    const reads: Promise<Buffer>[] = [];
    let nextRead = 0;
    let bytesAhead = 0;
    const readAhead = () => {
      while (nextRead < planned.documents.length && reads.length < DOCUMENTS_AHEAD && bytesAhead < DOCUMENT_BYTES_AHEAD) {
        const document = planned.documents[nextRead];
        nextRead += 1;
        bytesAhead += document.size;
        const read = documentEntryBytes(document);
        read.catch(() => undefined);
        reads.push(read);
      }
    };
    for (const document of planned.documents) {
      readAhead();
      const bytes = await reads.shift()!;
      bytesAhead -= document.size;
      await addBuffer(pack, document.name, bytes, mtime);
    }
    let reader = planned.files.length > 0 ? new AttachedFileReader(planned.files[0], buffers) : null;
    try {
      for (let index = 0; index < planned.files.length; index += 1) {
        const current = reader!;
        reader = index + 1 < planned.files.length ? new AttachedFileReader(planned.files[index + 1], buffers) : null;
        await addFile(pack, current, mtime);
      }
    } finally {
      await reader?.close();
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
}

/**
 * The archive's bytes, planned when the first are asked for. Attached files are read into
 * `buffers`: with reused ones, each chunk is valid only until the next is asked for.
 */
async function* packed(planning: () => Promise<Planned>, mtime: Date, buffers: ReadBuffers): AsyncGenerator<Uint8Array> {
  const pack = createPack();
  void fillPack(pack, await planning(), mtime, buffers);
  yield* buffers.lend(pack as AsyncIterable<Uint8Array>);
}

/**
 * The archive's bytes as they are produced, encrypted into an age file when there is a passphrase.
 * The age header is made first: scrypt's 128 MiB are allocated and freed before the archive
 * reads anything, so its peak and the archive's do not add up.
 */
async function archiveBytes(planning: () => Promise<Planned>, options: ContainerWriteOptions): Promise<AsyncIterable<Uint8Array>> {
  const mtime = new Date(options.createdAt);
  // The file writer and the cipher are each done with a chunk when they ask for the next.
  const archive = gathered(packed(planning, mtime, ReadBuffers.reused()));
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

/** Chunks smaller than a full read are gathered with their neighbours, up to this many bytes (see `gathered`). */
const GATHERED_BYTES = 1024 * 1024;

/**
 * The chunks of `source`, those smaller than a full read (tar headers, padding, the end of each
 * attached file, most documents) gathered into one reused buffer and handed on together before
 * the next large chunk: every write to the file waits for the thread pool, and a backup of 1,000
 * attached files and 400 documents made some 3,000 writes of a few hundred bytes. The consumer must be done with each chunk when it asks
 * for the next (read-buffers.ts), and so is this of `source`'s.
 */
export async function* gathered(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const gathering = Buffer.allocUnsafeSlow(GATHERED_BYTES);
  let used = 0;
  for await (const chunk of source) {
    if (chunk.byteLength < READ_CHUNK) {
      if (used + chunk.byteLength > gathering.byteLength) {
        yield gathering.subarray(0, used);
        used = 0;
      }
      gathering.set(chunk, used);
      used += chunk.byteLength;
      continue;
    }
    if (used > 0) {
      yield gathering.subarray(0, used);
      used = 0;
    }
    yield chunk;
  }
  if (used > 0) yield gathering.subarray(0, used);
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
