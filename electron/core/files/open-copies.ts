import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RapportError } from '../../../shared/errors';

/** How many copies made for "Open" are kept at most; the oldest go first. */
export const MAX_OPEN_COPIES = 20;
/** One copy's folder inside the workspace's own folder: what mkdtemp makes of `copy-`. */
const COPY_FOLDER = /^copy-[A-Za-z0-9]{6}$/;

const notPrivate = () =>
  new RapportError(
    'IO_ERROR',
    'Rapport could not prepare its private folder for opening documents in the temporary folder. Use Save a copy… instead.',
  );

/**
 * The read-only copies handed to the system's app by "Open". They live in one folder per data
 * folder (`rapport-open-<digest of the data folder's path>` in the temp folder), one sub-folder
 * per copy, so that sweeping them at open and at close touches only this workspace's own copies:
 * never another user's files, nor those of another Rapport using another data folder.
 */
export class OpenCopies {
  readonly root: string;

  constructor(dataDir: string, tempRoot: string = tmpdir()) {
    this.root = join(tempRoot, `rapport-open-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  }

  /** A fresh folder for one copy; the oldest copies beyond MAX_OPEN_COPIES are removed first. */
  async folder(): Promise<string> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    if (!(await this.isPrivate())) throw notPrivate();
    const copies = await this.copies();
    const withTimes = await Promise.all(
      copies.map(async (name) => ({ name, at: (await lstat(join(this.root, name)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    withTimes.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
    for (const { name } of withTimes.slice(0, Math.max(0, withTimes.length - MAX_OPEN_COPIES + 1))) await removeCopy(join(this.root, name));
    return mkdtemp(join(this.root, 'copy-'));
  }

  /**
   * Removes every copy (at open: what an earlier run left; at close: this run's). A copy the
   * system's app still holds open where that forbids removal (Windows) stays for the next sweep.
   */
  async sweep({ removeRoot = false } = {}): Promise<void> {
    if (!(await this.isPrivate())) return;
    for (const name of await this.copies()) await removeCopy(join(this.root, name));
    if (removeRoot) await rmdir(this.root).catch(() => undefined);
  }

  /** The folder is a real directory (not a link someone planted), ours, and closed to others. */
  private async isPrivate(): Promise<boolean> {
    const stats = await lstat(this.root).catch(() => null);
    if (!stats?.isDirectory()) return false;
    if (process.platform === 'win32') return true;
    return stats.uid === process.getuid?.() && (stats.mode & 0o077) === 0;
  }

  private async copies(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && COPY_FOLDER.test(entry.name)).map((entry) => entry.name);
  }
}

async function removeCopy(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
}
