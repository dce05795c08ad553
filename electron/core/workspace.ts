import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { workspaceContract, type WorkspaceApi } from '../../shared/api';
import { toRapportError } from './io-errors';
import { tidyBackupsFolder } from './backup/automatic';
import { createAutomaticFailureRecord } from './backup/automatic-failure';
import { DIR_MODE } from './durable-write';
import { acquireLock, type LockOptions } from './lock';
import { createAgendasService } from './services/agendas';
import { createAppService } from './services/app';
import { createBackupService } from './services/backup';
import { createAssessmentsService } from './services/assessments';
import { createClientsService } from './services/clients';
import { createCommitmentsService } from './services/commitments';
import { createContext } from './services/context';
import { createGoalsService } from './services/goals';
import { createNotesService } from './services/notes';
import { createSearchService } from './services/search';
import { createSessionsService } from './services/sessions';
import { createSettingsService } from './services/settings';
import { createTerminologyService } from './services/terminology';
import { createTodayService } from './services/today';
import { createHoursService } from './services/hours';
import { createQuestionsService } from './services/questions';
import { createTrustService } from './services/trust';
import { createTemplatesService } from './services/templates';
import { createIntimacyService } from './services/intimacy';
import { createJobSearchService } from './services/job-search';
import { createDocumentsService } from './services/documents';
import { FileKeeper } from './files/file-keeper';
import { tidyFilesAtOpen, withFileErasure } from './files/erasure';
import { DocumentTexts } from './files/document-texts';
import { referencedFiles } from './files/file-store';
import { OpenCopies } from './files/open-copies';
import { createCalendarService } from './services/calendar';
import { DocumentStore } from './store';
import { validatedApi } from './validated-api';

export interface WorkspaceOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  appVersion?: string;
  /** Where automatic backups go; by default `backups` beside the data directory. */
  backupsDir?: string;
  /** The passphrase for automatic backups, when the coach protected them (Electron keeps it in the OS keychain). */
  automaticBackupPassphrase?: () => Promise<string | undefined>;
  /** How the data directory's lock tells a live holder from a stale one (see lock.ts). */
  lock?: LockOptions;
  /** How long a document's removal can be undone (REMOVAL_UNDO_MS by default). */
  documentUndoMs?: number;
  /** Where the copies made for "Open" go: the system's temp folder by default. */
  tempDir?: string;
}

export interface Workspace extends WorkspaceApi {
  readonly dataDir: string;
  /** Resolves once search has read the text of every file attached so far (tests wait on it). */
  documentTextsRead(): Promise<void>;
  /** Waits for writes under way, then releases the data directory. */
  close(): Promise<void>;
}

/** Opens (creating if needed) the data directory and serves the whole API over it. */
export async function openWorkspace(dataDir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const now = options.now ?? (() => new Date());
  let dir: string;
  try {
    await mkdir(resolve(dataDir), { recursive: true, mode: DIR_MODE });
    dir = await realpath(resolve(dataDir));
  } catch (error) {
    throw toRapportError(error);
  }
  const lock = await acquireLock(dir, options.lock).catch((error: unknown) => {
    throw toRapportError(error);
  });
  let store: DocumentStore;
  try {
    store = await DocumentStore.open(dir, now);
  } catch (error) {
    await lock.release();
    throw toRapportError(error);
  }
  const backupsDir = options.backupsDir ?? join(dirname(dir), 'backups');
  try {
    await tidyBackupsFolder(backupsDir);
  } catch (error) {
    await lock.release();
    throw toRapportError(error);
  }
  const openCopies = new OpenCopies(dir, options.tempDir);
  try {
    await tidyFilesAtOpen(dir, store);
    await openCopies.sweep();
  } catch (error) {
    await lock.release();
    throw toRapportError(error);
  }
  const context = createContext(store, dir, options.appVersion ?? '0.0.0-dev', now);
  const keeper = new FileKeeper(dir, store);
  const texts = new DocumentTexts(dir, {
    referenced: () => new Set(store.allClients().flatMap((document) => referencedFiles(document).map(({ sha256 }) => sha256))),
  });
  const search = createSearchService(context, texts);
  const automaticFailure = createAutomaticFailureRecord();
  const api = validatedApi<WorkspaceApi>(workspaceContract, {
    app: createAppService(context, automaticFailure),
    backup: createBackupService(context, {
      backupsDir,
      automaticPassphrase: options.automaticBackupPassphrase,
      automaticFailure,
    }),
    clients: withFileErasure(createClientsService(context), store, keeper, texts),
    goals: createGoalsService(context),
    settings: createSettingsService(context),
    notes: createNotesService(context),
    terminology: createTerminologyService(context),
    sessions: createSessionsService(context),
    commitments: createCommitmentsService(context),
    today: createTodayService(context),
    search,
    trust: createTrustService(context),
    assessments: createAssessmentsService(context),
    questions: createQuestionsService(context),
    agendas: createAgendasService(context),
    templates: createTemplatesService(context),
    intimacy: createIntimacyService(context),
    jobSearch: createJobSearchService(context),
    hours: createHoursService(context),
    calendar: createCalendarService(context),
    documents: createDocumentsService(context, keeper, {
      undoMs: options.documentUndoMs,
      openCopies,
      texts,
      recovery: { backupsDir, automaticPassphrase: options.automaticBackupPassphrase },
    }),
  });
  let closed: Promise<void> | null = null;
  return {
    ...api,
    dataDir: dir,
    documentTextsRead: () => search.documentTextsRead(),
    close() {
      search.close();
      // Removals still undoable end here; their files go once nothing names them.
      closed ??= store
        .flush()
        .then(() => keeper.endRemovals(() => true).catch(() => undefined))
        .then(() => openCopies.sweep({ removeRoot: true }))
        .then(() => lock.release());
      return closed;
    },
  };
}
