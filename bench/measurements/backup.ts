import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import { readAndParse, stringifyAndWriteDurably } from '../baselines/durable-payload';
import type { PracticeData } from '../baselines/physical-read';
import { findMethod } from '../harness/api-slots';
import { measurement, series, type Measurement, type Target } from '../harness/results';
import { timeOnce, timeRepeatedly } from '../harness/timing';

type BackupCall = (filePath: string, options: { passphrase?: string }) => Promise<unknown>;

const PASSPHRASE = 'correct horse battery staple';
const NOT_YET = 'not available yet: this build has no backup.create / backup.restore; the baseline is measured regardless.';

/**
 * backup.create (plain, encrypted) against JSON.stringify + write + fsync of the same
 * documents, and backup.restore against reading and parsing that file back (DESIGN §6).
 */
export async function measureBackups(workspace: Workspace, data: PracticeData, scratchDir: string, rounds: number): Promise<Measurement[]> {
  const baselineFile = join(scratchDir, 'baseline-backup.json');
  const writeBaseline = series('JSON.stringify + write + fsync', await timeRepeatedly(rounds, 1, async () =>
    (await timeOnce(() => stringifyAndWriteDurably(baselineFile, data))).ms,
  ));
  const readBaseline = series('read + JSON.parse', await timeRepeatedly(rounds, 1, async () => (await timeOnce(() => readAndParse(baselineFile))).ms));

  const create = findMethod<BackupCall>(workspace, 'backup', 'create');
  const restore = findMethod<BackupCall>(workspace, 'backup', 'restore');
  const backupFile = (kind: string, round: number) => join(scratchDir, `${kind}-${round}.rapport-backup`);
  const timeCreate = async (kind: string, options: { passphrase?: string }) =>
    create ? series(`backup.create, ${kind}`, await timeRepeatedly(rounds, 1, async (round) => (await timeOnce(() => create(backupFile(kind, round), options))).ms)) : null;

  const plain = await timeCreate('plain', {});
  const encrypted = await timeCreate('encrypted', { passphrase: PASSPHRASE });
  const restored = restore && plain
    ? series('backup.restore, plain', await timeRepeatedly(rounds, 1, async () => (await timeOnce(() => restore(backupFile('plain', 0), {}))).ms))
    : null;

  const row = (id: string, label: string, subject: ReturnType<typeof series> | null, baseline: ReturnType<typeof series>, target: Target) =>
    measurement({ id, label, subject, baseline, target, note: subject ? '' : NOT_YET });
  return [
    row('backup-plain', 'backup, plain', plain, writeBaseline, { kind: 'max-ratio', value: 1.5 }),
    row('backup-encrypted', 'backup, encrypted', encrypted, writeBaseline, { kind: 'max-ratio', value: 2 }),
    row('restore', 'restore, plain', restored, readBaseline, { kind: 'max-ratio', value: 2 }),
  ];
}
