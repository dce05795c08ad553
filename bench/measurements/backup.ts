import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../electron/core/workspace';
import { FLUSH_EVERY_BYTES } from '../../electron/core/durable-write';
import { copyIntoOneFile, practiceFiles } from '../baselines/physical-copy';
import { restoreFloor } from '../baselines/restore-floor';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce } from '../harness/timing';
import { WORKSPACE_OPTIONS } from './clock';

const PASSPHRASE = 'correct horse battery staple';
const MiB = 1024 * 1024;
/** The bound on what a backup or a restore may add to the open workspace, whatever the attachments. */
const MEMORY_TARGET = 64 * MiB;
/** What scrypt holds while it derives the key: 128 × N × r bytes. */
const SCRYPT_BYTES = 128 * 2 ** 17 * 8;

function collectGarbage(): void {
  if (!globalThis.gc) throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
  globalThis.gc();
}

/** A field of /proc/self/status in bytes (Linux only; null elsewhere). */
function statusBytes(field: 'VmRSS:' | 'VmHWM:'): number | null {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith(field));
    const kB = /(\d+) kB/.exec(line ?? '')?.[1];
    return kB === undefined ? null : Number(kB) * 1024;
  } catch {
    return null;
  }
}

/**
 * Times `task` from a collected heap, so that no step pays for the garbage of the one before, and
 * gives how far the process's resident peak (every thread's, the backup worker's included) rose
 * above where it stood, with the workspace open, just before.
 */
async function timeWithPeak(task: () => Promise<unknown>): Promise<{ ms: number; peak: number | null }> {
  collectGarbage();
  const before = statusBytes('VmRSS:');
  let canReset = before !== null;
  try {
    // Resets the peak (VmHWM) to the current resident set, so what follows is measured on its own.
    if (canReset) writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    canReset = false;
  }
  const { ms } = await timeOnce(task);
  const after = canReset ? statusBytes('VmHWM:') : null;
  return { ms, peak: before !== null && after !== null ? after - before : null };
}

/**
 * `timeWithPeak(task)`, then removes the file `task` wrote. Why: on the virtual machines the
 * benchmark runs on, writing into memory that has not been used for a while costs several times
 * more kernel time than writing into memory just freed (the host maps it back in page by page).
 * When the copy's 1 GiB stayed until the round's end, the backup after it wrote into such memory
 * and the copy did not: the thread pool spent 3.3 s of kernel time on the same 1 GiB written in
 * one round and 1.9 s in the next, with the same number of pages allocated, and the plain backup
 * drifted from 4.3 to 2.2 s over a run while the copy stayed at 1.7–2.0 s (bench/README.md).
 */
async function timedThenRemoved(file: string, task: () => Promise<unknown>): Promise<Awaited<ReturnType<typeof timeWithPeak>>> {
  const timed = await timeWithPeak(task);
  await rm(file, { force: true });
  return timed;
}

/**
 * Waits for what a restore sets going in the background (search indexing every client again, the
 * texts of attached files looked up): it would otherwise run into the measurements that follow,
 * baselines included, and slow whichever it met (backup rounds of 4.2, 3.3 and 2.4 s in one run).
 * A query indexes whatever indexing ahead has not reached yet.
 */
async function settled(workspace: Workspace): Promise<void> {
  await workspace.documentTextsRead();
  await workspace.search.query('settled');
}

/** `task` on a workspace opened on an empty data folder, closed and removed after. */
async function inEmptyWorkspace<T>(scratchDir: string, task: (empty: Workspace) => Promise<T>): Promise<T> {
  const empty = await openWorkspace(join(scratchDir, 'empty'), { ...WORKSPACE_OPTIONS, backupsDir: join(scratchDir, 'empty-safety') });
  try {
    return await task(empty);
  } finally {
    await empty.close();
    await Promise.all(['empty', 'empty-safety'].map((name) => rm(join(scratchDir, name), { recursive: true, force: true })));
  }
}

/** A restore of `backupFile` into a new computer's empty data folder, timed. */
function restoredIntoEmpty(scratchDir: string, backupFile: string): Promise<Awaited<ReturnType<typeof timeWithPeak>>> {
  return inEmptyWorkspace(scratchDir, (empty) => timeWithPeak(() => empty.backup.restore(backupFile, {})));
}

export interface BackupRounds {
  rounds: number;
  warmups: number;
}

