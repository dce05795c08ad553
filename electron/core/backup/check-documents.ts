import { RapportError } from '../../../shared/errors';
import type { ClientDocument } from '../../../shared/model/documents';
import { migrateClientDocument, migratePracticeDocument } from '../migrations';
import { validateClientDocument, validatePracticeDocument } from '../validation/documents';
import { danglingReference } from '../validation/references';
import type { Validator } from '../validation/validate';
import { DAMAGED, NEWER, bad, refusal } from './backup-errors';
import { MAX_CLIENTS, countsOf, type Header } from './format';
import type { JsonLayout } from './json-layout';
import type { DocumentBytes } from '../durable-json-file';
import type { ReplacementSet } from './swap';

/** An opened payload, and where its documents lie in `bytes` when that is known. */
export interface Payload {
  value: unknown;
  bytes: Buffer;
  layout: JsonLayout | null;
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
  migrate: (raw: unknown) => unknown,
  validate: Validator<T>,
  describe: string,
): DocumentBytes<T> {
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
  const document = checkedDocument(raw, bytes, migrateClientDocument, validateClientDocument, `the file of ${nameIn(raw)}`);
  if (danglingReference(document.data) !== null) {
    throw bad(`Part of this backup (the file of ${nameIn(raw)}) refers to records it does not hold, so Rapport will not restore it.`);
  }
  return document;
}

/** The raw client documents of an opened payload, or a BAD_BACKUP error. */
export function rawClients(payload: unknown): unknown[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw DAMAGED();
  const { clients } = payload as Record<string, unknown>;
  if (!Array.isArray(clients) || clients.length > MAX_CLIENTS) throw refusal(payload, DAMAGED);
  return clients;
}

/** Each document's own bytes in the payload, when the layout shows them unambiguously. */
function documentBytes(payload: Payload, clientCount: number): { practice: Buffer | null; clients: (Buffer | null)[] } {
  const members = payload.layout?.members;
  const practice = members?.get('practice');
  const clients = members?.get('clients')?.elements;
  if (!practice || clients?.length !== clientCount) return { practice: null, clients: Array<null>(clientCount).fill(null) };
  const slice = ({ start, end }: JsonLayout) => payload.bytes.subarray(start, end);
  return { practice: slice(practice), clients: clients.map(slice) };
}

/**
 * The client documents, each checked as it is taken, so that a restore writes one while it
 * checks the next; taking the last one also checks the set as a whole (no client twice, the
 * counts the envelope states). Iterate once.
 */
function* checkedClients(
  header: Header,
  raws: readonly unknown[],
  bytes: readonly (Buffer | null)[],
): Generator<DocumentBytes<ClientDocument>> {
  const ids = new Set<string>();
  const documents: ClientDocument[] = [];
  for (const [index, raw] of raws.entries()) {
    const document = checkedClientDocument(raw, bytes[index]);
    if (ids.has(document.data.client.id)) throw bad('This backup holds the same client twice, so it is damaged.');
    ids.add(document.data.client.id);
    documents.push(document.data);
    yield document;
  }
  const counts = countsOf(documents);
  if ((Object.keys(counts) as (keyof typeof counts)[]).some((key) => counts[key] !== header.counts[key])) throw DAMAGED();
}

/** The payload's documents: the practice settings checked now, the clients as they are taken (see checkedClients). */
export function checkedDocuments(header: Header, payload: Payload): ReplacementSet {
  const clients = rawClients(payload.value);
  const keys = Object.keys(payload.value as object);
  if (keys.length !== 2 || !keys.includes('practice') || clients.length !== header.counts.clients) throw refusal(payload.value, DAMAGED);
  const bytes = documentBytes(payload, clients.length);
  const practice = (payload.value as { practice: unknown }).practice;
  return {
    practice: checkedDocument(practice, bytes.practice, migratePracticeDocument, validatePracticeDocument, 'the practice settings'),
    clients: checkedClients(header, clients, bytes.clients),
  };
}
