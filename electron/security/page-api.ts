import { basename } from 'node:path';
import type { RapportApi, WorkspaceApi } from '../../shared/api';
import { backupPageContract, type BackupPageApi, type BackupSummary } from '../../shared/api/backup';
import { documentsPageContract, type DocumentsPageApi } from '../../shared/api/documents';
import { RapportError } from '../../shared/errors';
import { validatedApi } from '../core/validated-api';
import type { DialogTokens } from './dialog-tokens';

/** Hands a file to the system's default app for its type (Electron: shell.openPath). */
export type OpenPath = (path: string) => Promise<void>;

const cannotOpen: OpenPath = () =>
  Promise.reject(new RapportError('FORBIDDEN', 'Opening documents in another app is not available here. Use Save a copy… instead.'));

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
export function pageApi(workspace: WorkspaceApi, tokens: DialogTokens, openPath: OpenPath = cannotOpen): RapportApi {
  const { backup, documents } = workspace;
  const page: { backup: BackupPageApi; documents: DocumentsPageApi } = validatedApi(
    { backup: backupPageContract, documents: documentsPageContract },
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
      documents: {
        ...documents,
        attach: (clientId, files, options) =>
          documents.attach(
            clientId,
            files.map((file) => tokens.take(file, 'document-read')),
            options,
          ),
        saveCopy: async (clientId, documentId, file) => {
          const path = tokens.take(file, 'document-write');
          await documents.saveCopy(clientId, documentId, path);
          return basename(path);
        },
        open: async (clientId, documentId) => openPath(await documents.copyForOpening(clientId, documentId)),
      } satisfies DocumentsPageApi,
    },
  );
  return { ...workspace, backup: page.backup, documents: page.documents };
}
