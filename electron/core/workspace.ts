import { mkdir, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RapportApi } from '../../shared/api';
import { toRapportError } from './io-errors';
import { DIR_MODE } from './durable-write';
import { acquireLock } from './lock';
import { createAgendasService } from './services/agendas';
import { createAppService } from './services/app';
import { createClientsService } from './services/clients';
import { createContext } from './services/context';
import { createSettingsService } from './services/settings';
import { createTemplatesService } from './services/templates';
import { DocumentStore } from './store';
import { validatedApi } from './validated-api';

export interface WorkspaceOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  appVersion?: string;
}

export interface Workspace extends RapportApi {
  readonly dataDir: string;
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
  const lock = await acquireLock(dir).catch((error: unknown) => {
    throw toRapportError(error);
  });
  let store: DocumentStore;
  try {
    store = await DocumentStore.open(dir, now);
  } catch (error) {
    await lock.release();
    throw toRapportError(error);
  }
  const context = createContext(store, dir, options.appVersion ?? '0.0.0-dev', now);
  const api = validatedApi({
    app: createAppService(context),
    clients: createClientsService(context),
    settings: createSettingsService(context),
    agendas: createAgendasService(context),
    templates: createTemplatesService(context),
  });
  let closed: Promise<void> | null = null;
  return {
    ...api,
    dataDir: dir,
    close() {
      closed ??= store.flush().then(() => lock.release());
      return closed;
    },
  };
}
