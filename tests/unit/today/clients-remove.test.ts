import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../electron/core/workspace';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID } from './support';

async function hashesOf(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const walk = async (relative: string) => {
    for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        hashes.set(
          path,
          createHash('sha256')
            .update(await readFile(join(dir, path)))
            .digest('hex'),
        );
    }
  };
  await walk('');
  return hashes;
}

describe('clients.remove', () => {
  it('removes only that client’s file and touches no other file', async () => {
    const workspace = await testWorkspace();
    const keep = await Promise.all(['Amara Okafor', 'Ben Ito', 'Chen Wei'].map((name) => workspace.clients.create({ name })));
    const gone = await workspace.clients.create({ name: 'Dana Scully' });
    await workspace.notes.create(keep[0].id, 'First call went well.');
    await workspace.sessions.create(gone.id, { startsAt: '2026-03-05T10:00:00.000Z', mode: 'video' });
    const before = await hashesOf(workspace.dataDir);

    await workspace.clients.remove(gone.id, 'Dana Scully');

    const after = await hashesOf(workspace.dataDir);
    const goneFile = join('clients', `${gone.id}.json`);
    expect(before.has(goneFile)).toBe(true);
    expect(after.has(goneFile)).toBe(false);
    before.delete(goneFile);
    expect(after).toEqual(before);
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor', 'Ben Ito', 'Chen Wei']);
    await expect(workspace.clients.get(gone.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stays deleted after reopening the workspace', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Eve' });
    await workspace.clients.remove(client.id, 'Eve');
    const dir = workspace.dataDir;
    await workspace.close();
    const again = await openWorkspace(dir);
    try {
      expect(await again.clients.list()).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('refuses when the typed name does not match, and keeps the client', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Femi Adeyemi' });
    await expect(workspace.clients.remove(client.id, 'Femi')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.clients.remove(client.id, 'femi adeyemi')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.clients.remove(client.id, 42 as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.clients.get(client.id)).name).toBe('Femi Adeyemi');
    expect(await readdir(join(workspace.dataDir, 'clients'))).toEqual([`${client.id}.json`]);
  });

  it('reports NOT_FOUND for an unknown or already deleted client', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Gus' });
    await expect(workspace.clients.remove(MISSING_ID, 'Gus')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await workspace.clients.remove(client.id, 'Gus');
    await expect(workspace.clients.remove(client.id, 'Gus')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.notes.create(client.id, 'Too late')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets an edit queued before the deletion finish, then deletes', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Hana' });
    const edit = workspace.notes.create(client.id, 'Queued first');
    const deletion = workspace.clients.remove(client.id, 'Hana');
    await expect(edit).resolves.toMatchObject({ text: 'Queued first' });
    await deletion;
    expect(await readdir(join(workspace.dataDir, 'clients'))).toEqual([]);
  });
});
