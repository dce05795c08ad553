import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { QuarantinedDocument } from '../../shared/api/app';
import { RapportError } from '../../shared/errors';
import { ClientDocument, PracticeDocument, PRACTICE_DOCUMENT_VERSION } from '../../shared/model/documents';
import { DEFAULT_SETTINGS } from '../../shared/model/practice';
import { SwapIncompleteError, recoverInterruptedSwap, swapInDocuments, type ReplacementSet, type StoreLayout } from './backup/swap';
import { DurableJsonFile, UnreadableDocumentError, contentDigestInPool, type ReadDocument } from './durable-json-file';
import { DIR_MODE, TEMP_MARKER, fsyncDirectory } from './durable-write';
import { tightenFolder } from './folder-modes';
import { toRapportError } from './io-errors';
import { NotADocumentError, migrateClientDocument, migratePracticeDocument } from './migrations';
import { validateClientDocument as validateClient, validatePracticeDocument as validatePractice } from './validation/documents';
import type { Validator } from './validation/validate';

export const CLIENTS_DIR = 'clients';
export const QUARANTINE_DIR = 'quarantine';
export const PRACTICE_FILE = 'practice.json';
const CLIENT_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

export function emptyPracticeDocument(): PracticeDocument {
  return {
    schemaVersion: PRACTICE_DOCUMENT_VERSION,
    settings: structuredClone(DEFAULT_SETTINGS),
    customQuestions: [],
    hiddenQuestionIds: [],
    questionEdits: [],
    templates: [],
  };
}

interface Slot<T> {
  file: DurableJsonFile<T>;
  data: T;
  /** SHA-256 of the file's bytes when `data` was last read from or written to it (pending for a while after open). */
  digest: Buffer | Promise<Buffer>;
}

/** A document as the store holds it: its data, its file, and the digest of the bytes it last read or wrote there. */
export interface StoredDocument<T> {
  path: string;
  data: T;
  digest: Buffer | Promise<Buffer>;
}

/** Every document of the store at one moment. */
export interface StoredDocuments {
  practice: StoredDocument<PracticeDocument>;
  clients: StoredDocument<ClientDocument>[];
}

/** What a restore puts in place of every document; `beforeCommit` runs once all of it is staged (see backup/swap.ts). */
export interface Replacement extends ReplacementSet {
  beforeCommit?: () => Promise<void>;
}

/** The digest of a document whose file does not hold it as serialised (it was migrated when read): it matches no file. */
const NOT_AS_ON_DISK = Buffer.alloc(0);

function stored<T>(slot: Slot<T>): StoredDocument<T> {
  return { path: slot.file.file, data: slot.data, digest: slot.digest };
}

/** Why a document could not be opened, in words for the coach. */
function describeFailure(error: unknown): string {
  if (error instanceof UnreadableDocumentError) return `The file is damaged (${error.reason}).`;
  if (error instanceof NotADocumentError) return `The file is not a Rapport document (${error.message}).`;
  return 'The file does not hold valid Rapport data.';
}

function guessClientName(text: string): string | null {
  const match = /"name"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(text);
  if (!match) return null;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return null;
  }
}


function parseDocument<T>(validate: Validator<T>, migrated: unknown): T {
  const result = validate(migrated);
  if (!result.success) throw new NotADocumentError(`${result.error.issues.length} field(s) fail validation`);
  return result.data;
}

/**
 * The documents of one data directory: `practice.json` plus one file per client, all held in
 * memory and written through durably, one write at a time per document.
 */
