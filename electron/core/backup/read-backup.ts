import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { RapportError } from '../../../shared/errors';
import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { migrateClientDocument, migratePracticeDocument } from '../migrations';
import { TamperedCiphertextError, WrongPassphraseError, associatedData, decryptPayload } from './crypto';
import { findForbiddenKey } from './forbidden-keys';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  Header,
  MAX_BACKUP_BYTES,
  MAX_CLIENTS,
  UnknownFormatVersionError,
  countsOf,
  migrateEnvelope,
  type PracticeData,
} from './format';

export interface CheckedBackup {
  header: Header;
  data: PracticeData;
  bytes: number;
}

const UNCHANGED = 'Nothing was changed.';
const bad = (message: string) => new RapportError('BAD_BACKUP', `${message} ${UNCHANGED}`);
const NOT_A_BACKUP = () => bad('That file is not a Rapport backup.');
const DAMAGED = () => bad('This backup file is damaged or incomplete, so Rapport will not restore it.');
const NEWER = () => bad('This backup was made by a newer version of Rapport. Please update Rapport, then open it again.');

async function readText(filePath: string): Promise<{ text: string; bytes: number }> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new RapportError('NOT_FOUND', 'Rapport cannot find that backup file. It may have been moved or deleted.');
    }
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw NOT_A_BACKUP();
    if (stats.size === 0) throw bad('That backup file is empty.');
    if (stats.size > MAX_BACKUP_BYTES) throw bad('That file is far too large to be a Rapport backup.');
    return { text: await handle.readFile({ encoding: 'utf8' }), bytes: stats.size };
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A backup cut short while copying still starts like one.
    throw text.trimStart().startsWith(`{"format":"${BACKUP_FORMAT}"`) ? DAMAGED() : NOT_A_BACKUP();
  }
}

function refuseForbiddenKeys(value: unknown): void {
  if (findForbiddenKey(value) !== null) {
    throw bad('This backup file holds data Rapport refuses to load; it may have been tampered with.');
  }
}

function currentEnvelope(parsed: unknown): Record<string, unknown> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw NOT_A_BACKUP();
  const envelope = parsed as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) throw NOT_A_BACKUP();
  const version = envelope.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw DAMAGED();
  if (version > BACKUP_FORMAT_VERSION) throw NEWER();
  try {
    return migrateEnvelope(envelope, version);
  } catch (error) {
    if (error instanceof UnknownFormatVersionError) throw DAMAGED();
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function openPayload(header: Header, payload: unknown, passphrase: string | undefined): Promise<unknown> {
  if (header.encryption === null) {
    if (typeof payload !== 'object' || payload === null) throw DAMAGED();
    if (sha256(JSON.stringify(payload)) !== header.payloadSha256) throw DAMAGED();
    return payload;
  }
  if (passphrase === undefined) {
    throw new RapportError('PASSPHRASE_REQUIRED', 'This backup is protected with a passphrase. Please enter it to continue.');
  }
  if (typeof payload !== 'string') throw DAMAGED();
  let text: string;
  try {
    text = await decryptPayload(payload, passphrase, header.encryption, associatedData(header));
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      throw new RapportError('WRONG_PASSPHRASE', `That passphrase does not open this backup. Check it and try again. ${UNCHANGED}`);
    }
    if (error instanceof TamperedCiphertextError) throw DAMAGED();
    throw error;
  }
  if (sha256(text) !== header.payloadSha256) throw DAMAGED();
  const opened = parseJson(text);
  refuseForbiddenKeys(opened);
  return opened;
}

function nameIn(raw: unknown): string {
  const name = (raw as { client?: { name?: unknown } } | null)?.client?.name;
  return typeof name === 'string' && name.length > 0 && name.length <= 200 ? name : 'a client';
}

/** Runs the store's own migrations and schema over one document of the backup. */
function checkedDocument<T>(raw: unknown, migrate: (raw: unknown) => unknown, schema: z.ZodType<T>, describe: string): T {
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (error) {
    if (error instanceof RapportError && error.code === 'NEWER_VERSION') throw NEWER();
    throw bad(`Part of this backup (${describe}) is not valid Rapport data, so Rapport will not restore it.`);
  }
  const result = schema.safeParse(migrated);
  if (!result.success) throw bad(`Part of this backup (${describe}) is not valid Rapport data, so Rapport will not restore it.`);
  return result.data;
}

/** One client's document from a backup, migrated and validated like the store does. */
export function checkedClientDocument(raw: unknown): ClientDocument {
  return checkedDocument(raw, migrateClientDocument, ClientDocument, `the file of ${nameIn(raw)}`);
}

/** The raw client documents of an opened payload, or a BAD_BACKUP error. */
export function rawClients(payload: unknown): unknown[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw DAMAGED();
  const { clients } = payload as Record<string, unknown>;
  if (!Array.isArray(clients) || clients.length > MAX_CLIENTS) throw DAMAGED();
  return clients;
}

function checkedData(header: Header, payload: unknown): PracticeData {
  const clients = rawClients(payload);
  const keys = Object.keys(payload as object);
  if (keys.length !== 2 || !keys.includes('practice') || clients.length !== header.counts.clients) throw DAMAGED();
  const data: PracticeData = {
    practice: checkedDocument((payload as { practice: unknown }).practice, migratePracticeDocument, PracticeDocument, 'the practice settings'),
    clients: clients.map(checkedClientDocument),
  };
  const ids = new Set(data.clients.map((document) => document.client.id));
  if (ids.size !== data.clients.length) throw bad('This backup holds the same client twice, so it is damaged.');
  const counts = countsOf(data.clients);
  if ((Object.keys(counts) as (keyof typeof counts)[]).some((key) => counts[key] !== header.counts[key])) throw DAMAGED();
  return data;
}

export interface OpenedBackup {
  header: Header;
  /** Checksum- or tag-verified, free of forbidden keys, but its documents not yet validated. */
  payload: unknown;
  bytes: number;
}

/** Reads a backup and verifies its envelope and integrity, leaving the documents unchecked. */
export async function openBackup(filePath: string, passphrase: string | undefined): Promise<OpenedBackup> {
  const { text, bytes } = await readText(filePath);
  const parsed = parseJson(text);
  refuseForbiddenKeys(parsed);
  const { payload, ...described } = currentEnvelope(parsed);
  const header = Header.safeParse(described);
  if (!header.success) throw DAMAGED();
  return { header: header.data, payload: await openPayload(header.data, payload, passphrase), bytes };
}

/**
 * Reads a backup file and checks everything — size, format, version, checksum or GCM tag,
 * forbidden keys, every document against the store's own migrations and schemas — without
 * changing anything. Every failure is a RapportError a coach can act on.
 */
export async function readBackup(filePath: string, passphrase: string | undefined): Promise<CheckedBackup> {
  const { header, payload, bytes } = await openBackup(filePath, passphrase);
  return { header, data: checkedData(header, payload), bytes };
}
