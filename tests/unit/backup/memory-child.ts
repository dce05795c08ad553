/**
 * Run by memory.test.ts in its own Node process: opens a practice with large attached files and
 * an empty second data folder, then backs the first up and restores the backup into the second,
 * printing how far the resident set's peak rose above what the open workspaces took, for the
 * backup and for the restore each on its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/workspace';

const [root, passphrase] = process.argv.slice(2);
const options = passphrase ? { passphrase } : {};
const source = await openWorkspace(join(root, 'data'), { backupsDir: join(root, 'backups') });
const target = await openWorkspace(join(root, 'restored'), { backupsDir: join(root, 'restored-backups') });
await source.documentTextsRead();
const vm = (field: string) =>
  Number(
    /(\d+) kB/.exec(
      readFileSync('/proc/self/status', 'utf8')
        .split('\n')
        .find((line) => line.startsWith(field)) ?? '',
    )?.[1],
  ) * 1024;

/** Runs `task` from a collected heap and gives how far the resident peak rose above where it started. */
async function peakGrowth(task: () => Promise<unknown>): Promise<{ growth: number; ms: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = vm('VmRSS:');
  // Resets the peak (VmHWM) to the current resident set, so what follows is measured on its own.
  writeFileSync('/proc/self/clear_refs', '5');
  const started = performance.now();
  await task();
  return { growth: vm('VmHWM:') - baseline, ms: performance.now() - started };
}

const filePath = join(root, 'large.rapport-backup');
const backup = await peakGrowth(() => source.backup.create(filePath, options));
const restore = await peakGrowth(() => target.backup.restore(filePath, options));
process.stdout.write(
  `${JSON.stringify({ backupGrowth: backup.growth, restoreGrowth: restore.growth, backupMs: backup.ms, restoreMs: restore.ms })}\n`,
);
await source.close();
await target.close();
