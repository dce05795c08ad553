import { shell } from 'electron';
import { RapportError } from '../../shared/errors';

/**
 * Hands a read-only temporary copy of a document to the system's default app for its type.
 * shell.openPath answers with an error message, empty when the app was started.
 */
export async function openWithSystem(path: string): Promise<void> {
  const failure = await shell.openPath(path);
  if (failure !== '') {
    throw new RapportError('IO_ERROR', 'Your computer has no app that opens this kind of file. Use Save a copy… and open it from there.');
  }
}
