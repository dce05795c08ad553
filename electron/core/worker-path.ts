import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where a worker thread's bundle is: the file the environment variable `envName` names (set by the
 * test and benchmark set-ups, which build the worker the way the app's bundle does, `setup` saying
 * where), or `beside`, the entry the app's build writes next to the main bundle. Each caller writes
 * `new URL('./<name>.js', import.meta.url)` itself, so that the URL is the main bundle's.
 */
export function bundledWorkerPath(beside: URL, envName: string, what: string, setup: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const path = fileURLToPath(beside);
  if (existsSync(path)) return path;
  throw new Error(`The ${what} is not built: set ${envName} (${setup} builds it).`);
}
