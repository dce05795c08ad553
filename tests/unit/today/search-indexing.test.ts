import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace, type Workspace } from '../../../electron/core/workspace';
import type { ClientDocument } from '../../../shared/model/documents';
import { SearchIndexCache } from '../../../shared/search/index-cache';
import { tempDir } from '../../helpers/temp-dir';

const now = () => new Date('2026-02-02T09:00:00.000Z');
const open: Workspace[] = [];

async function openIn(dir: string): Promise<Workspace> {
  const workspace = await openWorkspace(dir, { now });
  open.push(workspace);
  return workspace;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((workspace) => workspace.close()));
});

/** A data directory with a few clients, each with a note naming them, closed again. */
async function practiceOnDisk(count = 12): Promise<{ dir: string; ids: string[] }> {
  const dir = await tempDir();
  const workspace = await openWorkspace(dir, { now });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = await workspace.clients.create({ name: `Client ${i}`, tags: [] });
    await workspace.notes.create(client.id, `Talked about the move to Lisbon with client-${i}.`);
    ids.push(client.id);
  }
  await workspace.close();
  return { dir, ids };
}

function indexedClientIds(indexFor: { mock: { calls: unknown[][] } }): Set<string> {
  return new Set(indexFor.mock.calls.map(([document]) => (document as ClientDocument).client.id));
}

describe('search indexing after open', () => {
  it('indexes every client in the background, before any search', async () => {
    const { dir, ids } = await practiceOnDisk();
    const indexFor = vi.spyOn(SearchIndexCache.prototype, 'indexFor');
    await openIn(dir);
    await sleep(100);
    expect(indexedClientIds(indexFor)).toEqual(new Set(ids));
  });

  it('goes on with the other clients when one cannot be indexed, and the search reports it', async () => {
    const { dir, ids } = await practiceOnDisk(3);
    const failing = ids[1];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`
    const realIndexFor = SearchIndexCache.prototype.indexFor;
    const indexFor = vi.spyOn(SearchIndexCache.prototype, 'indexFor').mockImplementation(function (this: SearchIndexCache, document) {
      if (document.client.id === failing) throw new Error('cannot index');
      return realIndexFor.call(this, document);
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const workspace = await openIn(dir);
    await sleep(100);
    expect(indexedClientIds(indexFor)).toEqual(new Set(ids));
    expect(logged).toHaveBeenCalledWith('[rapport] indexing a client for search failed:', expect.any(Error));
    await expect(workspace.search.query('lisbon')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('stops indexing when the workspace closes', async () => {
    const { dir } = await practiceOnDisk();
    const indexFor = vi.spyOn(SearchIndexCache.prototype, 'indexFor');
    const workspace = await openWorkspace(dir, { now });
    await workspace.close();
    await sleep(100);
    expect(indexFor).not.toHaveBeenCalled();
  });

  it('answers a search sent as the workspace opens with every match', async () => {
    const { dir, ids } = await practiceOnDisk();
    const workspace = await openIn(dir);
    const hits = await workspace.search.query('lisbon');
    expect(hits.map((hit) => hit.clientId).sort()).toEqual([...ids].sort());
  });

  it('searches the restored documents after a restore', async () => {
    const { dir, ids } = await practiceOnDisk(3);
    const workspace = await openIn(dir);
    const backup = join(await tempDir(), 'before.rapport-backup');
    await workspace.backup.create(backup);
    await workspace.notes.create(ids[0], 'A note about Porto written after the backup.');
    await workspace.clients.update(ids[1], { name: 'Renamed After Backup' });
    expect(await workspace.search.query('porto')).toHaveLength(1);

    await workspace.backup.restore(backup);
    expect(await workspace.search.query('porto')).toEqual([]);
    expect(await workspace.search.query('renamed')).toEqual([]);
    expect((await workspace.search.query('client 1'))[0]).toMatchObject({ clientId: ids[1], kind: 'client', field: 'name' });
    expect(await workspace.search.query('lisbon')).toHaveLength(3);
  });

  it('indexes the restored documents in the background, before any search', async () => {
    const { dir, ids } = await practiceOnDisk(5);
    const workspace = await openIn(dir);
    const backup = join(await tempDir(), 'before.rapport-backup');
    await workspace.backup.create(backup);
    await sleep(100);
    const indexFor = vi.spyOn(SearchIndexCache.prototype, 'indexFor');
    await workspace.backup.restore(backup);
    await sleep(100);
    expect(indexedClientIds(indexFor)).toEqual(new Set(ids));
  });
});