/**
 * backup.create, plain and encrypted, against the same bytes copied into one fsynced file (and
 * through the same age encryption), and backup.restore against its physical floor, each with the
 * peak of resident memory it added. Each round times all of them in turn, so drift on the machine
 * affects subjects and baselines alike. `workspace` must not be written to meanwhile; the safety
 * backups its restores leave in `safetyDir` are removed as they come.
 */
export async function measureBackups(
  workspace: Workspace,
  scratchDir: string,
  safetyDir: string,
  { rounds, warmups }: BackupRounds,
  withAttachments: boolean,
): Promise<Measurement[]> {
  const baselineFile = join(scratchDir, 'baseline-copy');
  const backupFile = (kind: string) => join(scratchDir, `${kind}.rapport-backup`);
  const restoreFile = join(scratchDir, 'restore-from.rapport-backup');
  await workspace.backup.create(restoreFile, {});
  const samples = {
    copy: [] as number[],
    copyEncrypted: [] as number[],
    copyFlushed: [] as number[],
    plain: [] as number[],
    encrypted: [] as number[],
  };
  const restoreSamples = { restore: [] as number[], floor: [] as number[], intoEmpty: [] as number[], emptyFloor: [] as number[] };
  const peaks = { plain: [] as number[], encrypted: [] as number[], restore: [] as number[], intoEmpty: [] as number[] };
  const keepPeak = (kind: keyof typeof peaks, peak: number | null) => {
    if (peak !== null) peaks[kind].push(peak);
  };
  for (let round = 0; round < warmups + rounds; round += 1) {
    // The files are listed each round: a restore puts back the same ones.
    const paths = await practiceFiles(workspace.dataDir);
    // Each file is removed as soon as it is timed, so that every step writes into memory the one
    // before has just freed; see `timedThenRemoved`.
    const copy = await timedThenRemoved(baselineFile, () => copyIntoOneFile(paths, baselineFile));
    const plain = await timedThenRemoved(backupFile('plain'), () => workspace.backup.create(backupFile('plain'), {}));
    const copyEncrypted = await timedThenRemoved(baselineFile, () => copyIntoOneFile(paths, baselineFile, { passphrase: PASSPHRASE }));
    const copyFlushed = await timedThenRemoved(baselineFile, () => copyIntoOneFile(paths, baselineFile, { flushEvery: FLUSH_EVERY_BYTES }));
    const encrypted = await timedThenRemoved(backupFile('encrypted'), () =>
      workspace.backup.create(backupFile('encrypted'), { passphrase: PASSPHRASE }),
    );
    const restore = await timeWithPeak(() => workspace.backup.restore(restoreFile, {}));
    await rm(safetyDir, { recursive: true, force: true });
    await settled(workspace);
    const floor = await timeWithPeak(() => restoreFloor(workspace.dataDir, restoreFile, join(scratchDir, 'restore-floor')));
    await rm(join(scratchDir, 'restore-floor'), { recursive: true, force: true });
    // The same backup restored where none of its files are (a new computer's empty data folder),
    // and its floor, in turns: first one, then the other. The floor always came right after the
    // floor above and took 3.0–3.6 s there, against 2.3–2.5 s after the restore (bench/README.md).
    const restoredFirst = round % 2 === 1 ? await restoredIntoEmpty(scratchDir, restoreFile) : null;
    const emptyFloor = await inEmptyWorkspace(scratchDir, (empty) =>
      timeWithPeak(() => restoreFloor(empty.dataDir, restoreFile, join(scratchDir, 'restore-floor'))),
    );
    await rm(join(scratchDir, 'restore-floor'), { recursive: true, force: true });
    const intoEmpty = restoredFirst ?? (await restoredIntoEmpty(scratchDir, restoreFile));
    if (round < warmups) continue;
    restoreSamples.intoEmpty.push(intoEmpty.ms);
    restoreSamples.emptyFloor.push(emptyFloor.ms);
    keepPeak('intoEmpty', intoEmpty.peak);
    samples.copy.push(copy.ms);
    samples.plain.push(plain.ms);
    samples.copyEncrypted.push(copyEncrypted.ms);
    samples.copyFlushed.push(copyFlushed.ms);
    samples.encrypted.push(encrypted.ms);
    restoreSamples.restore.push(restore.ms);
    restoreSamples.floor.push(floor.ms);
    keepPeak('plain', plain.peak);
    keepPeak('encrypted', encrypted.peak);
    keepPeak('restore', restore.peak);
  }
  await rm(restoreFile, { force: true });
  const what = withAttachments ? 'every document and attached file' : 'every document';
  const copyBaseline = series(`${what} read and written into one file, fsynced`, samples.copy);
  const encrypted = series('backup.create, encrypted', samples.encrypted);
  const memoryRow = (kind: keyof typeof peaks, label: string, limit: number | null, note: string) =>
    measurement({
      id: `memory-${kind}`,
      label,
      unit: 'bytes',
      subject: peaks[kind].length > 0 ? series('peak resident set − resident set before, workspace open', peaks[kind]) : null,
      baseline: null,
      target: limit === null ? null : { kind: 'max-bytes', value: limit },
      note: `${note} Memory this long process freed earlier is reused without showing; tests/unit/backup/memory.test.ts measures the same in a fresh process.`,
    });
  return [
    measurement({
      id: 'backup-plain',
      label: 'backup, plain',
      subject: series('backup.create, plain', samples.plain),
      baseline: copyBaseline,
      target: { kind: 'max-ratio', value: 1.5 },
    }),
    measurement({
      id: 'backup-plain-flushed-baseline',
      label: 'backup, plain, against a copy that flushes as it writes',
      subject: series('backup.create, plain', samples.plain),
      baseline: series(`the same copy, flushed every ${FLUSH_EVERY_BYTES / MiB} MiB as it is written`, samples.copyFlushed),
      target: null,
      note: 'For information: the backup flushes its file to disk as it writes it (durable-write.ts), which the copy of the row above does not; against a copy that does the same, the backup’s own work (archive, hashing, documents) stands alone.',
    }),
    measurement({
      id: 'backup-encrypted',
      label: 'backup, encrypted',
      subject: encrypted,
      baseline: series('the same through age: scrypt (2^17) + the payload cipher backups use, fsynced', samples.copyEncrypted),
      target: { kind: 'max-ratio', value: 2 },
      note: 'The same bytes through the same key derivation and cipher: the baseline calls the backup writer’s own age encryption, so it follows the cipher backups use.',
    }),
    measurement({
      id: 'backup-encrypted-plain-baseline',
      label: 'backup, encrypted, against the plain copy',
      subject: encrypted,
      baseline: copyBaseline,
      target: null,
      note: 'For information: the encrypted backup against copying the plain bytes, the key derivation and cipher included in the subject only.',
    }),
    measurement({
      id: 'restore',
      label: 'restore, plain, against its physical floor',
      subject: series('backup.restore, plain', restoreSamples.restore),
      baseline: series('copy the current data into one file + read + untar + write each entry, fsynced', restoreSamples.floor),
      target: { kind: 'max-ratio', value: 1.5 },
      note: 'Restores the practice its own backup: the data folder holds every attached file intact, so the restore checks them and writes none again, where the floor writes them all. The next row restores where no file is.',
    }),
    measurement({
      id: 'restore-into-empty',
      label: 'restore into an empty data folder, against its physical floor',
      subject: series('backup.restore, plain, into a new data folder', restoreSamples.intoEmpty),
      baseline: series('read + untar + write each entry, fsynced (nothing to copy first)', restoreSamples.emptyFloor),
      target: { kind: 'max-ratio', value: 1.5 },
      note: 'A new computer: every document and attached file is written, checked and fsynced; the safety backup of the empty folder is a few bytes.',
    }),
    memoryRow('plain', 'backup, plain: peak memory added', MEMORY_TARGET, 'Resident memory of every thread, above the open workspace.'),
    memoryRow(
      'encrypted',
      'backup, encrypted: peak memory added',
      MEMORY_TARGET + SCRYPT_BYTES,
      'As plain, plus the 128 MiB scrypt needs at the work factor the format fixes (N = 2^17, r = 8), freed before the archive is read.',
    ),
    memoryRow(
      'restore',
      'restore, plain: peak memory added',
      MEMORY_TARGET,
      'Resident memory of every thread, the backup worker’s included.',
    ),
    memoryRow(
      'intoEmpty',
      'restore into an empty data folder: peak memory added',
      null,
      'For information: above the open workspaces before the restore, so it includes the restored practice itself (the folder was empty), which the 64 MiB bound of the row above does not count.',
    ),
  ];
}
