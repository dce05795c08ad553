import { createHash } from 'node:crypto';
import { read, readSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extract as createExtract, type Extract } from 'tar-stream';
import { CLIENTS_DIR, FILES_DIR, PRACTICE_FILE, clientFileName } from '../data-layout';
import { SyncWrittenFile, fsyncDirectory } from '../durable-write';
import type { DerivedKey } from './age-scrypt';
import {
  MAX_AGE_HEADER,
  ageHeaderWellFormed,
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
import { BACKUP_FORMAT, BACKUP_JSON_BOUNDS } from './format';
import { exceededJsonBound } from './json-bounds';
import { findForbiddenKey } from './forbidden-keys';
import { READ_CHUNK } from './read-buffers';

/*
 * Reads a format 3 backup (container.ts) as one pass over its bytes: age decryption, tar entries,
 * each document's hash and structure bounds checked and each attached file hashed as it streams
 * into the staging folder (when restoring). Every staged file is fsynced, so that the app's
 * thread is left with the journal and the renames. This thread reads the backup and writes the
 * staged files itself, blocking (readDescriptor, SyncWrittenFile): only the fsyncs go to the
 * thread pool, where the reads and writes had waited behind them. The documents' bytes go to the app's thread
 * in batches as they are read: it runs the store's migrations and validation on them there
 * (container-documents.ts) while this thread goes on with the attached files, which is most of
 * a restore's bytes. Parsing a ten-year practice takes over half a second; done here, the files
 * waited for it. Only bytes within the structure bounds are handed over, so the app's thread
 * never parses anything built to blow up. Nothing else is held, so memory grows neither with the
 * attachments nor with the documents. Runs in the backup worker (container-worker.ts), whose heap
 * is capped: a file built to exhaust memory ends the worker, not the app.
 */

export type ContainerFailure =
  'not-a-backup' | 'damaged' | 'newer' | 'too-complex' | 'passphrase-required' | 'wrong-passphrase' | 'work-factor' | 'tampered';

export class ContainerRefused extends Error {
  constructor(readonly refusal: ContainerFailure) {
    super(refusal);
  }
}

const refuse = (reason: ContainerFailure): never => {
  throw new ContainerRefused(reason);
};

export interface ContainerReadInput {
  fd: number;
  size: number;
  passphrase: string | null;
  /**
   * A staging folder inside the data folder (swap.ts: empty `clients/` and `files/` in it) to write
   * the documents and attached files into, or null to only verify them.
   */
  stagingDir: string | null;
  /** For an age file: its scrypt wrapping key, derived before the worker started (age-key.ts). */
  derivedKey?: DerivedKey | null;
}

/**
 * One document as read: where its bytes lie in its batch, the SHA-256 of those bytes (the
 * manifest's, and so also of the file staged from them), and the client id its entry is named by
 * (null for the practice document). Its hash and structure bounds are checked; nothing else is.
 */
export interface BatchedDocument {
  practice: boolean;
  id: string | null;
  start: number;
  end: number;
  digest: string;
}

/** Documents as read, their bytes one after another in a buffer handed over without copying. */
export interface DocumentBatch {
  bytes: ArrayBuffer;
  documents: BatchedDocument[];
}

export interface ContainerContents {
  manifest: Omit<Manifest, 'entries'>;
  encrypted: boolean;
  /** The SHA-256 names of the attached files the backup holds (written into the staging folder's files/, when staging). */
  files: string[];
}

/** Documents are handed over in batches of about this many bytes (one document may be larger). */
const BATCH_BYTES = 1 << 20;
/** Staged documents being written at once. */
const PARALLEL_WRITES = 32;

function readHead(fd: number, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const length = Math.min(size, MAX_AGE_HEADER);
    const bytes = Buffer.alloc(length);
    read(fd, bytes, 0, length, 0, (error, count) => (error ? reject(error) : resolve(bytes.subarray(0, count))));
  });
}

function parseManifest(bytes: Buffer): unknown {
  if (exceededJsonBound(bytes, BACKUP_JSON_BOUNDS) !== null) refuse('too-complex');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('damaged');
  }
}

