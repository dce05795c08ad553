import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type HostName = 'electron' | 'browser';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The Electron binary, found the way the `electron` package finds it (path.txt names the file
 * under dist/) but without requiring that package, whose first require downloads the binary.
 */
export function electronBinary(root = PROJECT_ROOT): string | null {
  const packageDir = resolve(root, 'node_modules/electron');
  const pathFile = resolve(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = resolve(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export interface HostChoice {
  host: HostName;
  reason: string;
}

/** `RAPPORT_E2E_HOST` wins; otherwise Electron wherever its binary is installed, else the browser. */
export function chooseHost(env: NodeJS.ProcessEnv = process.env, root = PROJECT_ROOT): HostChoice {
  const requested = env.RAPPORT_E2E_HOST;
  if (requested === 'electron' || requested === 'browser') {
    return { host: requested, reason: 'RAPPORT_E2E_HOST' };
  }
  if (requested) {
    throw new Error(`RAPPORT_E2E_HOST must be "electron" or "browser", not "${requested}".`);
  }
  const binary = electronBinary(root);
  return binary
    ? { host: 'electron', reason: `Electron binary at ${binary}` }
    : { host: 'browser', reason: 'no Electron binary under node_modules/electron/dist' };
}
