import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { QuarantinedDocument } from '../../shared/api/app';
import { RapportError } from '../../shared/errors';
import type { ClientDocument, PracticeDocument } from '../../shared/model/documents';
import { SwapIncompleteError, readSwappedIn, swapInDocuments, type ReplacementSet, type StagedSet } from './backup/swap';
import { collectGarbage } from './collect-garbage';
import { CLIENTS_DIR, PRACTICE_FILE, clientFileName, storeLayout } from './data-layout';
import { writeJsonDocument, type HeldDocument, type StoredDocument } from './durable-json-file';
import { fsyncDirectory } from './durable-write';
import { toRapportError } from './io-errors';
import { KeyedQueue } from './keyed-queue';
import { openDocuments } from './store-open';
import { validateClientDocument as validateClient, validatePracticeDocument as validatePractice } from './validation/documents';
import type { Validator } from './validation/validate';

/** Every document of the store at one moment. */
export interface StoredDocuments {
  practice: StoredDocument<PracticeDocument>;
  clients: StoredDocument<ClientDocument>[];
}

/** What a restore puts in place of every document; `beforeCommit` runs once all of it is staged (see backup/swap.ts). */
export type Replacement = (ReplacementSet | StagedSet) & {
  beforeCommit?: () => Promise<void>;
};

/**
 * The documents of one data directory: `practice.json` plus one file per client, all held in
 * memory and written through durably, one write at a time per document.
 */
export class DocumentStore {
  /** Writes to one document run one at a time, keyed by client id (or the practice file). */
  private readonly writes = new KeyedQueue();
  /** Writes queued while every document is being replaced wait for this. */
  private gate: Promise<void> = Promise.resolve();
  /** Set when a replacement was committed on disk but could not be finished in this process. */
  private unfinishedSwap = false;
  private readonly replacedListeners = new Set<() => void>();

  private constructor(
    readonly dataDir: string,
    private practiceDocument: StoredDocument<PracticeDocument>,
    private readonly clients: Map<string, StoredDocument<ClientDocument>>,
    readonly quarantined: QuarantinedDocument[],
  ) {}

  /** Opens the data directory (see store-open.ts) and holds what it found. */
  static async open(dataDir: string, now: () => Date): Promise<DocumentStore> {
    const { practice, clients, quarantined } = await openDocuments(dataDir, now);
    return new DocumentStore(dataDir, practice, clients, quarantined);
  }

  get clientsDir(): string {
    return join(this.dataDir, CLIENTS_DIR);
  }

  practice(): PracticeDocument {
    return this.practiceDocument.data;
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
    return { practice: { ...this.practiceDocument }, clients: [...this.clients.values()].map((document) => ({ ...document })) };
  }

  async createClient(document: ClientDocument): Promise<ClientDocument> {
    const id = document.client.id;
    return this.queued(id, async () => {
      if (this.clients.has(id)) throw new RapportError('CONFLICT', 'A client with this id already exists.');
      const path = this.clientFile(id);
      this.clients.set(id, { path, ...(await this.persist(path, validateClient, document)) });
      return document;
    });
  }

  /**
   * Applies `change` to a copy of the client's document, validates it and writes it durably;
   * the change becomes visible only once it is on disk, so a failed write changes nothing.
   */
  async updateClient<R = void>(id: string, change: (draft: ClientDocument) => R): Promise<{ document: ClientDocument; result: R }> {
    return this.queued(id, async () => {
      const stored = this.clients.get(id);
      if (!stored) throw new RapportError('NOT_FOUND', 'That client no longer exists. They may have been deleted.');
      const draft = structuredClone(stored.data);
      const result = change(draft);
      Object.assign(stored, await this.persist(stored.path, validateClient, draft));
      return { document: stored.data, result };
    });
  }

  /**
   * Permanently removes one client's file (unlink, then fsync of the directory) and forgets
   * the client. Serialised with the client's other writes; no other document is touched.
   */
  async deleteClient(id: string): Promise<void> {
    return this.queued(id, async () => {
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
    return this.queued(PRACTICE_FILE, async () => {
      const draft = structuredClone(this.practiceDocument.data);
      const result = change(draft);
      Object.assign(this.practiceDocument, await this.persist(this.practiceDocument.path, validatePractice, draft));
      return { document: this.practiceDocument.data, result };
    });
  }

  /** Validates `next` and writes it durably to `path`; resolves to what the store should then hold. */
  private async persist<T>(path: string, validate: Validator<T>, next: T): Promise<HeldDocument<T>> {
    const checked = validate(next);
    if (!checked.success) {
      throw new RapportError(
        'INVALID_INPUT',
        checked.error.issues[0]?.message ?? 'Some details are not valid.',
        checked.error.issues.map((issue) => ({
          path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
          message: issue.message,
        })),
      );
    }
    try {
      return { data: checked.data, digest: await writeJsonDocument(path, checked.data) };
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
    const pending = this.writes.idle();
    const before = this.gate;
    let release!: () => void;
    this.gate = new Promise((resolve) => {
      release = resolve;
    });
    try {
      await before;
      await pending;
      this.assertUsable();
      const { replacement, result } = await prepare(this.storedDocuments());
      const layout = storeLayout(this.dataDir);
      let swapped;
      try {
        swapped = await swapInDocuments(layout, replacement, replacement.beforeCommit);
        if (swapped === null) {
          // A staged set is read back only now, once the documents it replaces are let go of
          // (nothing else holds them by now) and collected, so memory never holds both practices;
          // unless the restore held them as it read them, the practice it replaced being small.
          const staged = replacement as StagedSet;
          this.clients.clear();
          if (staged.held) swapped = staged.held;
          else {
            collectGarbage();
            swapped = readSwappedIn(layout, staged.documents);
          }
        }
      } catch (error) {
        if (error instanceof SwapIncompleteError) this.unfinishedSwap = true;
        this.assertUsable();
        throw toRapportError(error);
      }
      this.practiceDocument = { path: join(this.dataDir, PRACTICE_FILE), ...swapped.practice };
      this.clients.clear();
      for (const document of swapped.clients) {
        this.clients.set(document.data.client.id, { path: this.clientFile(document.data.client.id), ...document });
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
      throw new RapportError(
        'IO_ERROR',
        'Rapport could not finish restoring your backup. Please quit and reopen Rapport; it will complete the restore.',
      );
    }
  }

  /** Runs `task` after the writes queued before it for `key`, and after a restore under way. */
  private queued<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.writes.run(
      key,
      () => {
        this.assertUsable();
        return task();
      },
      this.gate,
    );
  }

  /** Waits for every write under way, and for a restore under way. */
  async flush(): Promise<void> {
    await Promise.all([this.writes.idle(), this.gate]);
  }

  private clientFile(id: string): string {
    return join(this.clientsDir, clientFileName(id));
  }
}
