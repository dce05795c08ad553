import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RapportError } from '../../../shared/errors';
import type { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { DIR_MODE, FILE_MODE, fsyncDirectory, writeFileDurably } from '../durable-write';

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
const CLIENT_FILE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;
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
}

/** The swap was committed but could not be completed here; opening the data directory again finishes it. */
export class SwapIncompleteError extends Error {}

async function writeNewFile(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function stage(layout: StoreLayout, staging: string, practice: PracticeDocument, clients: readonly ClientDocument[]): Promise<void> {
  const stagedClients = join(staging, 'clients');
  await mkdir(stagedClients, { recursive: true, mode: DIR_MODE });
  await writeNewFile(join(staging, layout.practiceFile), JSON.stringify(practice));
  for (let start = 0; start < clients.length; start += PARALLEL_WRITES) {
    const batch = clients.slice(start, start + PARALLEL_WRITES);
    await Promise.all(batch.map((document) => writeNewFile(join(stagedClients, `${document.client.id}.json`), JSON.stringify(document))));
  }
  await fsyncDirectory(stagedClients);
  await fsyncDirectory(staging);
  await fsyncDirectory(layout.dataDir);
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

/** Step 3 above; safe to run again after a crash at any point in it. */
async function rollForward(layout: StoreLayout, journal: Journal): Promise<void> {
  const staging = join(layout.dataDir, journal.staging);
  const stagedClients = join(staging, 'clients');
  for (const name of await readdirOrEmpty(stagedClients)) {
    await rename(join(stagedClients, name), join(layout.clientsDir, name));
  }
  const stagedPractice = join(staging, layout.practiceFile);
  if (await exists(stagedPractice)) await rename(stagedPractice, join(layout.dataDir, layout.practiceFile));
  const keep = new Set(journal.clientFiles);
  for (const name of await readdir(layout.clientsDir)) {
    if (name.endsWith('.json') && !keep.has(name)) await rm(join(layout.clientsDir, name), { force: true });
  }
  await fsyncDirectory(layout.clientsDir);
  await fsyncDirectory(layout.dataDir);
  await rm(staging, { recursive: true, force: true });
  await rm(join(layout.dataDir, JOURNAL_FILE), { force: true });
  await fsyncDirectory(layout.dataDir);
}

/** Replaces every live document with `practice` and `clients`, atomically (see above). */
export async function swapInDocuments(layout: StoreLayout, practice: PracticeDocument, clients: readonly ClientDocument[]): Promise<void> {
  const name = `${STAGING_PREFIX}${randomBytes(8).toString('hex')}`;
  const staging = join(layout.dataDir, name);
  const journal: Journal = { staging: name, clientFiles: clients.map((document) => `${document.client.id}.json`) };
  const journalPath = join(layout.dataDir, JOURNAL_FILE);
  try {
    await stage(layout, staging, practice, clients);
    await writeFileDurably(journalPath, JSON.stringify(journal));
  } catch (error) {
    // Only a failure after the journal's rename (its directory fsync) leaves it in place: then it is committed.
    if (!(await exists(journalPath).catch(() => true))) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  }
  try {
    await rollForward(layout, journal);
  } catch (error) {
    throw new SwapIncompleteError(String(error));
  }
}

function parseJournal(text: string): Journal {
  const journal = JSON.parse(text) as Partial<Journal>;
  if (
    typeof journal.staging !== 'string' ||
    !STAGING_NAME.test(journal.staging) ||
    !Array.isArray(journal.clientFiles) ||
    !journal.clientFiles.every((name) => typeof name === 'string' && CLIENT_FILE_NAME.test(name))
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
      throw new RapportError('CORRUPT_STORE', 'Rapport could not finish an interrupted restore because its notes are damaged. Please restore your backup again.');
    }
    await rollForward(layout, journal);
  }
  for (const name of await readdir(layout.dataDir)) {
    if (STAGING_NAME.test(name)) await rm(join(layout.dataDir, name), { recursive: true, force: true });
  }
}
