import { basename } from 'node:path';
import type { RapportApi, WorkspaceApi } from '../../shared/api';
import { backupPageContract, type BackupPageApi, type BackupSummary } from '../../shared/api/backup';
import { validatedApi } from '../core/validated-api';
import type { DialogTokens } from './dialog-tokens';

/** A summary with the file's name in place of its path: the page never learns a folder. */
function named<Summary extends BackupSummary>({ filePath, ...rest }: Summary): Omit<Summary, 'filePath'> & { fileName: string } {
  return { ...rest, fileName: basename(filePath) };
}

/**
 * The API the page may call, over the workspace: the same methods, except that every file the
 * page names is a token from `tokens`, resolved here to the path the coach picked in main's
 * dialog. A path string from the page is refused by the contract before anything is touched.
 * Electron's IPC and the browser test host both serve exactly this.
 */
export function pageApi(workspace: WorkspaceApi, tokens: DialogTokens): RapportApi {
  const { backup } = workspace;
  const page: { backup: BackupPageApi } = validatedApi(
    { backup: backupPageContract },
    {
      backup: {
        listAutomatic: () => backup.listAutomatic(),
        runAutomatic: (reason) => backup.runAutomatic(reason),
        restoreClientFromAutomatic: (clientId) => backup.restoreClientFromAutomatic(clientId),
        backupsContaining: (clientId) => backup.backupsContaining(clientId),
        restoreAutomatic: async (fileName) => named(await backup.restoreAutomatic(fileName)),
        create: async (file, options) => named(await backup.create(tokens.take(file, 'backup-write'), options)),
        inspect: (file, options) => backup.inspect(tokens.peek(file, 'backup-read'), options),
        restore: async (file, options) => named(await backup.restore(tokens.take(file, 'backup-read'), options)),
        exportClient: (clientId, file) => backup.exportClient(clientId, tokens.take(file, 'export-write')),
      } satisfies BackupPageApi,
    },
  );
  return { ...workspace, backup: page.backup };
}
