import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { QuarantinedDocument } from '../../shared/api/app';
import { RapportError } from '../../shared/errors';
import { type ClientDocument, type PracticeDocument, PRACTICE_DOCUMENT_VERSION } from '../../shared/model/documents';
import { DEFAULT_SETTINGS } from '../../shared/model/practice';
import { recoverInterruptedSwap } from './backup/swap';
import { CLIENTS_DIR, PRACTICE_FILE, QUARANTINE_DIR, clientIdOfFileName, storeLayout } from './data-layout';
import {
  UnreadableDocumentError,
  contentDigestInPool,
  readJsonDocument,
  writeJsonDocument,
  type DocumentBytes,
  type StoredDocument,
} from './durable-json-file';
import { DIR_MODE, TEMP_MARKER, fsyncDirectory } from './durable-write';
import { tightenFolder } from './folder-modes';
import { NotADocumentError, migrateClientDocument, migratePracticeDocument } from './migrations';
import {
  usableAsReadClient,
  usableAsReadPractice,
  validateClientDocument as validateClient,
  validatePracticeDocument as validatePractice,
} from './validation/documents';
import type { Validator } from './validation/validate';

/*
 * Opening a data directory: everything that happens before the store serves its first call.
 * It finishes a restore that was interrupted, deletes temp files of interrupted writes, reads,
 * migrates and validates every document, and moves aside, untouched, any file it cannot use.
 */

/** What opening found: every usable document, and the files it moved to quarantine. */
export interface OpenedDocuments {
  practice: StoredDocument<PracticeDocument>;
  clients: Map<string, StoredDocument<ClientDocument>>;
  quarantined: QuarantinedDocument[];
}

export function emptyPracticeDocument(): PracticeDocument {
  return {
    schemaVersion: PRACTICE_DOCUMENT_VERSION,
    settings: structuredClone(DEFAULT_SETTINGS),
    customQuestions: [],
    hiddenQuestionIds: [],
    questionEdits: [],
    templates: [],
    questionMarks: [],
  };
}

/** The digest of a document whose file does not hold it as serialised (it was migrated when read): it matches no file. */
export const NOT_AS_ON_DISK = Buffer.alloc(0);

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
 * The document read, migrated and validated; a document already valid at the current version
 * with canonical ids (nearly every one) is taken as read, without walking it to migrate it.
 */
function openedDocument<T>(
  raw: unknown,
  usableAsRead: (value: unknown) => boolean,
  migrate: (raw: unknown) => unknown,
  validate: Validator<T>,
): { document: T; migrated: unknown } {
  if (usableAsRead(raw)) return { document: raw as T, migrated: raw };
  const migrated = migrate(raw);
  return { document: parseDocument(validate, migrated), migrated };
}

/**
 * Older versions could restore a client with an upper-case id into a file of that name; its
 * document is read with the id in lower case, so the file takes that name too (unless taken).
 */
async function canonicaliseClientFileNames(clientsDir: string): Promise<void> {
  const names = await readdir(clientsDir);
  const present = new Set(names);
  let renamed = false;
  for (const name of names) {
    const canonical = name.toLowerCase();
    if (canonical === name || present.has(canonical) || clientIdOfFileName(canonical) === null) continue;
    await rename(join(clientsDir, name), join(clientsDir, canonical));
    present.add(canonical);
    renamed = true;
  }
  if (renamed) await fsyncDirectory(clientsDir);
}

async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(names.filter((name) => name.includes(TEMP_MARKER)).map((name) => rm(join(dir, name), { force: true })));
}

/** Reads every document of `dataDir`, creating the folders and an empty practice document when missing. */
export async function openDocuments(dataDir: string, now: () => Date): Promise<OpenedDocuments> {
  const clientsDir = join(dataDir, CLIENTS_DIR);
  const quarantined: QuarantinedDocument[] = [];
  let markOpened!: () => void;
  /** Settles on the turn after open: the digests of the files read at open are computed from then on. */
  const opened = new Promise<void>((resolve) => {
    markOpened = () => setImmediate(resolve);
  });

  /**
   * The digest recorded for a document read from its file: the file's, unless reading changed
   * the document (a migration). Hashed after open, in the thread pool, so that opening does not
   * wait for it; a backup in the meantime waits instead.
   */
  function digestAfterReading(read: DocumentBytes<unknown> & { bytes: Buffer }, migrated: unknown): Promise<Buffer> {
    if (migrated !== read.data) return Promise.resolve(NOT_AS_ON_DISK);
    return opened.then(() => contentDigestInPool(read.bytes)).catch(() => NOT_AS_ON_DISK);
  }

  /** Moves a damaged file aside untouched, never overwriting it. */
  async function quarantine(relative: string, clientId: string | null, clientName: string | null, reason: string): Promise<void> {
    const at = now().toISOString();
    const target = join(QUARANTINE_DIR, `${relative.replaceAll(/[\\/]/g, '__')}.${at.replaceAll(':', '-')}`);
    await mkdir(join(dataDir, QUARANTINE_DIR), { recursive: true, mode: DIR_MODE });
    await rename(join(dataDir, relative), join(dataDir, target));
    await fsyncDirectory(join(dataDir, QUARANTINE_DIR));
    quarantined.push({ file: target, clientId, clientName, reason, at });
  }

  async function loadPractice(): Promise<StoredDocument<PracticeDocument>> {
    const path = join(dataDir, PRACTICE_FILE);
    try {
      const read = await readJsonDocument<PracticeDocument>(path);
      if (read !== null) {
        const { document, migrated } = openedDocument(read.data, usableAsReadPractice, migratePracticeDocument, validatePractice);
        return { path, data: document, digest: digestAfterReading(read, migrated) };
      }
    } catch (error) {
      if (error instanceof RapportError) throw error;
      await quarantine(PRACTICE_FILE, null, null, describeFailure(error));
    }
    const data = emptyPracticeDocument();
    return { path, data, digest: await writeJsonDocument(path, data) };
  }

  async function loadClient(name: string, clients: Map<string, StoredDocument<ClientDocument>>): Promise<void> {
    const relative = join(CLIENTS_DIR, name);
    const id = clientIdOfFileName(name);
    const path = join(dataDir, relative);
    try {
      if (id === null) throw new NotADocumentError('its file name is not a client id');
      const read = await readJsonDocument<ClientDocument>(path);
      if (read === null) return;
      const { document, migrated } = openedDocument(read.data, usableAsReadClient, migrateClientDocument, validateClient);
      if (document.client.id !== id) throw new NotADocumentError('it belongs to another client id');
      clients.set(id, { path, data: document, digest: digestAfterReading(read, migrated) });
    } catch (error) {
      if (error instanceof RapportError) throw error;
      const text = await readFile(path, 'utf8').catch(() => '');
      await quarantine(relative, id, guessClientName(text), describeFailure(error));
    }
  }

  await mkdir(clientsDir, { recursive: true, mode: DIR_MODE });
  for (const dir of [dataDir, clientsDir, join(dataDir, QUARANTINE_DIR)]) await tightenFolder(dir);
  await recoverInterruptedSwap(storeLayout(dataDir));
  await removeTempFiles(dataDir);
  await removeTempFiles(clientsDir);
  const practice = await loadPractice();
  const clients = new Map<string, StoredDocument<ClientDocument>>();
  await canonicaliseClientFileNames(clientsDir);
  const names = (await readdir(clientsDir)).filter((name) => name.endsWith('.json')).sort();
  await Promise.all(names.map((name) => loadClient(name, clients)));
  markOpened();
  return { practice, clients, quarantined };
}
