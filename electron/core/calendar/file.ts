import { basename } from 'node:path';
import { MAX_CALENDAR_BYTES } from '../../../shared/api/calendar';
import { RapportError } from '../../../shared/errors';
import { readUntrustedFile } from '../untrusted-file';

/**
 * Reads a calendar file the coach picked, refusing before reading one over 5 MB. Electron's
 * desktop service and the browser test host both read through here, so both are as strict.
 */
export async function readCalendarFile(path: string): Promise<{ name: string; text: string }> {
  const bytes = await readUntrustedFile(
    path,
    MAX_CALENDAR_BYTES,
    { kind: 'calendar', code: 'INVALID_INPUT' },
    () =>
      new RapportError(
        'CALENDAR_TOO_LARGE',
        'That calendar file is larger than 5 MB. Export a shorter period from your calendar and try again. Nothing was imported.',
      ),
  );
  return { name: basename(path), text: bytes.toString('utf8') };
}
