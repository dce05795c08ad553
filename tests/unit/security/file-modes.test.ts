import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file permissions', () => {
  it('creates the data directory for the user only (0700) and every document readable by the user only (0600)', async () => {
    const dataDir = join(await tempDir(), 'rapport-data');
    const previousUmask = process.umask(0o022);
    try {
      const workspace = await testWorkspace({ dir: dataDir });
      await workspace.clients.create({ name: 'Nia' });
      await workspace.settings.update({ coachName: 'Sam' });
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(join(dataDir, 'clients'))).toBe(0o700);
      for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
        const path = join(entry.parentPath, entry.name);
        expect([path, await modeOf(path)]).toEqual([path, entry.isDirectory() ? 0o700 : 0o600]);
      }
    } finally {
      process.umask(previousUmask);
    }
  });
});
