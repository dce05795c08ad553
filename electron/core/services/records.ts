import { RapportError } from '../../../shared/errors';
import type { ServiceContext } from './context';

/** The fields every stored record starts with. */
export interface NewRecordFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A fresh id, created and updated now (or at `now`, when one change stamps several records). */
export function newRecord(context: Pick<ServiceContext, 'newId' | 'timestamp'>, now = context.timestamp()): NewRecordFields {
  return { id: context.newId(), createdAt: now, updatedAt: now };
}

function notFound(what: string, message: string | undefined): RapportError {
  return new RapportError('NOT_FOUND', message ?? `That ${what} no longer exists. It may have been deleted.`);
}

/**
 * The position of the record with `id` in `records`, or NOT_FOUND: by default "That <what> no
 * longer exists…", or `message` where the coach needs other words.
 */
export function recordIndex<T extends { id: string }>(records: readonly T[], id: string, what: string, message?: string): number {
  const at = records.findIndex((candidate) => candidate.id === id);
  if (at < 0) throw notFound(what, message);
  return at;
}

/** The record with `id` in `records`, or NOT_FOUND (see recordIndex). */
export function findRecord<T extends { id: string }>(records: readonly T[], id: string, what: string, message?: string): T {
  return records[recordIndex(records, id, what, message)];
}

/** Removes the record with `id` from `records` in place, or throws NOT_FOUND (see recordIndex). */
export function removeRecord<T extends { id: string }>(records: T[], id: string, what: string, message?: string): void {
  records.splice(recordIndex(records, id, what, message), 1);
}
