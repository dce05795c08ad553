import { RapportError } from '../../shared/errors';

/**
 * What the callback of webContents.print means for the coach. Electron reports a cancelled
 * dialog as a failure with the reason "Print job canceled" (see its electron.d.ts); that is the
 * coach's choice, not an error, so it resolves silently like a printed page.
 */
export function printFailure(success: boolean, failureReason: string): RapportError | null {
  if (success || /cancel/i.test(failureReason)) return null;
  return new RapportError('IO_ERROR', 'The page could not be printed. Please check your printer and try again.');
}
