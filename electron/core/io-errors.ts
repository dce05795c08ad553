import { RapportError } from '../../shared/errors';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NO_PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Turns a file-system failure into an error a coach can act on; other errors pass through. */
export function toRapportError(error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && DISK_FULL.has(code)) {
    return new RapportError('IO_ERROR', 'The disk is full, so Rapport could not save. Free some space and try again; nothing was changed.');
  }
  if (code && NO_PERMISSION.has(code)) {
    return new RapportError('IO_ERROR', 'Rapport is not allowed to write to its data folder (it may be read-only). Nothing was changed.');
  }
  if (typeof code === 'string' && code.startsWith('E')) {
    return new RapportError('IO_ERROR', 'Rapport could not read or write its data folder. Nothing was changed; please try again.');
  }
  return new RapportError('INTERNAL', 'Something went wrong inside Rapport. Your saved data is unchanged.');
}
