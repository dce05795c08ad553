/**
 * Run by crash-attachments.test.ts in a separate Node process (bundled with esbuild), so that it
 * can be killed with SIGKILL in the middle of a backup or a restore: opens the data directory,
 * says `ready`, then backs up (an automatic backup) or restores the given file.
 */
import { openWorkspace } from '../../../electron/core/workspace';

const [mode, dataDir, backupsDir, backupPath] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir, { backupsDir });
process.stdout.write('ready\n');
if (mode === 'restore') await workspace.backup.restore(backupPath);
else if ((await workspace.backup.runAutomatic('quit')).created === null) throw new Error('automatic backups are off');
process.stdout.write('done\n');
await workspace.close();
