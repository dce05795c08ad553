import { join } from 'node:path';
import type { BackupCounts } from '../../../shared/api/backup';
import type { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { CLIENTS_DIR, PRACTICE_FILE, clientFileName } from '../data-layout';
import { writeJsonDocument, type HeldDocument } from '../durable-json-file';
import { DAMAGED, TOO_COMPLEX } from './backup-errors';
import { checkedClientDocument, checkedPracticeDocument, type Payload, type PayloadDocument } from './check-documents';
import { CONTAINER_LIMITS } from './container';
import { countsOf } from './format';
import type { DocumentBatch } from './read-container';
import type { SwappedDocuments } from './swap';
import { referencedDigests } from './references';
import { parseJsonBytes } from '../json-bytes';

/*
 * The store's checks (migrations, validation, references) over the documents of a format 3
 * backup, run on the app's thread as the worker hands them over (read-container.ts), while the
 * worker goes on reading the attached files. The worker has checked each document's hash against
 * the manifest and its structure against the JSON bounds, so that parsing it here is bounded;
 * everything about what it means is checked here, with the same functions the store uses at open.
 */

/** The checked documents as staged: what the app's thread needs to commit them and read them back. */
export interface StagedDocuments {
  /** SHA-256 of the practice document's bytes as staged. */
  practice: string;
  /** Each client's id and the SHA-256 of its document as staged, in the backup's order. */
  clients: { id: string; digest: string }[];
  /** The attached files the documents name (each one is in the backup: it is refused otherwise). */
  referenced: string[];
}

/**
 * What to keep of each checked document:
 * - 'payload': its data and bytes (an inspection, or a backup read to take documents from);
 * - 'held': its data, as the store will serve it (a restore that may hold both practices at once);
 * - 'none': only its id and digest (a restore that reads them back once the old ones are let go of).
 */
export type KeepDocuments = 'payload' | 'held' | 'none';

export interface CheckedContainerDocuments {
  staged: StagedDocuments;
  payload: Payload | null;
  held: SwappedDocuments | null;
}

interface Checked<T> {
  id: string | null;
  data: T | null;
  bytes: Buffer | null;
  /** Null until a migrated document is written (finish). */
  digest: string | null;
  /** What a migration made of the document, to be staged in place of its bytes as read. */
  migrated: T | null;
}

/**
 * Takes batches of documents as the worker hands them over (`take`, each parsed and checked at
 * once, throwing the coach-facing error of the first refused one), then checks the set against
 * the manifest's counts and the attached files the backup holds (`finish`), and stages what
 * migrations changed.
 */
export function containerDocuments(keep: KeepDocuments) {
  let practice: Checked<PracticeDocument> | null = null;
  const clients: Checked<ClientDocument>[] = [];
  const counts = countsOf([]);
  const referenced = new Set<string>();
  let migratedBytes = 0;

  const kept = <T>(id: string | null, document: { data: T; bytes: Uint8Array | null }, bytes: Buffer, digest: string): Checked<T> => {
    const unchanged = document.bytes !== null;
    if (!unchanged) {
      // Migrated documents may grow; what is staged stays within the cap.
      migratedBytes += Buffer.byteLength(JSON.stringify(document.data));
      if (migratedBytes > CONTAINER_LIMITS.documentsBytes) throw TOO_COMPLEX();
    }
    return {
      id,
      data: keep === 'none' && unchanged ? null : document.data,
      bytes: keep === 'payload' && unchanged ? bytes : null,
      digest: unchanged ? digest : null,
      migrated: unchanged ? null : document.data,
    };
  };

  return {
    take({ bytes, documents }: DocumentBatch): void {
      const buffer = Buffer.from(bytes);
      for (const { practice: isPractice, id, start, end, digest } of documents) {
        if (!(start >= 0 && end >= start && end <= buffer.length) || isPractice !== (id === null) || (isPractice && practice !== null)) {
          throw DAMAGED();
        }
        const own = buffer.subarray(start, end);
        const raw = parseJson(own);
        if (id === null) {
          practice = kept(null, checkedPracticeDocument(raw, own), own, digest);
          continue;
        }
        const client = checkedClientDocument(raw, own);
        // The entry's name is where it is staged; a document naming another client is not this one.
        if (client.data.client.id !== id) throw DAMAGED();
        const one = countsOf([client.data]);
        for (const key of Object.keys(counts) as (keyof BackupCounts)[]) counts[key] += one[key];
        for (const sha of referencedDigests(client.data)) referenced.add(sha);
        clients.push(kept(id, client, own, digest));
      }
    },

    /**
     * Checks the set as a whole and writes each migrated document over its staged bytes in
     * `stagingDir` (the worker has finished writing there by now). Throws BAD_BACKUP.
     */
    async finish(stated: BackupCounts, files: readonly string[], stagingDir: string | null): Promise<CheckedContainerDocuments> {
      if (practice === null) throw DAMAGED();
      if ((Object.keys(counts) as (keyof BackupCounts)[]).some((key) => counts[key] !== stated[key])) throw DAMAGED();
      const held = new Set(files);
      // Never a document that names a file the backup does not hold.
      if ([...referenced].some((sha) => !held.has(sha))) throw DAMAGED();
      const stage = async <T>(document: Checked<T>, path: string): Promise<void> => {
        if (document.migrated === null || stagingDir === null) return;
        document.digest = (await writeJsonDocument(join(stagingDir, path), document.migrated)).toString('hex');
      };
      await stage(practice, PRACTICE_FILE);
      for (const client of clients) await stage(client, join(CLIENTS_DIR, clientFileName(client.id!)));
      const heldOf = <T>(document: Checked<T>): HeldDocument<T> => ({ data: document.data!, digest: Buffer.from(document.digest!, 'hex') });
      const payloadOf = (document: Checked<unknown>): PayloadDocument => ({ raw: document.data, bytes: document.bytes });
      const { digest: practiceDigest } = practice;
      return {
        staged: {
          practice: practiceDigest ?? '',
          clients: clients.map(({ id, digest }) => ({ id: id!, digest: digest ?? '' })),
          referenced: [...referenced].sort(),
        },
        payload: keep === 'payload' ? { practice: payloadOf(practice), clients: clients.map(payloadOf) } : null,
        held: keep === 'held' ? { practice: heldOf(practice), clients: clients.map(heldOf) } : null,
      };
    },
  };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return parseJsonBytes(bytes);
  } catch {
    throw DAMAGED();
  }
}
