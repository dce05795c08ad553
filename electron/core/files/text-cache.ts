import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEXT_CACHE_DIR } from '../data-layout';
import { DIR_MODE, fsyncDirectory, writeFileDurably } from '../durable-write';
import { EXTRACTOR_VERSION, type TextOutcome, type UnreadableReason } from './extract-text';

/*
 * The text found in each stored file, kept in `cache/texts/<sha-256>.txt` so that opening the
 * folder or restoring a backup does not read and parse every attached file again. Derived data:
 * never backed up (backups take `files/` and the documents only), rebuilt when missing, damaged
 * or written by another extractor version, and removed with the file, since it holds the
 * client's words.
 *
 * An entry is one line of JSON, then the text:
 *   {"extractor":2,"state":"text","sha256":"<SHA-256 of the text's UTF-8>"}\n<text>
 */

const ENTRY_NAME = /^([0-9a-f]{64})\.txt$/;
const REASONS: readonly UnreadableReason[] = ['encrypted', 'damaged', 'too-large', 'too-slow'];

export function textCacheDir(dataDir: string): string {
  return join(dataDir, TEXT_CACHE_DIR);
}

function entryPath(dataDir: string, sha256: string): string {
  return join(textCacheDir(dataDir), `${sha256}.txt`);
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The outcome cached for a stored file, or null when there is none this extractor can trust. */
export async function readCachedText(dataDir: string, sha256: string): Promise<TextOutcome | null> {
  let content: string;
  try {
    content = await readFile(entryPath(dataDir, sha256), 'utf8');
  } catch {
    return null;
  }
  const newline = content.indexOf('\n');
  if (newline < 0) return null;
  let header: { extractor?: unknown; state?: unknown; reason?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(content.slice(0, newline)) as typeof header;
  } catch {
    return null;
  }
  const text = content.slice(newline + 1);
  if (header === null || typeof header !== 'object' || header.extractor !== EXTRACTOR_VERSION || header.sha256 !== digest(text))
    return null;
  if (header.state === 'text' && text !== '') return { state: 'text', text };
  if (header.state === 'none' && text === '') return { state: 'none' };
  const reason = REASONS.find((candidate) => candidate === header.reason);
  if (header.state === 'unreadable' && text === '' && reason) return { state: 'unreadable', reason };
  return null;
}

/** Caches the outcome for a stored file, durably (temp file, fsync, rename, folder fsync). */
export async function writeCachedText(dataDir: string, sha256: string, outcome: TextOutcome): Promise<void> {
  const text = outcome.state === 'text' ? outcome.text : '';
  const header = {
    extractor: EXTRACTOR_VERSION,
    state: outcome.state,
    ...(outcome.state === 'unreadable' ? { reason: outcome.reason } : {}),
    sha256: digest(text),
  };
  await mkdir(textCacheDir(dataDir), { recursive: true, mode: DIR_MODE });
  await writeFileDurably(entryPath(dataDir, sha256), `${JSON.stringify(header)}\n${text}`);
}

/** The digests that have an entry in the cache. */
export async function cachedTexts(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(textCacheDir(dataDir))).flatMap((name) => ENTRY_NAME.exec(name)?.[1] ?? []);
  } catch {
    return [];
  }
}

/**
 * Removes every entry but those of `keep`, and what an interrupted write left, durably: the text
 * of a file no client names any more must not outlive it.
 */
export async function sweepCachedTexts(dataDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(textCacheDir(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed = names.filter((name) => !keep.has(ENTRY_NAME.exec(name)?.[1] ?? ''));
  await Promise.all(removed.map((name) => rm(join(textCacheDir(dataDir), name), { force: true, recursive: true })));
  if (removed.length > 0) await fsyncDirectory(textCacheDir(dataDir));
  return removed;
}
