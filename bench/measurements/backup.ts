import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import { readAndParse, stringifyAndWriteDurably } from '../baselines/durable-payload';
import { encryptAndWriteDurably } from '../baselines/encrypted-payload';
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
 * backup.create plain against JSON.stringify + write + fsync of the same documents, encrypted
 * against the same through the format's key derivation and cipher, and backup.restore against
 * its physical floor (and, for information, against reading and parsing the file back). Each
 * round times all of them in turn after one untimed round, so drift on the machine affects
 * subjects and baselines alike.
 */
export async function measureBackups(workspace: Workspace, data: PracticeData, scratchDir: string, rounds: number): Promise<Measurement[]> {
  const baselineFile = join(scratchDir, 'baseline-backup.json');
  const encryptedBaselineFile = join(scratchDir, 'baseline-backup.encrypted');
  const backupFile = (kind: string, round: number) => join(scratchDir, `${kind}-${round}.rapport-backup`);
  const samples = {
    write: [] as number[],
    writeEncrypted: [] as number[],
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
      writeEncrypted: await timeFromCleanHeap(() => encryptAndWriteDurably(encryptedBaselineFile, data, PASSPHRASE)),
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
  const encrypted = series('backup.create, encrypted', samples.encrypted);
  const restore = series('backup.restore, plain', samples.restore);
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
      subject: encrypted,
      baseline: series('JSON.stringify + scrypt (N = 2^17) + AES-256-GCM + base64 + write + fsync', samples.writeEncrypted),
      target: { kind: 'max-ratio', value: 2 },
      note: 'The same bytes through the same key derivation and cipher: the format fixes the scrypt cost (about half a second) and the base64 text.',
    }),
    measurement({
      id: 'backup-encrypted-plain-baseline',
      label: 'backup, encrypted, against the plain baseline',
      subject: encrypted,
      baseline: writeBaseline,
      target: null,
      note: 'For information: the encrypted backup against writing the plain bytes, the key derivation and cipher included in the subject only.',
    }),
    measurement({
      id: 'restore',
      label: 'restore, plain, against its physical floor',
      subject: restore,
      baseline: series('copy the current files into one + read + untar + write each entry, fsynced', samples.floor),
      target: { kind: 'max-ratio', value: 1.5 },
      note: 'The writes a restore cannot skip (the safety backup of the data it replaces, every restored document and file) on top of reading and unpacking the format 3 backup.',
    }),
    measurement({
      id: 'restore-read',
      label: 'restore, plain, against read + JSON.parse',
      subject: restore,
      baseline: series('read + JSON.parse', samples.read),
      target: null,
      note: 'For information: reading and parsing the file alone, without the safety backup and the 400 fsynced files a restore must write.',
    }),
  ];
}
