/**
 * Run by memory.test.ts in its own Node process: opens a practice with large attached files and
 * an empty second data folder, then backs the first up and restores the backup into the second,
 * printing how far the resident set's peak rose above what the open workspaces took.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/workspace';

const [root, passphrase] = process.argv.slice(2);
const options = passphrase ? { passphrase } : {};
const source = await openWorkspace(join(root, 'data'), { backupsDir: join(root, 'backups') });
const target = await openWorkspace(join(root, 'restored'), { backupsDir: join(root, 'restored-backups') });
(globalThis as { gc?: () => void }).gc?.();
const vm = (field: string) =>
  Number(
    /(\d+) kB/.exec(
      readFileSync('/proc/self/status', 'utf8')
        .split('\n')
        .find((line) => line.startsWith(field)) ?? '',
    )?.[1],
  ) * 1024;
const baseline = vm('VmRSS:');
// Resets the peak (VmHWM) to the current resident set, so what follows is measured on its own.
writeFileSync('/proc/self/clear_refs', '5');
const started = performance.now();
const filePath = join(root, 'large.rapport-backup');
await source.backup.create(filePath, options);
const backedUp = performance.now();
await target.backup.restore(filePath, options);
const peak = vm('VmHWM:');
process.stdout.write(
  `${JSON.stringify({ growth: peak - baseline, baseline, backupMs: backedUp - started, restoreMs: performance.now() - backedUp })}\n`,
);
await source.close();
await target.close();
