import { RapportError } from '../../../shared/errors';
import type { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { migrateClientDocument, migratePracticeDocument } from '../migrations';
import { usableAsReadClient, usableAsReadPractice, validateClientDocument, validatePracticeDocument } from '../validation/documents';
import { danglingReference } from '../validation/references';
import type { Validator } from '../validation/validate';
import { DAMAGED, NEWER, bad, refusal } from './backup-errors';
import { MAX_CLIENTS, countsOf } from './format';
import type { BackupCounts } from '../../../shared/api/backup';
import type { DocumentBytes } from '../durable-json-file';
import type { ReplacementSet } from './swap';

/** One document of an opened payload, parsed, with its own bytes in the payload when they are known. */
export interface PayloadDocument {
  raw: unknown;
  bytes: Buffer | null;
}

/** An opened payload's documents, not yet checked (see read-backup.ts). */
export interface Payload {
  practice: PayloadDocument;
  clients: PayloadDocument[];
}

function nameIn(raw: unknown): string {
  const name = (raw as { client?: { name?: unknown } } | null)?.client?.name;
  return typeof name === 'string' && name.length > 0 && name.length <= 200 ? name : 'a client';
}

/**
 * Runs the store's own migrations and validation over one document of the backup. Its bytes
 * from the file are kept only when neither changed it, so that they are exactly the document.
 */
function checkedDocument<T>(
  raw: unknown,
  bytes: Buffer | null,
  usableAsRead: (value: unknown) => boolean,
  migrate: (raw: unknown) => unknown,
  validate: Validator<T>,
  describe: string,
): DocumentBytes<T> {
  // Valid at the current version with canonical ids: migrating would return it unchanged.
  if (usableAsRead(raw)) return { data: raw as T, bytes };
  const invalid = () =>
    refusal(raw, () => bad(`Part of this backup (${describe}) is not valid Rapport data, so Rapport will not restore it.`));
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (error) {
    if (error instanceof RapportError && error.code === 'NEWER_VERSION') throw NEWER();
    throw invalid();
  }
  const result = validate(migrated);
  if (!result.success) throw invalid();
  return { data: result.data, bytes: result.data === raw ? bytes : null };
}

/** One client's document from a backup, migrated and validated like the store does. */
export function checkedClientDocument(raw: unknown, bytes: Buffer | null = null): DocumentBytes<ClientDocument> {
  const document = checkedDocument(
    raw,
    bytes,
    usableAsReadClient,
    migrateClientDocument,
    validateClientDocument,
    `the file of ${nameIn(raw)}`,
  );
  if (danglingReference(document.data) !== null) {
    throw bad(`Part of this backup (the file of ${nameIn(raw)}) refers to records it does not hold, so Rapport will not restore it.`);
  }
  return document;
}

/** The practice document from a backup, migrated and validated like the store does. */
export function checkedPracticeDocument(raw: unknown, bytes: Buffer | null = null): DocumentBytes<PracticeDocument> {
  return checkedDocument(raw, bytes, usableAsReadPractice, migratePracticeDocument, validatePracticeDocument, 'the practice settings');
}

/**
 * The documents of a payload parsed as a whole (one not laid out as Rapport writes it), or a
 * BAD_BACKUP error when it is not `{ practice, clients: [...] }`.
 */
export function payloadOfValue(value: unknown): Payload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw DAMAGED();
  const { practice, clients } = value as Record<string, unknown>;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('practice') || !Array.isArray(clients) || clients.length > MAX_CLIENTS) {
    throw refusal(value, DAMAGED);
  }
  return { practice: { raw: practice, bytes: null }, clients: clients.map((raw: unknown) => ({ raw, bytes: null })) };
}

/**
 * The client documents, each checked as it is taken, so that a restore writes one while it
 * checks the next; taking the last one also checks the set as a whole (no client twice, the
 * counts the envelope states). Iterate once.
 */
function* checkedClients(stated: BackupCounts, raws: readonly PayloadDocument[]): Generator<DocumentBytes<ClientDocument>> {
  const ids = new Set<string>();
  const documents: ClientDocument[] = [];
  for (const { raw, bytes } of raws) {
    const document = checkedClientDocument(raw, bytes);
    if (ids.has(document.data.client.id)) throw bad('This backup holds the same client twice, so it is damaged.');
    ids.add(document.data.client.id);
    documents.push(document.data);
    yield document;
  }
  const counts = countsOf(documents);
  if ((Object.keys(counts) as (keyof typeof counts)[]).some((key) => counts[key] !== stated[key])) throw DAMAGED();
}

/** The payload's documents: the practice settings checked now, the clients as they are taken (see checkedClients). */
export function checkedDocuments(stated: BackupCounts, payload: Payload): ReplacementSet {
  if (payload.clients.length !== stated.clients) throw DAMAGED();
  const { raw, bytes } = payload.practice;
  return {
    practice: checkedPracticeDocument(raw, bytes),
    clients: checkedClients(stated, payload.clients),
  };
}
