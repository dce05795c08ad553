import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RapportError } from '../../../shared/errors';
import type { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { CLIENTS_DIR, CLIENT_FILE_NAME, FILES_DIR, FILE_NAME, clientFileName } from '../data-layout';
import { contentDigest, contentDigestInPool, type DocumentBytes, type HeldDocument } from '../durable-json-file';
import { DIR_MODE, fsyncDirectory, writeFileDurably, writeNewFile } from '../durable-write';
import type { StagedDocuments } from './container-documents';
import { allReferencedDigests } from './references';
import { parseJsonBytes } from '../json-bytes';

/*
 * Replacing every document at once, atomically, with a roll-forward journal:
 *
 * 1. The new documents are written into a fresh staging folder inside the data directory and
 *    fsynced. The live files are not touched, so a failure or crash here changes nothing; the
 *    next open deletes the orphaned staging folder.
 * 2. The journal (which staging folder, which client files the new set holds) is written
 *    durably — temp, fsync, rename, fsync. That rename is the commit point.
 * 3. Staged files are renamed over the live ones, live clients outside the new set are deleted,
 *    then the staging folder and the journal are removed.
 *
 * Every step of 3 can be repeated, so opening a data directory whose journal is still there
 * finishes it before anything is read. The store therefore always opens either the old
 * documents, untouched, or the complete new set — never a mix.
 */

export const JOURNAL_FILE = 'restore-journal.json';
const STAGING_PREFIX = 'restore-staging-';
const STAGING_NAME = /^restore-staging-[0-9a-f]{16}$/;
const PARALLEL_WRITES = 32;

export interface StoreLayout {
  dataDir: string;
  clientsDir: string;
  /** The practice document's file name inside dataDir. */
  practiceFile: string;
}

interface Journal {
  staging: string;
  clientFiles: string[];
  /**
   * The attached files the new set references: every other file in files/ goes once the new
   * documents are in place. Absent in journals written before attachments; then none is removed.
   */
  files?: string[];
}

/** A staging folder made before the swap (a format 3 restore's worker writes the new set into it). */
export interface StagingFolder {
  name: string;
  /** `<dataDir>/<name>`: the documents go in as they are laid out in the data folder, attached files in `files/`. */
  dir: string;
  /** Where the attached files go: `<staging>/files`. */
  filesDir: string;
}

export interface ReplacementSet {
  practice: DocumentBytes<PracticeDocument>;
  /** Taken once, while staging; taking a document may throw, and then nothing changes. */
  clients: Iterable<DocumentBytes<ClientDocument>>;
}

/**
 * A new set already written into its staging folder and fsynced, documents and attached files
 * (by the format 3 reader, which checked every one of them): the swap only commits it. Its
 * documents are `held` when the restore chose to hold them while reading (the practice it
 * replaces is small); otherwise readSwappedIn reads them once they are in place.
 */
export interface StagedSet {
  staged: StagingFolder;
  documents: StagedDocuments;
  held?: SwappedDocuments | null;
}

/** The documents the swap wrote, each with the digest of its file. */
export interface SwappedDocuments {
  practice: HeldDocument<PracticeDocument>;
  clients: HeldDocument<ClientDocument>[];
}

/** The swap was committed but could not be completed here; opening the data directory again finishes it. */
export class SwapIncompleteError extends Error {}

/** Writes one staged document; its bytes are serialised here when the replacement set has none. */
async function stageDocument<T>(path: string, document: DocumentBytes<T>): Promise<HeldDocument<T>> {
  const bytes = document.bytes ?? Buffer.from(JSON.stringify(document.data));
  const [digest] = await Promise.all([contentDigestInPool(bytes), writeNewFile(path, bytes)]);
  return { data: document.data, digest };
}

/**
 * Writes the new documents into the staging folder, up to PARALLEL_WRITES at a time; each
 * client is taken from the replacement set (and so checked) while earlier ones are written.
 */
async function stage(layout: StoreLayout, staging: string, replacement: ReplacementSet): Promise<SwappedDocuments> {
  const stagedClients = join(staging, 'clients');
  await mkdir(stagedClients, { recursive: true, mode: DIR_MODE });
  const practice = await stageDocument(join(staging, layout.practiceFile), replacement.practice);
  const writes: Promise<HeldDocument<ClientDocument>>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let writeFailed = false;
  try {
    for (const document of replacement.clients) {
      const write = stageDocument(join(stagedClients, clientFileName(document.data.client.id)), document);
      writes.push(write);
      const settled: Promise<unknown> = write.then(
        () => inFlight.delete(settled),
        () => {
          writeFailed = true;
          inFlight.delete(settled);
        },
      );
      inFlight.add(settled);
      if (inFlight.size >= PARALLEL_WRITES) await Promise.race(inFlight);
      if (writeFailed) break;
    }
  } finally {
    // Nothing may still be writing into the staging folder when it is removed after a failure.
    await Promise.allSettled(writes);
  }
  const clients = await Promise.all(writes);
  await Promise.all([fsyncDirectory(stagedClients), fsyncDirectory(staging), fsyncDirectory(layout.dataDir)]);
  return { practice, clients };
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Makes a staging folder for a swap to come, with an empty files/ in it for the attached files.
 * A crash leaves it behind as any staging folder, and the next open removes it.
 */
export async function makeStagingFolder(layout: StoreLayout): Promise<StagingFolder> {
  const name = `${STAGING_PREFIX}${randomBytes(8).toString('hex')}`;
  const dir = join(layout.dataDir, name);
  const filesDir = join(dir, FILES_DIR);
  await mkdir(filesDir, { recursive: true, mode: DIR_MODE });
  await mkdir(join(dir, CLIENTS_DIR), { mode: DIR_MODE });
  return { name, dir, filesDir };
}

/**
 * Moves the named files of a staging folder into files/ and makes them durable: for bringing back
 * one client, whose document is written only after its files are in place.
 */
export async function adoptStagedFiles(layout: StoreLayout, staging: StagingFolder, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const filesDir = join(layout.dataDir, FILES_DIR);
  await mkdir(filesDir, { recursive: true, mode: DIR_MODE });
  for (const name of names) {
    if (!FILE_NAME.test(name)) throw new Error('unexpected file name');
    try {
      await rename(join(staging.filesDir, name), join(filesDir, name));
    } catch (error) {
      // The reader stages no copy of a file the data folder already holds intact.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await exists(join(filesDir, name)))) continue;
      throw error;
    }
  }
  await Promise.all([fsyncDirectory(filesDir), fsyncDirectory(layout.dataDir)]);
}

/** Removes a staging folder a swap will not use. */
export async function removeStagingFolder(layout: StoreLayout, staging: StagingFolder): Promise<void> {
  // A committed swap (its journal names this folder) still needs it to finish; the next open does that.
  const journal = await readFile(join(layout.dataDir, JOURNAL_FILE), 'utf8').catch(() => null);
  if (journal !== null && journal.includes(staging.name)) return;
  await rm(join(layout.dataDir, staging.name), { recursive: true, force: true });
}

/** Moves the staged attached files into files/ (the same name is the same bytes, so one already there may be replaced). */
async function moveFilesIn(layout: StoreLayout, staging: string): Promise<void> {
  const stagedFiles = join(staging, FILES_DIR);
  const names = (await readdirOrEmpty(stagedFiles)).filter((name) => FILE_NAME.test(name));
  if (names.length === 0) return;
  const filesDir = join(layout.dataDir, FILES_DIR);
  if ((await readdirOrEmpty(filesDir)).length === 0) {
    // A data folder without attached files (a new computer): the staged folder becomes files/ in
    // one rename instead of one per file. Repeated after a crash, either step finds its work done.
    await rmdir(filesDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(stagedFiles, filesDir);
    await fsyncDirectory(layout.dataDir);
    return;
  }
  await mkdir(filesDir, { recursive: true, mode: DIR_MODE });
  for (let start = 0; start < names.length; start += PARALLEL_WRITES) {
    await Promise.all(names.slice(start, start + PARALLEL_WRITES).map((name) => rename(join(stagedFiles, name), join(filesDir, name))));
  }
  await Promise.all([fsyncDirectory(filesDir), fsyncDirectory(layout.dataDir)]);
}

/** Refuses a new set that names an attached file neither staged nor already in files/. */
async function assertFilesPresent(layout: StoreLayout, staging: string, names: readonly string[]): Promise<void> {
  const present = new Set([
    ...(await readdirOrEmpty(join(staging, FILES_DIR))),
    ...(await readdirOrEmpty(join(layout.dataDir, FILES_DIR))),
  ]);
  if (names.some((name) => !present.has(name))) {
    throw new RapportError(
      'BAD_BACKUP',
      'This backup names attached documents it does not hold, so Rapport will not restore it. Nothing was changed.',
    );
  }
}

/** Removes the attached files the new set no longer references, once the new documents are durable. */
async function dropUnreferencedFiles(layout: StoreLayout, keep: readonly string[]): Promise<void> {
  const filesDir = join(layout.dataDir, FILES_DIR);
  const kept = new Set(keep);
  const dropped = (await readdirOrEmpty(filesDir)).filter((name) => FILE_NAME.test(name) && !kept.has(name));
  if (dropped.length === 0) return;
  await Promise.all(dropped.map((name) => rm(join(filesDir, name), { force: true })));
  await fsyncDirectory(filesDir);
}

/**
 * Step 3 above; safe to run again after a crash at any point in it. Attached files go in before
 * the documents that name them, and files no longer named go only after those documents are
 * durable, so a document never names a missing file.
 */
async function rollForward(layout: StoreLayout, journal: Journal): Promise<void> {
  const staging = join(layout.dataDir, journal.staging);
  await moveFilesIn(layout, staging);
  const stagedClients = join(staging, 'clients');
  const staged = await readdirOrEmpty(stagedClients);
  for (let start = 0; start < staged.length; start += PARALLEL_WRITES) {
    await Promise.all(
      staged
        .slice(start, start + PARALLEL_WRITES)
        .map((name) => rename(join(stagedClients, name), join(layout.clientsDir, name.toLowerCase()))),
    );
  }
  const stagedPractice = join(staging, layout.practiceFile);
  if (await exists(stagedPractice)) await rename(stagedPractice, join(layout.dataDir, layout.practiceFile));
  const keep = new Set(journal.clientFiles.map((name) => name.toLowerCase()));
  const dropped = (await readdir(layout.clientsDir)).filter((name) => name.endsWith('.json') && !keep.has(name));
  await Promise.all(dropped.map((name) => rm(join(layout.clientsDir, name), { force: true })));
  await Promise.all([fsyncDirectory(layout.clientsDir), fsyncDirectory(layout.dataDir)]);
  if (journal.files !== undefined) await dropUnreferencedFiles(layout, journal.files);
  await rm(staging, { recursive: true, force: true });
  await rm(join(layout.dataDir, JOURNAL_FILE), { force: true });
  await fsyncDirectory(layout.dataDir);
}

/**
 * Replaces every live document with the replacement set, atomically (see above). `beforeCommit`
 * runs once everything is staged, just before the commit point; if it throws, nothing changes.
 * A set already staged (StagedSet) goes straight to the commit and resolves to null: its
 * documents are then in place, to be read with readSwappedIn.
 */
export async function swapInDocuments(
  layout: StoreLayout,
  replacement: ReplacementSet | StagedSet,
  beforeCommit: () => Promise<void> = async () => undefined,
): Promise<SwappedDocuments | null> {
  const name = 'staged' in replacement ? replacement.staged.name : `${STAGING_PREFIX}${randomBytes(8).toString('hex')}`;
  const staging = join(layout.dataDir, name);
  const journalPath = join(layout.dataDir, JOURNAL_FILE);
  const abandonStaging = () => rm(staging, { recursive: true, force: true }).catch(() => undefined);
  let swapped: SwappedDocuments | null = null;
  let journal: Journal;
  try {
    if ('staged' in replacement) {
      const { clients, referenced } = replacement.documents;
      journal = { staging: name, clientFiles: clients.map(({ id }) => clientFileName(id)), files: referenced };
    } else {
      swapped = await stage(layout, staging, replacement);
      const documents = swapped.clients.map((document) => document.data);
      journal = {
        staging: name,
        clientFiles: documents.map(({ client }) => clientFileName(client.id)),
        files: allReferencedDigests(documents),
      };
    }
  } catch (error) {
    await abandonStaging();
    throw error;
  }
  try {
    await assertFilesPresent(layout, staging, journal.files ?? []);
    await beforeCommit();
    await writeFileDurably(journalPath, JSON.stringify(journal));
  } catch (error) {
    // Only a failure after the journal's rename (its directory fsync) leaves it in place: then it is committed.
    if (!(await exists(journalPath).catch(() => true))) {
      await abandonStaging();
      throw error;
    }
  }
  try {
    await rollForward(layout, journal);
  } catch (error) {
    throw new SwapIncompleteError(String(error));
  }
  return swapped;
}

/**
 * The documents of a committed StagedSet, read from where the swap put them. Synchronous on
 * purpose: the store lets go of the documents they replace first, so that a restore never holds
 * two practices at once, and no call may see the store in between (a ten-year practice, 49 MiB,
 * takes about half a second). Each file must still hold the bytes the reader checked; one that
 * does not throws SwapIncompleteError, and opening the data folder again reads it as at start.
 */
export function readSwappedIn(layout: StoreLayout, documents: StagedDocuments): SwappedDocuments {
  // One buffer, grown to the largest document, for every read: a buffer per file would be
  // garbage the size of the practice until the next full collection.
  let buffer = Buffer.allocUnsafe(1 << 20);
  const read = <T>(path: string, digest: string): HeldDocument<T> => {
    let length: number;
    try {
      const fd = openSync(path, 'r');
      try {
        const size = fstatSync(fd).size;
        if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
        length = readSync(fd, buffer, 0, size, 0);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new SwapIncompleteError(String(error));
    }
    const bytes = buffer.subarray(0, length);
    const held = contentDigest(bytes);
    if (held.toString('hex') !== digest) throw new SwapIncompleteError(`${path} changed after it was checked`);
    return { data: parseJsonBytes(bytes) as T, digest: held };
  };
  return {
    practice: read<PracticeDocument>(join(layout.dataDir, layout.practiceFile), documents.practice),
    clients: documents.clients.map(({ id, digest }) => read<ClientDocument>(join(layout.clientsDir, clientFileName(id)), digest)),
  };
}

function parseJournal(text: string): Journal {
  const journal = JSON.parse(text) as Partial<Journal>;
  if (
    typeof journal.staging !== 'string' ||
    !STAGING_NAME.test(journal.staging) ||
    !Array.isArray(journal.clientFiles) ||
    !journal.clientFiles.every((name) => typeof name === 'string' && CLIENT_FILE_NAME.test(name.toLowerCase())) ||
    (journal.files !== undefined &&
      !(Array.isArray(journal.files) && journal.files.every((name) => typeof name === 'string' && FILE_NAME.test(name))))
  ) {
    throw new Error('unexpected journal content');
  }
  return journal as Journal;
}

/** Finishes a committed swap and removes staging folders of swaps that never committed. Run before loading. */
export async function recoverInterruptedSwap(layout: StoreLayout): Promise<void> {
  let text: string | null = null;
  try {
    text = await readFile(join(layout.dataDir, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    let journal: Journal;
    try {
      journal = parseJournal(text);
    } catch {
      throw new RapportError(
        'CORRUPT_STORE',
        'Rapport could not finish an interrupted restore because its notes are damaged. Please restore your backup again.',
      );
    }
    await rollForward(layout, journal);
  }
  for (const name of await readdir(layout.dataDir)) {
    if (STAGING_NAME.test(name)) await rm(join(layout.dataDir, name), { recursive: true, force: true });
  }
}
