import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir';

/*
 * The data directories an earlier version of Rapport wrote (tests/fixtures/v2-data, v3-data…),
 * which the migration tests open, as they are kept: never edited, each test works on a copy.
 */

/** A path under tests/fixtures. */
export const fixturePath = (name: string) => join(import.meta.dirname, '..', '..', 'fixtures', name);

/** The clock the migration tests run on. */
export const now = () => new Date('2026-12-01T09:00:00.000Z');

export type Json = Record<string, unknown>;
export const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Json;

/** A copy of the data directory `name` in a temp folder, with the paths of its client files and its practice file. */
export async function copyOfData(name: string) {
  const dir = join(await tempDir(), 'data');
  await cp(fixturePath(name), dir, { recursive: true });
  const files = await readdir(join(dir, 'clients'));
  return { dir, clientPaths: files.map((file) => join(dir, 'clients', file)), practicePath: join(dir, 'practice.json') };
}
