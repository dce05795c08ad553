import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import { readAndParse, stringifyAndWriteDurably } from '../baselines/durable-payload';
import type { PracticeData } from '../baselines/physical-read';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce } from '../harness/timing';

const PASSPHRASE = 'correct horse battery staple';

/**
 * backup.create (plain, encrypted) against JSON.stringify + write + fsync of the same
 * documents, and backup.restore against reading and parsing that file back (DESIGN §6).
 * Each round times all five in turn after one untimed round, so drift on the machine affects
 * subjects and baselines alike.
 */
export async function measureBackups(workspace: Workspace, data: PracticeData, scratchDir: string, rounds: number): Promise<Measurement[]> {
  const baselineFile = join(scratchDir, 'baseline-backup.json');
  const backupFile = (kind: string, round: number) => join(scratchDir, `${kind}-${round}.rapport-backup`);
  const samples = { write: [] as number[], plain: [] as number[], encrypted: [] as number[], read: [] as number[], restore: [] as number[] };
  const WARMUPS = 1;
  for (let round = 0; round < WARMUPS + rounds; round += 1) {
    const timed = {
      write: (await timeOnce(() => stringifyAndWriteDurably(baselineFile, data))).ms,
      plain: (await timeOnce(() => workspace.backup.create(backupFile('plain', round), {}))).ms,
      encrypted: (await timeOnce(() => workspace.backup.create(backupFile('encrypted', round), { passphrase: PASSPHRASE }))).ms,
      read: (await timeOnce(() => readAndParse(baselineFile))).ms,
      restore: (await timeOnce(() => workspace.backup.restore(backupFile('plain', 0), {}))).ms,
    };
    if (round < WARMUPS) continue;
    for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(timed[key]);
  }
  const writeBaseline = series('JSON.stringify + write + fsync', samples.write);
  const readBaseline = series('read + JSON.parse', samples.read);
  return [
    measurement({ id: 'backup-plain', label: 'backup, plain', subject: series('backup.create, plain', samples.plain), baseline: writeBaseline, target: { kind: 'max-ratio', value: 1.5 } }),
    measurement({ id: 'backup-encrypted', label: 'backup, encrypted', subject: series('backup.create, encrypted', samples.encrypted), baseline: writeBaseline, target: { kind: 'max-ratio', value: 2 } }),
    measurement({ id: 'restore', label: 'restore, plain', subject: series('backup.restore, plain', samples.restore), baseline: readBaseline, target: { kind: 'max-ratio', value: 2 } }),
  ];
}