function checkManifest(bytes: Buffer): { manifest: Manifest; entries: Map<string, ManifestEntry> } {
  const raw = parseManifest(bytes);
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

/** Reads an entry of `into.byteLength` bytes into `into`. */
async function readEntryInto(entry: AsyncIterable<Uint8Array>, into: Buffer): Promise<Buffer> {
  let at = 0;
  for await (const chunk of entry) {
    if (at + chunk.byteLength > into.byteLength) refuse('damaged');
    into.set(chunk, at);
    at += chunk.byteLength;
  }
  if (at !== into.byteLength) refuse('damaged');
  return into;
}

/**
 * The data folder's own copy of an attached file, compared with the backup's bytes as they
 * stream: a restore leaves a file the data folder already holds intact where it is instead of
 * staging a copy (the same name is the same bytes). Restoring the latest backup usually finds
 * nearly every file there, and not writing, fsyncing and renaming a gigabyte again saves most of
 * its time. From the first byte that differs (or a read that fails) the file is staged from the
 * backup as any other, the bytes that matched taken from that copy, so a restore still repairs a
 * damaged file.
 */
class HeldCopy {
  private constructor(
    private readonly handle: FileHandle,
    private readonly buffer: Buffer,
  ) {}

  /** The copy at `path` when it is a file of the expected size, else null. */
  static async open(path: string, size: number, buffer: Buffer): Promise<HeldCopy | null> {
    const handle = await open(path, 'r').catch(() => null);
    if (handle === null) return null;
    const stats = await handle.stat().catch(() => null);
    if (stats?.isFile() && stats.size === size) return new HeldCopy(handle, buffer);
    await handle.close();
    return null;
  }

  /** Whether the copy holds `chunk` at `position`. */
  async holds(chunk: Uint8Array, position: number): Promise<boolean> {
    for (let at = 0; at < chunk.byteLength; at += this.buffer.byteLength) {
      const piece = chunk.subarray(at, at + this.buffer.byteLength);
      const { bytesRead } = await this.handle.read(this.buffer, 0, piece.byteLength, position + at).catch(() => ({ bytesRead: -1 }));
      if (bytesRead !== piece.byteLength || !this.buffer.subarray(0, bytesRead).equals(piece)) return false;
    }
    return true;
  }

  /** Writes the copy's first `length` bytes (those that matched) into `target`. */
  async copyStart(target: SyncWrittenFile, length: number): Promise<void> {
    for (let at = 0; at < length;) {
      const { bytesRead } = await this.handle.read(this.buffer, 0, Math.min(this.buffer.byteLength, length - at), at);
      if (bytesRead === 0) throw Object.assign(new Error('the held copy ended early'), { code: 'EIO' });
      target.write(this.buffer.subarray(0, bytesRead));
      at += bytesRead;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The data folder's copy of an attached file, and the buffer the backup's chunks are copied into to be compared with it. */
interface Held {
  copy: HeldCopy;
  own: Buffer;
}

/**
 * Streams an attached file to `dir` (or nowhere), hashing it; with `held`, only from the first
 * byte the data folder's copy does not hold (see HeldCopy). Its fsync is handed to `later` (the
 * staging writer, which waits for every one before the folder counts as staged): a restore of a
 * thousand files spent most of its time waiting for each file's fsync in turn.
 *
 * Each chunk is written and hashed on this thread before the next one is asked for, so what is
 * hashed is exactly what is written: the archive's bytes lie in buffers that are read into again
 * (readDescriptor), but only on this thread, once this chunk is done with. Compared with a held
 * copy, the compare waits for that copy's bytes meanwhile: the chunk is then copied into `own`
 * first, and compared, hashed and written from there.
 */
async function stageFile(
  entry: AsyncIterable<Uint8Array>,
  expected: ManifestEntry,
  dir: string | null,
  name: string,
  later: (file: SyncWrittenFile) => Promise<void>,
  held: Held | null,
): Promise<void> {
  const hash = createHash('sha256');
  let file: SyncWrittenFile | null = null;
  let copy = held?.copy ?? null;
  try {
    if (dir !== null && copy === null) file = SyncWrittenFile.create(join(dir, name));
    let length = 0;
    for await (const chunk of entry) {
      const position = length;
      length += chunk.byteLength;
      if (length > expected.size) refuse('damaged');
      if (copy === null) {
        file?.write(chunk);
        hash.update(chunk);
        continue;
      }
      const own = held!.own;
      for (let at = 0; at < chunk.byteLength; at += own.byteLength) {
        const piece = own.subarray(0, Math.min(own.byteLength, chunk.byteLength - at));
        piece.set(chunk.subarray(at, at + piece.byteLength));
        hash.update(piece);
        if (copy !== null) {
          if (await copy.holds(piece, position + at)) continue;
          file = SyncWrittenFile.create(join(dir!, name));
          await copy.copyStart(file, position + at);
          await copy.close();
          copy = null;
        }
        file!.write(piece);
      }
    }
    if (length !== expected.size || hash.digest('hex') !== expected.sha256) refuse('damaged');
  } catch (error) {
    file?.abandon();
    throw error;
  } finally {
    await copy?.close();
  }
  if (file !== null) await later(file);
}

/**
 * Writes documents into the staging folder while the next ones are read and checked, a bounded
 * number at a time; `settled` waits for every write (nothing may still write into the folder
 * when it is removed after a failure), `done` also throws the first write's failure.
 */
function documentWriter(stagingDir: string | null) {
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;
  /**
   * Fsyncs and closes `file` with the other staged files, a bounded number at a time; its failure
   * is the writer's. After an earlier failure the file is closed without its fsync and that
   * failure thrown.
   */
  const finish = async (file: SyncWrittenFile): Promise<void> => {
    if (failure !== null) {
      file.abandon();
      throw failure;
    }
    const running: Promise<void> = file.finish().then(
      () => void inFlight.delete(running),
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        inFlight.delete(running);
      },
    );
    inFlight.add(running);
    if (inFlight.size >= PARALLEL_WRITES) await Promise.race(inFlight);
  };
  return {
    finish,
    /**
     * Stages `bytes` as `name`: written before it returns (the caller may hand them elsewhere
     * then), fsynced with the other writes, once fewer than PARALLEL_WRITES run.
     */
    async write(name: string, bytes: Uint8Array): Promise<void> {
      if (stagingDir === null) return;
      const file = SyncWrittenFile.create(join(stagingDir, name));
      try {
        file.write(bytes);
      } catch (error) {
        file.abandon();
        throw error;
      }
      await finish(file);
    },
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    async done(): Promise<void> {
      await this.settled();
      if (failure !== null) throw failure;
      if (stagingDir === null) return;
      // The staged entries themselves, before the journal can name this folder.
      await Promise.all([fsyncDirectory(join(stagingDir, CLIENTS_DIR)), fsyncDirectory(join(stagingDir, FILES_DIR))]);
      await fsyncDirectory(stagingDir);
      await fsyncDirectory(dirname(stagingDir));
    },
  };
}

/**
 * Gathers documents into batches for `send`, which takes each buffer over. Each document is read
 * straight into its place in the batch (`room`) and staged from there, written before it is added:
 * a buffer of its own and a copy into the batch took a fifth of the worker's pass over the
 * ten-year practice's documents (bench/README.md), and a transferred buffer can no longer be read.
 */
function documentBatches(send: (batch: DocumentBatch) => void) {
  let bytes: Buffer | null = null;
  let at = 0;
  let documents: BatchedDocument[] = [];
  const flush = () => {
    if (bytes === null || documents.length === 0) return;
    send({ bytes: bytes.buffer as ArrayBuffer, documents });
    bytes = null;
    documents = [];
  };
  return {
    /** Where the next document, of `size` bytes, goes: the rest of this batch, or a new one. */
    room(size: number): Buffer {
      if (bytes !== null && at + size > bytes.byteLength) flush();
      // Its own ArrayBuffer (never the shared pool), so that it can be transferred.
      if (bytes === null) {
        bytes = Buffer.allocUnsafeSlow(Math.max(BATCH_BYTES, size));
        at = 0;
      }
      return bytes.subarray(at, at + size);
    },
    /** Adds the document just read into `room` (of `size` bytes), checked and staged. */
    add(id: string | null, size: number, digest: string): void {
      documents.push({ practice: id === null, id, start: at, end: at + size, digest });
      at += size;
    },
    flush,
  };
}

/**
 * Writes `source` into a tar reader with back-pressure and ends it; a failure of the source
 * destroys the reader with `failure(error)` (recovery passes the backup over instead).
 */
export async function feed(
  source: AsyncIterable<Uint8Array>,
  extract: Extract,
  failure: (error: unknown) => Error = (error) => error as Error,
): Promise<void> {
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
    extract.destroy(failure(error));
  }
}

/** How many buffers a plain archive is read into, in turn. */
const READ_RING = 8;

/**
 * The bytes of the file open at `fd`, up to `size` (its size when opened). Read by position
 * rather than with a read stream: a read stream closes the descriptor when its reader stops
 * early, even when told not to, and the descriptor is the app's to close. Read on the calling
 * thread, blocking, for the backup worker: in the thread pool each read waited behind the fsyncs
 * of the files the restore stages (SyncWrittenFile says how long).
 *
 * With `reuse`, into the same few buffers in turn (READ_RING), for the reason read-buffers.ts
 * gives: a fresh buffer per read is garbage that the worker's V8 collects late, and over a 1 GiB
 * restore it held ~25 MiB more resident. Safe for the tar reader alone: it takes the next chunk
 * only once it has handed the last one on (`feed` waits for its drain), each entry's reader is
 * done with a chunk, or has copied it, before asking for more (readEntryInto, stageFile), and a
 * buffer is read into again only seven reads later. Were that ever wrong, an entry would receive
 * bytes that do not match its SHA-256 and the backup would be refused, never staged wrong. Not
 * for age: its decryption reads ahead through a stream. The benchmark's restore floor reads with
 * it too.
 */
export async function* readDescriptor(fd: number, size: number, reuse: boolean): AsyncGenerator<Uint8Array> {
  const ring: Buffer[] = [];
  for (let at = 0, turn = 0; at < size; turn += 1) {
    const length = Math.min(READ_CHUNK, size - at);
    // Each its own ArrayBuffer, never Node's shared pool.
    const bytes = reuse ? (ring[turn % READ_RING] ??= Buffer.allocUnsafeSlow(READ_CHUNK)).subarray(0, length) : Buffer.allocUnsafe(length);
    const count = readSync(fd, bytes, 0, bytes.length, at);
    if (count === 0) return;
    at += count;
    yield count === bytes.length ? bytes : bytes.subarray(0, count);
  }
}

/** The archive's bytes: the file as it is, or decrypted as it is read. */
async function plainBytes(input: ContainerReadInput): Promise<{ bytes: AsyncIterable<Uint8Array>; encrypted: boolean }> {
  const head = await readHead(input.fd, input.size);
  const kind = sniffBackup(head);
  if (kind === 'tar') return { bytes: readDescriptor(input.fd, input.size, true), encrypted: false };
  if (kind !== 'age') return refuse('not-a-backup');
  if (!ageHeaderWellFormed(head)) refuse('damaged');
  if (input.passphrase === null) return refuse('passphrase-required');
  // Loaded only for an encrypted backup: the age library took ~16 ms of every worker's start
  // (168 → 152 ms, median of 16 starts).
  const [{ AgeHeaderRefused, ScryptPassphraseIdentity }, { decryptAge }] = await Promise.all([
    import('./age-scrypt'),
    import('./age-stream'),
  ]);
  const identity = new ScryptPassphraseIdentity(input.passphrase, input.derivedKey ?? null);
  try {
    return { bytes: await decryptAge(head, readDescriptor(input.fd, input.size, false), identity), encrypted: true };
  } catch (error) {
    if (error instanceof AgeHeaderRefused) return refuse(error.refusal);
    return refuse(identity.wrongPassphrase ? 'wrong-passphrase' : 'damaged');
  }
}

/**
 * Reads, decrypts, checks and stages a format 3 backup, handing each document's bytes to `send`
 * as it goes, for the store's checks (container-documents.ts); throws ContainerRefused for
 * anything not exactly as Rapport writes it, and stops at the next entry once `stopped` says so
 * (the checks refused a document). Files already written to the staging folder are the caller's
 * to remove on failure; nothing is still being written there when this settles.
 */
export async function readContainer(
  input: ContainerReadInput,
  send: (batch: DocumentBatch) => void = () => undefined,
  stopped: () => boolean = () => false,
): Promise<ContainerContents> {
  const filesDir = input.stagingDir === null ? null : join(input.stagingDir, FILES_DIR);
  // The data folder's own files/: the staging folder is made inside the data folder.
  const liveFilesDir = input.stagingDir === null ? null : join(dirname(input.stagingDir), FILES_DIR);
  // What it holds, listed once: on a new computer nothing, where a thousand opens that fail would
  // each have waited behind the staged files' fsyncs for a thread. Listed before the tar reader
  // starts, which hands its first entry only to a reader already waiting for it.
  const liveNames = new Set(liveFilesDir === null ? [] : await readdir(liveFilesDir).catch(() => [] as string[]));
  // For comparing attached files with the data folder's copies (stageFile), only when there is a
  // data folder: one buffer the backup's chunks are copied into, one the copies are read into.
  const ownBuffer = liveFilesDir === null ? null : Buffer.allocUnsafeSlow(READ_CHUNK);
  const compareBuffer = liveFilesDir === null ? null : Buffer.allocUnsafeSlow(READ_CHUNK);
  const { bytes, encrypted } = await plainBytes(input);
  const extract = createExtract();
  const feeding = feed(bytes, extract);
  const writer = documentWriter(input.stagingDir);
  const batches = documentBatches(send);
  let expected: Map<string, ManifestEntry> | null = null;
  let manifest: Manifest | null = null;
  let practice = false;
  const files: string[] = [];
  const seen = new Set<string>();
  try {
    for await (const entry of extract) {
      if (stopped()) throw new Error('stopped');
      const { name, type, size } = entry.header;
      if (type !== 'file') refuse('damaged');
      if (expected === null || manifest === null) {
        if (name !== MANIFEST_NAME || size > CONTAINER_LIMITS.manifestBytes) refuse('not-a-backup');
        ({ manifest, entries: expected } = checkManifest(
          await readEntryInto(entry as AsyncIterable<Uint8Array>, Buffer.allocUnsafe(size)),
        ));
        continue;
      }
      const stated = expected.get(name);
      if (stated === undefined || seen.has(name) || stated.size !== size) refuse('damaged');
      seen.add(name);
      const file = FILE_ENTRY.exec(name);
      if (file) {
        // Rapport writes every document before the first file: the last batch goes over now, so
        // that its checks run while the files stream rather than after them.
        batches.flush();
        const copy = liveNames.has(file[1]) ? await HeldCopy.open(join(liveFilesDir!, file[1]), stated!.size, compareBuffer!) : null;
        const held = copy === null ? null : { copy, own: ownBuffer! };
        await stageFile(entry as AsyncIterable<Uint8Array>, stated!, filesDir, file[1], writer.finish, held);
        files.push(file[1]);
        continue;
      }
      const bytes = await readEntryInto(entry as AsyncIterable<Uint8Array>, batches.room(size));
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== stated!.sha256) refuse('damaged');
      // Bounded here, so that parsing it on the app's thread is bounded too.
      if (exceededJsonBound(bytes, BACKUP_JSON_BOUNDS) !== null) refuse('too-complex');
      // The manifest check allows only these two kinds of document entry.
      const id = name === PRACTICE_NAME ? null : CLIENT_ENTRY.exec(name)![1];
      if (id === null) practice = true;
      // Staged as read: the app's thread writes over it the few that its checks migrate.
      await writer.write(id === null ? PRACTICE_FILE : join(CLIENTS_DIR, clientFileName(id)), bytes);
      batches.add(id, size, digest);
    }
    if (manifest === null || expected === null || !practice || seen.size !== expected.size) refuse('damaged');
    await writer.done();
  } catch (error) {
    // What the tar reader reports (cut short, a bad header block) is a damaged file; a failing disk is not.
    if (error instanceof ContainerRefused || typeof (error as NodeJS.ErrnoException).errno === 'number') throw error;
    refuse('damaged');
  } finally {
    await feeding;
    await writer.settled();
  }
  batches.flush();
  const { entries: _entries, ...described } = manifest!;
  return { manifest: described, encrypted, files };
}
