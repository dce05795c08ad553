import { dirname, join } from 'node:path';

export interface DataLocation {
  dataDir: string;
  /** Automatic and safety backups, beside the data directory. */
  backupsDir: string;
}

export interface DataLocationInput {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's `userData` folder. */
  userData: string;
}

/**
 * Where the data lives. RAPPORT_DATA_DIR points a development or test run at a scratch folder;
 * a packaged build ignores it, so that no launcher, shortcut or other program can quietly make
 * Rapport read and write client files somewhere the coach did not choose (a synced folder, a
 * network share, another user's files).
 */
export function dataLocation({ isPackaged, env, userData }: DataLocationInput): DataLocation {
  const override = isPackaged ? undefined : env.RAPPORT_DATA_DIR;
  if (override) return { dataDir: override, backupsDir: join(dirname(override), 'backups') };
  return { dataDir: join(userData, 'rapport-data'), backupsDir: join(userData, 'backups') };
}
