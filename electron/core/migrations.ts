import { RapportError } from '../../shared/errors';
import { CLIENT_DOCUMENT_VERSION, PRACTICE_DOCUMENT_VERSION } from '../../shared/model/documents';
import { emptyIntimacy } from '../../shared/model/intimacy';
import { emptyJobSearch } from '../../shared/model/job-search';
import { defaultEmailTemplates } from '../../shared/model/practice';
import { holdsIds, isNonCanonicalId } from './validation/canonical-ids';

type RawDocument = Record<string, unknown>;
/** Turns a document of version N into version N + 1. */
type Migration = (document: RawDocument) => RawDocument;

const isRecord = (value: unknown): value is RawDocument => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds `fields` to a record that lacks them; anything that is not a record is left for validation to refuse. */
function withDefaults(value: unknown, fields: RawDocument): unknown {
  if (!isRecord(value)) return value;
  const missing = Object.entries(fields).filter(([key]) => !(key in value));
  return missing.length === 0 ? value : { ...value, ...Object.fromEntries(missing) };
}

const mapRecords = (value: unknown, step: (record: unknown) => unknown): unknown => (Array.isArray(value) ? value.map(step) : value);

/** Migrations by the version they upgrade from; each step adds what its version introduced, empty. */
const clientMigrations: Record<number, Migration> = {
  // 2: the intimacy practices (phrasings, way-out lines, first moves).
  1: (document) => ({ ...document, schemaVersion: 2, intimacy: emptyIntimacy() }),
  // 3: the job search, the client's time zone and billing, and per-session sending stamps,
  // billing, group size and calendar UID.
  2: (document) => ({
    ...document,
    schemaVersion: 3,
    client: withDefaults(document.client, { timeZone: '', billing: 'paid' }),
    sessions: mapRecords(document.sessions, (session) =>
      withDefaults(session, { agendaSentAt: null, recapSentAt: null, billing: null, groupSize: 1, calendarUid: null }),
    ),
    jobSearch: emptyJobSearch(),
  }),
  // 4: attached documents.
  3: (document) => ({ ...document, schemaVersion: 4, documents: [] }),
};
const practiceMigrations: Record<number, Migration> = {
  // 2: the coach's personal-or-difficult marks on bank questions, and the agenda sign-off setting.
  1: (document) => ({ ...document, schemaVersion: 2, questionMarks: [], settings: withDefaults(document.settings, { signOff: '' }) }),
  // 3: the wording of the messages for the coach's mail program.
  2: (document) => ({
    ...document,
    schemaVersion: 3,
    settings: withDefaults(document.settings, { emailTemplates: defaultEmailTemplates() }),
  }),
};

export class NotADocumentError extends Error {}

function canonical(value: unknown): unknown {
  return isNonCanonicalId(value) ? value.toLowerCase() : value;
}

function canonicalList(list: unknown[]): unknown[] {
  let copy: unknown[] | null = null;
  for (let index = 0; index < list.length; index += 1) {
    const next = canonical(list[index]);
    if (next !== list[index]) (copy ??= [...list])[index] = next;
  }
  return copy ?? list;
}

/**
 * The value with every id (fields named `id`, `…Id` or `…Ids`) in its one canonical form, the
 * lower-case UUID; the value itself when nothing had to change, so that a document read from a
 * file still counts as exactly that file. Older versions accepted upper-case hex in a backup,
 * which then named no file and matched no lookup.
 */
export function canonicalIds(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const next = canonicalIds(item);
      if (next !== item) (copy ??= [...(value as unknown[])])[index] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | null = null;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    let next: unknown;
    if (typeof child !== 'object' || child === null) next = holdsIds(key) ? canonical(child) : child;
    else if (!holdsIds(key)) next = canonicalIds(child);
    else next = Array.isArray(child) ? canonicalList(child) : child;
    if (next !== child) (copy ??= { ...record })[key] = next;
  }
  return copy ?? value;
}

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
  return canonicalIds(document);
}

export function migrateClientDocument(raw: unknown): unknown {
  return migrate(raw, CLIENT_DOCUMENT_VERSION, clientMigrations, 'client file');
}

export function migratePracticeDocument(raw: unknown): unknown {
  return migrate(raw, PRACTICE_DOCUMENT_VERSION, practiceMigrations, 'practice settings');
}
