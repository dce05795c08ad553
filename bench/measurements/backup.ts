import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import { readAndParse, stringifyAndWriteDurably } from '../baselines/durable-payload';
import { restoreFloor } from '../baselines/restore-floor';
import type { PracticeData } from '../baselines/physical-read';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce } from '../harness/timing';

const PASSPHRASE = 'correct horse battery staple';

/** Times `task` after a full garbage collection, so that no step pays for the garbage of the one before. */
async function timeFromCleanHeap(task: () => Promise<unknown>): Promise<number> {
  if (!globalThis.gc) throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
  globalThis.gc();
  return (await timeOnce(task)).ms;
}

/**
 * backup.create (plain, encrypted) against JSON.stringify + write + fsync of the same
 * documents, and backup.restore against reading and parsing that file back (docs/backups.md).
 * Each round times all five in turn after one untimed round, so drift on the machine affects
 * subjects and baselines alike.
 */
export async function measureBackups(workspace: Workspace, data: PracticeData, scratchDir: string, rounds: number): Promise<Measurement[]> {
  const baselineFile = join(scratchDir, 'baseline-backup.json');
  const backupFile = (kind: string, round: number) => join(scratchDir, `${kind}-${round}.rapport-backup`);
  const samples = {
    write: [] as number[],
    plain: [] as number[],
    encrypted: [] as number[],
    read: [] as number[],
    restore: [] as number[],
    floor: [] as number[],
  };
  const WARMUPS = 1;
  for (let round = 0; round < WARMUPS + rounds; round += 1) {
    const timed = {
      write: await timeFromCleanHeap(() => stringifyAndWriteDurably(baselineFile, data)),
      plain: await timeFromCleanHeap(() => workspace.backup.create(backupFile('plain', round), {})),
      encrypted: await timeFromCleanHeap(() => workspace.backup.create(backupFile('encrypted', round), { passphrase: PASSPHRASE })),
      read: await timeFromCleanHeap(() => readAndParse(baselineFile)),
      restore: await timeFromCleanHeap(() => workspace.backup.restore(backupFile('plain', 0), {})),
      floor: await timeFromCleanHeap(() => restoreFloor(workspace.dataDir, backupFile('plain', 0), join(scratchDir, 'restore-floor'))),
    };
    if (round < WARMUPS) continue;
    for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(timed[key]);
  }
  const writeBaseline = series('JSON.stringify + write + fsync', samples.write);
  const readBaseline = series('read + JSON.parse', samples.read);
  return [
    measurement({
      id: 'backup-plain',
      label: 'backup, plain',
      subject: series('backup.create, plain', samples.plain),
      baseline: writeBaseline,
      target: { kind: 'max-ratio', value: 1.5 },
    }),
    measurement({
      id: 'backup-encrypted',
      label: 'backup, encrypted',
      subject: series('backup.create, encrypted', samples.encrypted),
      baseline: writeBaseline,
      target: { kind: 'max-ratio', value: 2 },
    }),
    measurement({
      id: 'restore',
      label: 'restore, plain',
      subject: series('backup.restore, plain', samples.restore),
      baseline: readBaseline,
      target: { kind: 'max-ratio', value: 2 },
    }),
    measurement({
      id: 'restore-floor',
      label: 'restore, plain, against its physical floor',
      subject: series('backup.restore, plain', samples.restore),
      baseline: series('copy the current files into one + read + JSON.parse + write as many files, fsynced', samples.floor),
      target: null,
      note: 'For information: the writes a restore cannot skip (the safety backup of the data it replaces, every restored document) on top of reading the backup.',
    }),
  ];
}
