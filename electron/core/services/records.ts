import { RapportError } from '../../../shared/errors';

/** The record with `id` in `records`, or NOT_FOUND with a message naming what is missing. */
export function findRecord<T extends { id: string }>(records: T[], id: string, what: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new RapportError('NOT_FOUND', `That ${what} no longer exists. It may have been deleted.`);
  return record;
}

/** Removes the record with `id` from `records` in place, or throws NOT_FOUND. */
export function removeRecord<T extends { id: string }>(records: T[], id: string, what: string): void {
  const at = records.findIndex((candidate) => candidate.id === id);
  if (at < 0) throw new RapportError('NOT_FOUND', `That ${what} no longer exists. It may have been deleted.`);
  records.splice(at, 1);
}
