import { RapportError } from '../../shared/errors';
import { CLIENT_DOCUMENT_VERSION, PRACTICE_DOCUMENT_VERSION } from '../../shared/model/documents';

type RawDocument = Record<string, unknown>;
/** Turns a document of version N into version N + 1. */
type Migration = (document: RawDocument) => RawDocument;

/**
 * Migrations by the version they upgrade from. Version 1 is the first shipped format, so
 * there are none yet; add `1: (doc) => ({ ...doc, schemaVersion: 2, ... })` when the format changes.
 */
const clientMigrations: Record<number, Migration> = {};
const practiceMigrations: Record<number, Migration> = {};

export class NotADocumentError extends Error {}

function migrate(raw: unknown, current: number, migrations: Record<number, Migration>, kind: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new NotADocumentError('not an object');
  let document = raw as RawDocument;
  const stated = document.schemaVersion;
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 1) {
    throw new NotADocumentError('it has no valid schemaVersion');
  }
  let version = stated;
  if (version > current) {
    throw new RapportError(
      'NEWER_VERSION',
      `Your ${kind} was saved by a newer version of Rapport. Please update Rapport to open it; nothing was changed.`,
    );
  }
  while (version < current) {
    const step = migrations[version];
    if (!step) throw new NotADocumentError(`no migration from version ${version}`);
    document = step(document);
    version = document.schemaVersion as number;
  }
  return document;
}

export function migrateClientDocument(raw: unknown): unknown {
  return migrate(raw, CLIENT_DOCUMENT_VERSION, clientMigrations, 'client file');
}

export function migratePracticeDocument(raw: unknown): unknown {
  return migrate(raw, PRACTICE_DOCUMENT_VERSION, practiceMigrations, 'practice settings');
}