export class DocumentStore {
  readonly quarantined: QuarantinedDocument[] = [];
  private readonly clients = new Map<string, Slot<ClientDocument>>();
  private practiceSlot!: Slot<PracticeDocument>;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Writes queued while every document is being replaced wait for this. */
  private gate: Promise<void> = Promise.resolve();
  /** Set when a replacement was committed on disk but could not be finished in this process. */
  private unfinishedSwap = false;
  private readonly replacedListeners = new Set<() => void>();
  private markOpened!: () => void;
  /** Settles on the turn after open: the digests of the files read at open are computed from then on. */
  private readonly opened = new Promise<void>((resolve) => {
    this.markOpened = () => setImmediate(resolve);
  });

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, now: () => Date): Promise<DocumentStore> {
    const store = new DocumentStore(dataDir, now);
    await mkdir(join(dataDir, CLIENTS_DIR), { recursive: true, mode: DIR_MODE });
    for (const dir of [dataDir, join(dataDir, CLIENTS_DIR), join(dataDir, QUARANTINE_DIR)]) await tightenFolder(dir);
    await recoverInterruptedSwap(store.layout);
    await store.removeTempFiles(dataDir);
    await store.removeTempFiles(join(dataDir, CLIENTS_DIR));
    await store.loadPractice();
    await store.loadClients();
    store.markOpened();
    return store;
  }

  get clientsDir(): string {
    return join(this.dataDir, CLIENTS_DIR);
  }

  private get layout(): StoreLayout {
    return { dataDir: this.dataDir, clientsDir: this.clientsDir, practiceFile: PRACTICE_FILE };
  }

  practice(): PracticeDocument {
    return this.practiceSlot.data;
  }

  hasClient(id: string): boolean {
    return this.clients.has(id);
  }

  /** The stored document; treat it as read-only and change it through updateClient. */
  client(id: string): ClientDocument {
    const slot = this.clients.get(id);
    if (!slot) throw new RapportError('NOT_FOUND', 'That client no longer exists. They may have been deleted.');
    return slot.data;
  }

  allClients(): ClientDocument[] {
    return [...this.clients.values()].map((slot) => slot.data);
  }

  /** Every document with its file and digest, taken at once so that together they are one consistent state. */
  storedDocuments(): StoredDocuments {
    return { practice: stored(this.practiceSlot), clients: [...this.clients.values()].map(stored) };
  }

  async createClient(document: ClientDocument): Promise<ClientDocument> {
    const id = document.client.id;
    return this.serialise(id, async () => {
      if (this.clients.has(id)) throw new RapportError('CONFLICT', 'A client with this id already exists.');
      const file = new DurableJsonFile<ClientDocument>(this.clientFile(id));
      this.clients.set(id, { file, ...(await this.persist(file, validateClient, document)) });
      return document;
    });
  }

  /**
   * Applies `change` to a copy of the client's document, validates it and writes it durably;
   * the change becomes visible only once it is on disk, so a failed write changes nothing.
   */
  async updateClient<R = void>(id: string, change: (draft: ClientDocument) => R): Promise<{ document: ClientDocument; result: R }> {
    return this.serialise(id, async () => {
      const slot = this.clients.get(id);
      if (!slot) throw new RapportError('NOT_FOUND', 'That client no longer exists. They may have been deleted.');
      const draft = structuredClone(slot.data);
      const result = change(draft);
      Object.assign(slot, await this.persist(slot.file, validateClient, draft));
      return { document: slot.data, result };
    });
  }

  /**
   * Permanently removes one client's file (unlink, then fsync of the directory) and forgets
   * the client. Serialised with the client's other writes; no other document is touched.
   */
  async deleteClient(id: string): Promise<void> {
    return this.serialise(id, async () => {
      if (!this.clients.has(id)) throw new RapportError('NOT_FOUND', 'That client no longer exists. They may have been deleted.');
      try {
        await unlink(this.clientFile(id)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        this.clients.delete(id);
        await fsyncDirectory(this.clientsDir);
      } catch (error) {
        throw toRapportError(error);
      }
    });
  }

  async updatePractice<R = void>(change: (draft: PracticeDocument) => R): Promise<{ document: PracticeDocument; result: R }> {
    return this.serialise(PRACTICE_FILE, async () => {
      const draft = structuredClone(this.practiceSlot.data);
      const result = change(draft);
      Object.assign(this.practiceSlot, await this.persist(this.practiceSlot.file, validatePractice, draft));
      return { document: this.practiceSlot.data, result };
    });
  }

  /** Validates `next` and writes it durably; resolves to what its slot should then hold. */
  private async persist<T>(file: DurableJsonFile<T>, validate: Validator<T>, next: T): Promise<Pick<Slot<T>, 'data' | 'digest'>> {
    const checked = validate(next);
    if (!checked.success) {
      throw new RapportError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'Some details are not valid.', checked.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      })));
    }
    try {
      return { data: checked.data, digest: await file.writeDocument(checked.data) };
    } catch (error) {
      throw toRapportError(error);
    }
  }

  /**
   * Replaces every document at once (a restore): waits for writes under way and holds back new
   * ones, hands the current documents to `prepare` (which takes the safety backup from them and
   * checks the new set; if it throws, nothing changes), swaps the new files in atomically (see
   * backup/swap.ts), then serves them and resolves to what `prepare` said about them. Documents
   * quarantined before no longer apply, except clients the new set still lacks.
   */
  async replaceAll<R>(prepare: (current: StoredDocuments) => Promise<{ replacement: Replacement; result: R }>): Promise<R> {
    const pending = [...this.queues.values()];
    const before = this.gate;
    let release!: () => void;
    this.gate = new Promise((resolve) => {
      release = resolve;
    });
    try {
      await before;
      await Promise.all(pending);
      this.assertUsable();
      const { replacement, result } = await prepare(this.storedDocuments());
      let swapped;
      try {
        swapped = await swapInDocuments(this.layout, replacement, replacement.beforeCommit);
      } catch (error) {
        if (error instanceof SwapIncompleteError) this.unfinishedSwap = true;
        this.assertUsable();
        throw toRapportError(error);
      }
      this.practiceSlot = { file: new DurableJsonFile(join(this.dataDir, PRACTICE_FILE)), ...swapped.practice };
      this.clients.clear();
      for (const document of swapped.clients) {
        this.clients.set(document.data.client.id, { file: new DurableJsonFile(this.clientFile(document.data.client.id)), ...document });
      }
      const stillMissing = this.quarantined.filter((entry) => entry.clientId !== null && !this.clients.has(entry.clientId));
      this.quarantined.splice(0, this.quarantined.length, ...stillMissing);
      for (const listener of this.replacedListeners) listener();
      return result;
    } finally {
      release();
    }
  }

  /** Calls `listener` each time every document has been replaced (a restore); returns how to stop. */
  onReplaced(listener: () => void): () => void {
    this.replacedListeners.add(listener);
    return () => this.replacedListeners.delete(listener);
  }

  /** Forgets quarantine notices about a client that is back in the store. */
  forgetQuarantined(clientId: string): void {
    const remaining = this.quarantined.filter((entry) => entry.clientId !== clientId);
    this.quarantined.splice(0, this.quarantined.length, ...remaining);
  }

  private assertUsable(): void {
    if (this.unfinishedSwap) {
      throw new RapportError('IO_ERROR', 'Rapport could not finish restoring your backup. Please quit and reopen Rapport; it will complete the restore.');
    }
  }

  private serialise<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const gate = this.gate;
    const run = () => {
      this.assertUsable();
      return task();
    };
    const next = Promise.all([previous, gate]).then(run);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  /** Waits for every write under way, and for a restore under way. */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values(), this.gate]);
  }

  private clientFile(id: string): string {
    return join(this.clientsDir, `${id}.json`);
  }

  /**
   * The digest a slot records for a document read from its file: the file's, unless reading
   * changed the document (a migration). Hashed after open, in the thread pool, so that opening
   * does not wait for it; a backup in the meantime waits instead.
   */
  private digestAfterReading(read: ReadDocument<unknown>, migrated: unknown): Promise<Buffer> {
    if (migrated !== read.data) return Promise.resolve(NOT_AS_ON_DISK);
    return this.opened.then(() => contentDigestInPool(read.bytes)).catch(() => NOT_AS_ON_DISK);
  }

  private async removeTempFiles(dir: string): Promise<void> {
    const names = await readdir(dir);
    await Promise.all(names.filter((name) => name.includes(TEMP_MARKER)).map((name) => rm(join(dir, name), { force: true })));
  }

  private async loadPractice(): Promise<void> {
    const file = new DurableJsonFile<PracticeDocument>(join(this.dataDir, PRACTICE_FILE));
    try {
      const read = await file.readDocument();
      if (read !== null) {
        const migrated = migratePracticeDocument(read.data);
        this.practiceSlot = { file, data: parseDocument(validatePractice, migrated), digest: this.digestAfterReading(read, migrated) };
        return;
      }
    } catch (error) {
      if (error instanceof RapportError) throw error;
      await this.quarantine(PRACTICE_FILE, null, null, describeFailure(error));
    }
    const data = emptyPracticeDocument();
    this.practiceSlot = { file, data, digest: await file.writeDocument(data) };
  }

  private async loadClients(): Promise<void> {
    await this.canonicaliseClientFileNames();
    const names = (await readdir(this.clientsDir)).filter((name) => name.endsWith('.json')).sort();
    await Promise.all(names.map((name) => this.loadClient(name)));
  }

  private async loadClient(name: string): Promise<void> {
    const relative = join(CLIENTS_DIR, name);
    const id = CLIENT_FILE.exec(name)?.[1] ?? null;
    const file = new DurableJsonFile<ClientDocument>(join(this.dataDir, relative));
    try {
      if (id === null) throw new NotADocumentError('its file name is not a client id');
      const read = await file.readDocument();
      if (read === null) return;
      const migrated = migrateClientDocument(read.data);
      const document = parseDocument(validateClient, migrated);
      if (document.client.id !== id) throw new NotADocumentError('it belongs to another client id');
      this.clients.set(id, { file, data: document, digest: this.digestAfterReading(read, migrated) });
    } catch (error) {
      if (error instanceof RapportError) throw error;
      const text = await file.readText().catch(() => '');
      await this.quarantine(relative, id, guessClientName(text), describeFailure(error));
    }
  }

  /**
   * Older versions could restore a client with an upper-case id into a file of that name; its
   * document is read with the id in lower case, so the file takes that name too (unless taken).
   */
  private async canonicaliseClientFileNames(): Promise<void> {
    const names = await readdir(this.clientsDir);
    const present = new Set(names);
    let renamed = false;
    for (const name of names) {
      const canonical = name.toLowerCase();
      if (canonical === name || present.has(canonical) || !CLIENT_FILE.test(canonical)) continue;
      await rename(join(this.clientsDir, name), join(this.clientsDir, canonical));
      present.add(canonical);
      renamed = true;
    }
    if (renamed) await fsyncDirectory(this.clientsDir);
  }

  /** Moves a damaged file aside untouched, never overwriting it. */
  private async quarantine(relative: string, clientId: string | null, clientName: string | null, reason: string): Promise<void> {
    const at = this.now().toISOString();
    const target = join(QUARANTINE_DIR, `${relative.replaceAll(/[\\/]/g, '__')}.${at.replaceAll(':', '-')}`);
    await mkdir(join(this.dataDir, QUARANTINE_DIR), { recursive: true, mode: DIR_MODE });
    await rename(join(this.dataDir, relative), join(this.dataDir, target));
    await fsyncDirectory(join(this.dataDir, QUARANTINE_DIR));
    this.quarantined.push({ file: target, clientId, clientName, reason, at });
  }
}
