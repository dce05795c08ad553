import { stat } from 'node:fs/promises';
import type { FileIntegrity } from '../../../shared/api/documents';
import type { AttachedDocument } from '../../../shared/model/document-file';
import type { DocumentStore } from '../store';
import { storedFilePath, removeFile, verifyFile } from './file-store';

/**
 * Decides when a stored file may go. A file goes only when no client document names it, and no
 * attach under way is about to name it: putting a file in place (or finding it there already) and
 * counting it as pending happen under the same gate as the check-and-remove, so a removal can
 * never slip between an attach finding the bytes stored and saving the document that names them.
 */
/** What putting a removed document back as it was needs. */
export interface RemovedDocument {
  record: AttachedDocument;
  /** Its place in the client's list. */
  index: number;
  /** The document that followed it, re-pointed to its predecessor by the removal. */
  followers: string[];
  /** Applications whose CV or cover letter it was. */
  cvOf: string[];
  coverLetterOf: string[];
}

/** A removed document whose removal can still be undone. */
export interface KeptRemoval {
  clientId: string;
  documentId: string;
  sha256: string;
  removed: RemovedDocument;
  release: () => void;
  timer: NodeJS.Timeout;
}

export class FileKeeper {
  private gateTail: Promise<unknown> = Promise.resolve();
  /** Removals that may still be undone, by document id: their files are held until the window ends. */
  private readonly removals = new Map<string, KeptRemoval>();
  private readonly pending = new Map<string, number>();
  /** Integrity by digest, kept while the file's size, inode and change time stay the same. */
  private readonly checked = new Map<string, { key: string; integrity: FileIntegrity }>();

  constructor(
    private readonly dataDir: string,
    private readonly store: DocumentStore,
  ) {
    store.onReplaced(() => {
      this.checked.clear();
      // A restore swapped every client file: an undo would put back a record the restored data never had.
      void this.endRemovals(() => true).catch(() => undefined);
    });
  }

  /**
   * Keeps a removed document's file (and what undoing needs) for `ms`, then collects the file.
   * Call with the hold taken before the record was dropped, so that no collect in between can
   * take the file: `release` gives that hold up when the window ends.
   */
  keepRemoval(removal: Omit<KeptRemoval, 'timer'>, ms: number): void {
    const timer = setTimeout(() => void this.endRemovals((kept) => kept === entry).catch(() => undefined), ms);
    timer.unref();
    const entry: KeptRemoval = { ...removal, timer };
    this.removals.get(removal.documentId)?.release();
    this.removals.set(removal.documentId, entry);
  }

  /**
   * Takes a removal back out of its window, with its file still held; the caller puts the record
   * back and then releases (and collects, should that fail). Undefined once the window is over.
   */
  takeRemoval(clientId: string, documentId: string): Omit<KeptRemoval, 'timer'> | undefined {
    const entry = this.removals.get(documentId);
    if (entry?.clientId !== clientId) return undefined;
    this.removals.delete(documentId);
    clearTimeout(entry.timer);
    return entry;
  }

  /** Ends the undo windows `which` picks at once, and removes their files that nothing names. */
  async endRemovals(which: (removal: KeptRemoval) => boolean): Promise<void> {
    const ended = [...this.removals.values()].filter(which);
    for (const entry of ended) {
      this.removals.delete(entry.documentId);
      clearTimeout(entry.timer);
      entry.release();
    }
    await this.collect(ended.map((entry) => entry.sha256));
  }

  /** Runs `task` with no file removal under way (nor another gated task). */
  gate<T>(task: () => Promise<T>): Promise<T> {
    const run = this.gateTail.then(task, task);
    this.gateTail = run.catch(() => undefined);
    return run;
  }

  /** Marks files as about to be named by a document; call inside `gate`. Returns how to unmark them. */
  hold(sha256s: readonly string[]): () => void {
    for (const sha of sha256s) this.pending.set(sha, (this.pending.get(sha) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const sha of sha256s) {
        const left = (this.pending.get(sha) ?? 1) - 1;
        if (left <= 0) this.pending.delete(sha);
        else this.pending.set(sha, left);
      }
    };
  }

  /** Whether any client document names the file. */
  referenced(sha256: string): boolean {
    return this.store.allClients().some((document) => document.documents.some((attached) => attached.sha256 === sha256));
  }

  /**
   * Removes each of these files that nothing names any more. Call only after the change that
   * dropped them is on disk: a crash before then leaves the file, never a document without it.
   */
  async collect(sha256s: readonly string[]): Promise<string[]> {
    const unique = [...new Set(sha256s)];
    if (unique.length === 0) return [];
    return this.gate(async () => {
      const removed: string[] = [];
      // A quarantined client file may name any file: nothing is removed until it is dealt with.
      if (this.store.quarantined.some((entry) => entry.clientId !== null)) return removed;
      for (const sha of unique) {
        if (this.pending.has(sha) || this.referenced(sha)) continue;
        await removeFile(this.dataDir, sha);
        this.checked.delete(sha);
        removed.push(sha);
      }
      return removed;
    });
  }

  /** Whether the stored file still holds its bytes: re-hashed when it changed on disk since the last check. */
  async integrity(sha256: string): Promise<FileIntegrity> {
    let key: string;
    try {
      const stats = await stat(storedFilePath(this.dataDir, sha256), { bigint: true });
      key = `${stats.size}:${stats.ino}:${stats.ctimeNs}:${stats.mtimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.checked.delete(sha256);
        return 'missing';
      }
      throw error;
    }
    const known = this.checked.get(sha256);
    if (known?.key === key) return known.integrity;
    const integrity = await verifyFile(this.dataDir, sha256);
    this.checked.set(sha256, { key, integrity });
    return integrity;
  }

  /** Drops what is known of a file, so that the next listing checks it again. */
  forget(sha256: string): void {
    this.checked.delete(sha256);
  }
}
