import { readdir, rm, stat } from 'node:fs/promises';
import { tightenFolder } from '../folder-modes';
import { join } from 'node:path';
import { BACKUP_EXTENSION, type AutomaticBackup, type AutomaticReason } from '../../../shared/api/backup';
import { TEMP_MARKER } from '../durable-write';

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Files in the backups folder that a write cut short left behind (`<name>.tmp-<random>`); each may hold every client. */
export async function backupLeftovers(dir: string): Promise<string[]> {
  return (await namesIn(dir)).filter((name) => name.includes(TEMP_MARKER));
}

/**
 * Run when the workspace opens: the backups folder, if there is one, becomes private to the
 * coach (0700) and loses what a crash left there — above all the plain safety copy a restore
 * writes first, which would otherwise stay for good, outside every list.
 */
export async function tidyBackupsFolder(dir: string): Promise<void> {
  if (!(await tightenFolder(dir))) return;
  for (const name of await backupLeftovers(dir)) await rm(join(dir, name), { force: true });
}

/** `rapport-2026-03-02T09-00-00-000Z-daily[-2].rapport-backup`: sortable, and the name alone says when and why. */
const AUTOMATIC_NAME =
  /^rapport-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|quit|before-restore)(?:-(\d{1,6}))?\.rapport-backup$/;

interface ParsedName {
  createdAt: string;
  reason: AutomaticReason;
  sequence: number;
}

function parseName(fileName: string): ParsedName | null {
  const match = AUTOMATIC_NAME.exec(fileName);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, reason, sequence] = match;
  return {
    createdAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z`,
    reason: reason as AutomaticReason,
    sequence: Number(sequence ?? 1),
  };
}

/** A new name for an automatic backup, numbered when another was made in the same millisecond. */
export function automaticFileName(createdAt: Date, reason: AutomaticReason, existing: readonly AutomaticBackup[]): string {
  const stamp = createdAt.toISOString().replaceAll(/[:.]/g, '-');
  const taken = new Set(existing.map((backup) => backup.fileName));
  let name = `rapport-${stamp}-${reason}${BACKUP_EXTENSION}`;
  for (let sequence = 2; taken.has(name); sequence += 1) name = `rapport-${stamp}-${reason}-${sequence}${BACKUP_EXTENSION}`;
  return name;
}

/** The automatic backups in `dir`, newest first; other files there are ignored. */
export async function listAutomaticBackups(dir: string): Promise<AutomaticBackup[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: (AutomaticBackup & { sequence: number })[] = [];
  for (const fileName of names) {
    const parsed = parseName(fileName);
    if (!parsed) continue;
    const stats = await stat(join(dir, fileName)).catch(() => null);
    if (stats?.isFile())
      found.push({ fileName, createdAt: parsed.createdAt, reason: parsed.reason, bytes: stats.size, sequence: parsed.sequence });
  }
  found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence || b.fileName.localeCompare(a.fileName));
  return found.map(({ fileName, createdAt, reason, bytes }) => ({ fileName, createdAt, reason, bytes }));
}

/**
 * Deletes all but the newest `keep` automatic backups, and temp files of backups cut off by a
 * crash (automatic backups are written one at a time, so none of them is still being written).
 */
export async function pruneAutomaticBackups(dir: string, keep: number): Promise<void> {
  const backups = await listAutomaticBackups(dir);
  for (const backup of backups.slice(keep)) await rm(join(dir, backup.fileName), { force: true });
  const leftovers = (await readdir(dir)).filter(
    (name) => name.startsWith('rapport-') && name.includes(`${BACKUP_EXTENSION}${TEMP_MARKER}`),
  );
  for (const name of leftovers) await rm(join(dir, name), { force: true });
}
