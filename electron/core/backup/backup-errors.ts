import { RapportError } from '../../../shared/errors';
import { findForbiddenKey } from './forbidden-keys';

export const UNCHANGED = 'Nothing was changed.';

export const bad = (message: string) => new RapportError('BAD_BACKUP', `${message} ${UNCHANGED}`);
export const NOT_A_BACKUP = () => bad('That file is not a Rapport backup.');
export const DAMAGED = () => bad('This backup file is damaged or incomplete, so Rapport will not restore it.');
export const TOO_COMPLEX = () => bad('This file is too large or too complex to be a Rapport backup.');
export const NEWER = () => bad('This backup was made by a newer version of Rapport. Please update Rapport, then open it again.');
export const TAMPERED = () => bad('This backup file holds data Rapport refuses to load; it may have been tampered with.');

/** Refuses a value with a key that could poison prototypes if the data were ever merged into objects. */
export function refuseForbiddenKeys(value: unknown): void {
  if (findForbiddenKey(value) !== null) throw TAMPERED();
}

/**
 * `rejection` for a part of a backup that failed its checks, unless the reason is a forbidden
 * key: then the coach is told the file may have been tampered with. Validation rejects those
 * keys anyway (every schema is strict), so only refused parts need to be searched for them.
 */
export function refusal(value: unknown, rejection: () => RapportError): RapportError {
  return findForbiddenKey(value) === null ? rejection() : TAMPERED();
}
