/**
 * Run by crash.test.ts in a separate Node process (bundled with esbuild), so that it can be
 * killed with SIGKILL in the middle of a restore: opens the data directory, says `ready`, restores.
 */
import { openWorkspace } from '../../../electron/core/workspace';

const [dataDir, backupsDir, backupPath] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir, { backupsDir });
process.stdout.write('ready\n');
await workspace.backup.restore(backupPath);
process.stdout.write('done\n');
await workspace.close();
