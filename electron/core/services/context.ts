import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../store';

export interface ServiceContext {
  store: DocumentStore;
  dataDir: string;
  appVersion: string;
  now: () => Date;
  /** The current time as an ISO-8601 string. */
  timestamp: () => string;
  newId: () => string;
}

export function createContext(store: DocumentStore, dataDir: string, appVersion: string, now: () => Date): ServiceContext {
  return { store, dataDir, appVersion, now, timestamp: () => now().toISOString(), newId: randomUUID };
}
