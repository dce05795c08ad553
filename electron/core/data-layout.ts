import { join } from 'node:path';
import type { StoreLayout } from './backup/swap';

/** Where each document lives inside a data directory (see docs/storage.md). */
export const CLIENTS_DIR = 'clients';
export const QUARANTINE_DIR = 'quarantine';
export const PRACTICE_FILE = 'practice.json';

/** `<client id>.json`, the id (a UUID) in group 1: the only names ever read or written as client files. */
export const CLIENT_FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

export function clientFileName(clientId: string): string {
  return `${clientId}.json`;
}

/** The client id a file name stands for, or null when it is not a client file's name. */
export function clientIdOfFileName(name: string): string | null {
  return CLIENT_FILE_NAME.exec(name)?.[1] ?? null;
}

/** The paths a restore swaps documents in and out of (see backup/swap.ts). */
export function storeLayout(dataDir: string): StoreLayout {
  return { dataDir, clientsDir: join(dataDir, CLIENTS_DIR), practiceFile: PRACTICE_FILE };
}

/** Attached files, each named by the SHA-256 of its bytes (see files/file-store.ts). */
export const FILES_DIR = 'files';
/** `<sha-256>`, 64 lower-case hex digits and nothing else: the only names ever read or written as stored files. */
export const FILE_NAME = /^[0-9a-f]{64}$/;

/**
 * Derived data Rapport can rebuild from the rest (see files/text-cache.ts): never backed up,
 * removed with what it was derived from.
 */
export const CACHE_DIR = 'cache';
/** `<sha-256>.txt`: the text found in a stored file, for search. */
export const TEXT_CACHE_DIR = `${CACHE_DIR}/texts`;
