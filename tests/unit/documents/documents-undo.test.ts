import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesDir, storedFilePath } from '../../../electron/core/files/file-store';
import { MAX_OPEN_COPIES, OpenCopies } from '../../../electron/core/files/open-copies';
import { openWorkspace, type WorkspaceOptions } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const now = () => new Date('2026-12-01T09:00:00.000Z');
const HOUR = 60 * 60 * 1000;

async function setup(options: WorkspaceOptions = {}) {
  const root = await tempDir('rapport-undo-');
  const temp = join(root, 'tmp');
  await mkdir(temp);
  const workspace = await testWorkspace({ dir: join(root, 'data'), now, backupsDir: join(root, 'backups'), tempDir: temp, ...options });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  const file = async (name: string, content: string) => {
    const path = join(inbox, name);
    await writeFile(path, content);
    return path;
  };
  const stored = async () => (await readdir(filesDir(workspace.dataDir)).catch(() => [] as string[])).sort();
  const onDisk = async () =>
    JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${client.id}.json`), 'utf8')) as {
      documents: { id: string; previousVersionId: string | null }[];
      jobSearch: { applications: { id: string; cvDocumentId: string | null }[] };
    };
  return { root, temp, workspace, client, file, stored, onDisk, dataDir: workspace.dataDir };
}

describe('undoing a removal', () => {
  it('keeps the file through the window, backs up only what is named, and puts the record back exactly', async () => {
    const { root, workspace: first, client, file, stored, onDisk, dataDir } = await setup({ documentUndoMs: HOUR });
    const [v1] = await first.documents.attach(client.id, [await file('CV v1.pdf', `${PDF}1`)], {});
    const [v2] = await first.documents.attach(client.id, [await file('CV v2.pdf', `${PDF}2`)], { previousVersionId: v1.id });
    const [v3] = await first.documents.attach(client.id, [await file('CV v3.pdf', `${PDF}3`)], { previousVersionId: v2.id });
    await first.jobSearch.createApplication(client.id, { organisation: 'Nordlicht' });
    await first.close();
    // No call sets an application's CV yet; the client file says v2 was sent.
    const clientFile = join(dataDir, 'clients', `${client.id}.json`);
    const edited = JSON.parse(await readFile(clientFile, 'utf8')) as { jobSearch: { applications: { cvDocumentId: string | null }[] } };
    edited.jobSearch.applications[0].cvDocumentId = v2.id;
    await writeFile(clientFile, JSON.stringify(edited));
    const workspace = await testWorkspace({
      dir: dataDir,
      now,
      backupsDir: join(root, 'backups'),
      tempDir: join(root, 'tmp'),
      documentUndoMs: HOUR,
    });
    const before = await onDisk();
    expect(before.jobSearch.applications[0]?.cvDocumentId).toBe(v2.id);

    await workspace.documents.remove(client.id, v2.id);
    // The removal is on disk at once: v3 follows v1, the application names no CV.
    const removed = await onDisk();
    expect(removed.documents.map(({ id, previousVersionId }) => [id, previousVersionId])).toEqual([
      [v1.id, null],
      [v3.id, v1.id],
    ]);
    expect(removed.jobSearch.applications[0]?.cvDocumentId).toBeNull();
    // …but the file stays for the undo.
    expect(await stored()).toContain(sha(`${PDF}2`));

    // A backup taken now names only what the documents name, and restores whole elsewhere.
    const backupPath = join(root, 'during.rapport-backup');
    await workspace.backup.create(backupPath);
    const elsewhere = await testWorkspace({ dir: join(root, 'elsewhere'), now, backupsDir: join(root, 'elsewhere-backups') });
    await elsewhere.backup.restore(backupPath);
    expect((await elsewhere.documents.list(client.id)).map((entry) => [entry.name, entry.integrity])).toEqual([
      ['CV v3.pdf', 'ok'],
      ['CV v1.pdf', 'ok'],
    ]);

    const back = await workspace.documents.restoreRemoved(client.id, v2.id);
    expect(back).toMatchObject({ id: v2.id, name: 'CV v2.pdf', previousVersionId: v1.id, integrity: 'ok' });
    const after = await onDisk();
    expect(after.documents.map(({ id, previousVersionId }) => [id, previousVersionId])).toEqual(
      before.documents.map(({ id, previousVersionId }) => [id, previousVersionId]),
    );
    expect(after.jobSearch.applications[0]?.cvDocumentId).toBe(v2.id);
    expect((await workspace.documents.read(client.id, v2.id)).base64).toBe(Buffer.from(`${PDF}2`).toString('base64'));

    // Once undone, it cannot be undone again; removing it again starts a new window.
    await expect(workspace.documents.restoreRemoved(client.id, v2.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes the file once the window is over, and then refuses the undo', async () => {
    const { workspace, client, file, stored } = await setup({ documentUndoMs: 50 });
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    await workspace.documents.remove(client.id, cv.id);
    await expect.poll(stored).toEqual([]);
    await expect(workspace.documents.restoreRemoved(client.id, cv.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/can no longer be undone/),
    });
    expect(await workspace.documents.list(client.id)).toEqual([]);
  });

  it('keeps a file another document still names when the window ends', async () => {
    const { workspace, client, file, stored } = await setup({ documentUndoMs: HOUR });
    const path = await file('cv.pdf', PDF);
    const [mine] = await workspace.documents.attach(client.id, [path], {});
    const [twin] = await workspace.documents.attach(client.id, [path], {});
    await workspace.documents.remove(client.id, mine.id);
    await workspace.close();
    expect(await stored()).toEqual([sha(PDF)]);
    expect(twin.sha256).toBe(sha(PDF));
  });

  it('deletes the kept file when the workspace closes, and nothing is undone after reopening', async () => {
    const { root, workspace, client, file, stored, dataDir } = await setup({ documentUndoMs: HOUR });
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    await workspace.documents.remove(client.id, cv.id);
    expect(await stored()).toEqual([sha(PDF)]);
    await workspace.close();
    expect(await stored()).toEqual([]);
    const reopened = await openWorkspace(dataDir, { now, backupsDir: join(root, 'backups'), tempDir: join(root, 'tmp') });
    try {
      await expect(reopened.documents.restoreRemoved(client.id, cv.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await reopened.close();
    }
  });

  it('erasing the client during the window removes the kept file too', async () => {
    const { workspace, client, file, stored } = await setup({ documentUndoMs: HOUR });
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    await workspace.documents.attach(other.id, [await file('theirs.txt', 'Jonas only')], {});
    await workspace.documents.remove(client.id, cv.id);
    await workspace.clients.remove(client.id, 'Amara Okafor');
    expect(await stored()).toEqual([sha('Jonas only')]);
  });

  it('a restore ends every window: the undo is refused rather than bringing back a record the restored data never had', async () => {
    const { root, workspace, client, file } = await setup({ documentUndoMs: HOUR });
    const backupPath = join(root, 'empty.rapport-backup');
    await workspace.backup.create(backupPath);
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    await workspace.documents.remove(client.id, cv.id);
    await workspace.backup.restore(backupPath);
    await expect(workspace.documents.restoreRemoved(client.id, cv.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect
      .poll(async () =>
        stat(storedFilePath(workspace.dataDir, cv.sha256)).then(
          () => 'kept',
          () => 'gone',
        ),
      )
      .toBe('gone');
  });

  it('brings a version back on its own when its place in the chain was taken meanwhile', async () => {
    const { workspace, client, file } = await setup({ documentUndoMs: HOUR });
    const [v1] = await workspace.documents.attach(client.id, [await file('v1.pdf', `${PDF}1`)], {});
    const [v2] = await workspace.documents.attach(client.id, [await file('v2.pdf', `${PDF}2`)], { previousVersionId: v1.id });
    await workspace.documents.remove(client.id, v2.id);
    const [other] = await workspace.documents.attach(client.id, [await file('other.pdf', `${PDF}x`)], { previousVersionId: v1.id });
    const back = await workspace.documents.restoreRemoved(client.id, v2.id);
    expect(back.previousVersionId).toBeNull();
    const listed = await workspace.documents.list(client.id);
    expect(listed.find((entry) => entry.id === other.id)?.previousVersionId).toBe(v1.id);
  });

  it('refuses an undo for another client', async () => {
    const { workspace, client, file } = await setup({ documentUndoMs: HOUR });
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    await workspace.documents.remove(client.id, cv.id);
    await expect(workspace.documents.restoreRemoved(other.id, cv.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await workspace.documents.list(other.id)).toEqual([]);
    expect((await workspace.documents.restoreRemoved(client.id, cv.id)).id).toBe(cv.id);
  });
});

describe('linking a document', () => {
  it('links to a session, goal and application of the same client, and refuses another client’s', async () => {
    const { workspace, client, file, onDisk } = await setup();
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const session = await workspace.sessions.create(client.id, { startsAt: '2026-12-02T10:00:00.000Z', mode: 'video' });
    const goal = await workspace.goals.create(client.id, { title: 'Move into analytics leadership' });
    const application = await workspace.jobSearch.createApplication(client.id, { organisation: 'Nordlicht' });
    const theirSession = await workspace.sessions.create(other.id, { startsAt: '2026-12-03T10:00:00.000Z', mode: 'video' });
    const theirGoal = await workspace.goals.create(other.id, { title: 'Theirs' });
    const theirApplication = await workspace.jobSearch.createApplication(other.id, { organisation: 'Elsewhere' });
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});

    const linked = await workspace.documents.update(client.id, cv.id, {
      sessionId: session.id,
      goalId: goal.id,
      applicationId: application.id,
    });
    expect(linked).toMatchObject({ sessionId: session.id, goalId: goal.id, applicationId: application.id });

    for (const [field, id] of [
      ['sessionId', theirSession.id],
      ['goalId', theirGoal.id],
      ['applicationId', theirApplication.id],
    ] as const) {
      await expect(workspace.documents.update(client.id, cv.id, { [field]: id }), field).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        issues: [{ path: [field], message: expect.stringMatching(/not one of this client’s/) }],
      });
      await expect(
        workspace.documents.attach(client.id, [await file('x.pdf', `${PDF}${field}`)], { [field]: id }),
        field,
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    expect((await onDisk()).documents).toHaveLength(1);
    expect((await workspace.documents.list(client.id))[0]).toMatchObject({
      sessionId: session.id,
      goalId: goal.id,
      applicationId: application.id,
    });

    const unlinked = await workspace.documents.update(client.id, cv.id, { sessionId: null, goalId: null, applicationId: null });
    expect(unlinked).toMatchObject({ sessionId: null, goalId: null, applicationId: null });
  });
});

describe('copies made for Open', () => {
  it('are kept in the workspace’s own temp folder, capped, and swept at close and at open', async () => {
    const { root, temp, workspace, client, file, dataDir } = await setup();
    // Someone else's things in the same temp folder are never touched.
    const stranger = join(temp, 'rapport-open-notours');
    await mkdir(join(stranger, 'copy-abcdef'), { recursive: true });
    await writeFile(join(temp, 'copy-abcdef'), 'not ours');

    const [cv] = await workspace.documents.attach(client.id, [await file('Amara CV.pdf', PDF)], {});
    const copies = new OpenCopies(dataDir, temp);
    const paths: string[] = [];
    for (let index = 0; index < MAX_OPEN_COPIES + 3; index += 1) {
      const path = await workspace.documents.copyForOpening(client.id, cv.id);
      // Each copy older than the next, whatever the clock's resolution.
      await utimes(join(path, '..'), new Date(Date.UTC(2026, 0, 1, 0, index)), new Date(Date.UTC(2026, 0, 1, 0, index)));
      paths.push(path);
    }
    expect(paths.every((path) => path.startsWith(copies.root))).toBe(true);
    const kept = await readdir(copies.root);
    expect(kept).toHaveLength(MAX_OPEN_COPIES);
    // The oldest went first.
    expect(kept.sort()).toEqual(
      paths
        .slice(3)
        .map((path) => path.slice(copies.root.length + 1).split(/[\\/]/)[0])
        .sort(),
    );
    if (process.platform !== 'win32') expect((await stat(copies.root)).mode & 0o777).toBe(0o700);

    await workspace.close();
    await expect(stat(copies.root)).rejects.toMatchObject({ code: 'ENOENT' });

    // Copies an earlier run left (it crashed before closing) go at open.
    await mkdir(join(copies.root, 'copy-left01'), { recursive: true, mode: 0o700 });
    await writeFile(join(copies.root, 'copy-left01', 'CV.pdf'), PDF, { mode: 0o400 });
    await writeFile(join(copies.root, 'notes.txt'), 'not a copy folder');
    const reopened = await openWorkspace(dataDir, { now, backupsDir: join(root, 'backups'), tempDir: temp });
    try {
      expect(await readdir(copies.root)).toEqual(['notes.txt']);
    } finally {
      await reopened.close();
    }
    expect(await readdir(copies.root)).toEqual(['notes.txt']);
    expect(await readdir(join(stranger))).toEqual(['copy-abcdef']);
    expect(await readFile(join(temp, 'copy-abcdef'), 'utf8')).toBe('not ours');
  });

  it('refuses to use a folder that is a link someone planted, and sweeps nothing through it', async () => {
    const { temp, workspace, client, file, dataDir } = await setup();
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    const copies = new OpenCopies(dataDir, temp);
    const elsewhere = join(temp, 'elsewhere');
    await mkdir(join(elsewhere, 'copy-victim'), { recursive: true });
    await symlink(elsewhere, copies.root);
    await expect(workspace.documents.copyForOpening(client.id, cv.id)).rejects.toMatchObject({ code: 'IO_ERROR' });
    await copies.sweep({ removeRoot: true });
    expect(await readdir(elsewhere)).toEqual(['copy-victim']);
  });
});
