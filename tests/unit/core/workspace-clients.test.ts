import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_DOCUMENT_VERSION } from '../../../shared/model/documents';
import { openWorkspace, type Workspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { rejection } from '../../helpers/rejection';

const open: Workspace[] = [];
async function workspaceIn(dir: string, now = () => new Date('2026-03-02T09:00:00.000Z')) {
  const workspace = await openWorkspace(dir, { now });
  open.push(workspace);
  return workspace;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

const fullClient = {
  name: 'Amara Okafor',
  preferredName: 'Amara',
  pronouns: 'she/her',
  email: 'amara@example.com',
  phone: '+44 20 7946 0958',
  currentRole: 'Senior analyst',
  targetRole: 'Head of data',
  organisation: 'Northwind',
  status: 'active' as const,
  tags: ['leadership', 'career change'],
  startDate: '2026-01-15',
  background: 'Ten years in analytics; wants to lead a team.',
};

describe('clients', () => {
  it('creates a client with every field and reads it back after reopening', async () => {
    const dir = await tempDir();
    const first = await workspaceIn(dir);
    const created = await first.clients.create(fullClient);
    expect(created).toMatchObject(fullClient);
    expect(created.createdAt).toBe('2026-03-02T09:00:00.000Z');
    await first.close();

    const second = await workspaceIn(dir);
    expect(await second.clients.get(created.id)).toEqual(created);
    expect(await second.clients.list()).toEqual([expect.objectContaining({ id: created.id, name: 'Amara Okafor', status: 'active' })]);
  });

  it('stores each client in its own file with a schema version', async () => {
    const dir = await tempDir();
    const workspace = await workspaceIn(dir);
    const client = await workspace.clients.create({ name: 'Ben' });
    const document = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${client.id}.json`), 'utf8'));
    expect(document.schemaVersion).toBe(CLIENT_DOCUMENT_VERSION);
    expect(document.client.name).toBe('Ben');
  });

  it('updates fields and stamps updatedAt', async () => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const workspace = await workspaceIn(await tempDir(), () => clock);
    const client = await workspace.clients.create({ name: 'Chen Wei' });
    clock = new Date('2026-03-03T10:00:00.000Z');
    const updated = await workspace.clients.update(client.id, { targetRole: 'Product lead', tags: ['pm'] });
    expect(updated.targetRole).toBe('Product lead');
    expect(updated.tags).toEqual(['pm']);
    expect(updated.updatedAt).toBe('2026-03-03T10:00:00.000Z');
    expect(updated.createdAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('archives and unarchives, restoring the earlier status', async () => {
    const workspace = await workspaceIn(await tempDir());
    const client = await workspace.clients.create({ name: 'Dana', status: 'paused' });
    const archived = await workspace.clients.archive(client.id);
    expect(archived.status).toBe('archived');
    expect(archived.archivedAt).not.toBeNull();
    const back = await workspace.clients.unarchive(client.id);
    expect(back.status).toBe('paused');
    expect(back.archivedAt).toBeNull();
  });

  it('rejects invalid input with field messages and saves nothing', async () => {
    const workspace = await workspaceIn(await tempDir());
    const error = await rejection(workspace.clients.create({ name: '  ', email: 'not-an-email' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues.map((issue) => issue.path)).toEqual([['name'], ['email']]);
    expect(await workspace.clients.list()).toEqual([]);
  });

  it('rejects unknown fields and wrong types', async () => {
    const workspace = await workspaceIn(await tempDir());
    const client = await workspace.clients.create({ name: 'Eve' });
    await expect(workspace.clients.update(client.id, { isAdmin: true } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.clients.get(42 as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.clients.get(client.id)).name).toBe('Eve');
  });

  it('reports NOT_FOUND for an unknown client', async () => {
    const workspace = await workspaceIn(await tempDir());
    const missing = '0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c';
    await expect(workspace.clients.get(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.clients.update(missing, { name: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.clients.archive(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serialises concurrent edits to one client without losing any', async () => {
    const workspace = await workspaceIn(await tempDir());
    const client = await workspace.clients.create({ name: 'Femi' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => workspace.clients.update(client.id, { tags: [`t${i}`] })));
    const reopenedDir = workspace.dataDir;
    await workspace.close();
    const again = await workspaceIn(reopenedDir);
    expect((await again.clients.get(client.id)).tags).toEqual(['t19']);
  });
});

describe('settings', () => {
  it('has defaults and persists updates', async () => {
    const dir = await tempDir();
    const workspace = await workspaceIn(dir);
    expect(await workspace.settings.get()).toMatchObject({ coachName: '', defaultSessionMinutes: 60, noContactDays: 21 });
    await workspace.settings.update({ coachName: 'Sam Rivera', businessName: 'Rivera Coaching', contactLine: 'sam@rivera.example' });
    await workspace.close();
    const again = await workspaceIn(dir);
    expect(await again.settings.get()).toMatchObject({ coachName: 'Sam Rivera', businessName: 'Rivera Coaching' });
  });

  it('rejects an invalid patch', async () => {
    const workspace = await workspaceIn(await tempDir());
    await expect(workspace.settings.update({ noContactDays: -3 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.settings.get()).noContactDays).toBe(21);
  });
});
