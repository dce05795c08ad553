import { open } from 'node:fs/promises';

/** The start of a format-2 backup envelope, for files crafted to cost as much as a backup can. */
export const CRAFTED_BACKUP_HEADER =
  '{"format":"rapport-backup","formatVersion":2,"appVersion":"9","createdAt":"2026-01-01T00:00:00.000Z",';

/**
 * Writes `head`, then `unit` repeated (joined by `separator`) for about `megabytes`, then `tail`,
 * a megabyte at a time, so that a file far larger than the test's own heap can be made.
 */
export async function craftedFile(
  path: string,
  head: string,
  unit: string,
  separator: string,
  tail: string,
  megabytes: number,
): Promise<void> {
  const handle = await open(path, 'w');
  const block = Buffer.from(
    Array.from({ length: Math.ceil((1024 * 1024) / (unit.length + separator.length)) }, () => unit).join(separator) + separator,
  );
  await handle.write(head);
  for (let written = 0; written < megabytes; written += 1) await handle.write(block);
  await handle.write(`${unit}${tail}`);
  await handle.close();
}
