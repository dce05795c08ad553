import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesDir, storedFilePath } from '../../../electron/core/files/file-store';
import { MAX_DOCUMENT_BYTES } from '../../../shared/model/document-file';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

async function setup(options: { documentUndoMs?: number } = {}) {
  const root = await tempDir('rapport-documents-');
  const workspace = await testWorkspace({ dir: join(root, 'data'), now: () => new Date('2026-12-01T09:00:00.000Z'), ...options });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  const file = async (name: string, content: string | Uint8Array) => {
    const path = join(inbox, name);
    await writeFile(path, content);
    return path;
  };
  const stored = async () => (await readdir(filesDir(workspace.dataDir)).catch(() => [] as string[])).sort();
  return { root, workspace, client, file, stored, dataDir: workspace.dataDir };
}

describe('attaching documents', () => {
  it('stores each file once under its digest and lists the documents newest first with their type and size', async () => {
    const { workspace, client, file, stored, dataDir } = await setup();
    const cv = await file('Amara CV 2026.pdf', PDF);
    const notes = await file('interview notes.txt', 'Strong in SQL and stakeholder work.\n');
    const attached = await workspace.documents.attach(client.id, [cv, notes], {});
    expect(attached.map((entry) => [entry.name, entry.label, entry.mediaType, entry.size, entry.integrity, entry.openable])).toEqual([
      ['Amara CV 2026.pdf', 'cv', 'application/pdf', PDF.length, 'ok', true],
      ['interview notes.txt', 'other', 'text/plain', 36, 'ok', true],
    ]);
    expect(attached[0].sha256).toBe(sha(PDF));
    expect(await stored()).toEqual([sha(PDF), sha('Strong in SQL and stakeholder work.\n')].sort());
    expect(await readFile(storedFilePath(dataDir, sha(PDF)), 'utf8')).toBe(PDF);

    // The same bytes under another name: a second document, one file.
    const again = await file('copy.pdf', PDF);
    const [copy] = await workspace.documents.attach(client.id, [again], { label: 'offer' });
    expect(copy).toMatchObject({ name: 'copy.pdf', label: 'offer', sha256: sha(PDF) });
    expect(await stored()).toHaveLength(2);
    const listed = await workspace.documents.list(client.id);
    expect(listed.map((entry) => entry.name)).toEqual(['copy.pdf', 'interview notes.txt', 'Amara CV 2026.pdf']);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'clients', `${client.id}.json`), 'utf8')) as { documents: unknown[] };
    expect(onDisk.documents).toHaveLength(3);
  });

  it('takes the type from the bytes, not the name', async () => {
    const { workspace, client, file } = await setup();
    const [disguised] = await workspace.documents.attach(client.id, [await file('cv.txt', PDF)], {});
    expect(disguised.mediaType).toBe('application/pdf');
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(60).fill(0)]);
    const [program] = await workspace.documents.attach(client.id, [await file('holiday photo.pdf', elf)], {});
    expect(program).toMatchObject({ mediaType: 'application/x-elf', openable: false });
    const [script] = await workspace.documents.attach(client.id, [await file('notes.txt', '#!/bin/sh\nrm -rf ~\n')], {});
    expect(script).toMatchObject({ mediaType: 'application/x-sh', openable: false });
    const [named] = await workspace.documents.attach(client.id, [await file('setup.exe', 'plain words')], {});
    expect(named.openable).toBe(false);
  });

  it('refuses a file above 100 MB, an empty file, a folder and a FIFO with a clear code, storing nothing', async () => {
    const { root, workspace, client, file, stored } = await setup();
    const big = await file('scan.pdf', '');
    await truncate(big, MAX_DOCUMENT_BYTES + 1);
    await expect(workspace.documents.attach(client.id, [big], {})).rejects.toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      message: expect.stringMatching(/larger than 100 MB/),
    });
    const empty = await file('empty.txt', '');
    await expect(workspace.documents.attach(client.id, [empty], {})).rejects.toMatchObject({
      code: 'DOCUMENT_EMPTY',
      message: expect.stringMatching(/“empty.txt” is empty/),
    });
    await expect(workspace.documents.attach(client.id, [join(root, 'inbox')], {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    if (process.platform !== 'win32') {
      const fifo = join(root, 'inbox', 'pipe.pdf');
      execFileSync('mkfifo', [fifo]);
      await expect(workspace.documents.attach(client.id, [fifo], {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(workspace.documents.attach(client.id, [join(root, 'gone.pdf')], {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // All or nothing: a good file beside a bad one is not kept either.
    const good = await file('good.pdf', PDF);
    await expect(workspace.documents.attach(client.id, [good, empty], {})).rejects.toMatchObject({ code: 'DOCUMENT_EMPTY' });
    expect(await stored()).toEqual([]);
    expect(await workspace.documents.list(client.id)).toEqual([]);
  });

  it('accepts a file of exactly 100 MB', async () => {
    const { workspace, client, file } = await setup();
    const path = await file('exactly.bin', '');
    await truncate(path, MAX_DOCUMENT_BYTES);
    const [attached] = await workspace.documents.attach(client.id, [path], {});
    expect(attached.size).toBe(MAX_DOCUMENT_BYTES);
  });

  it('refuses links to records the client does not have, storing nothing', async () => {
    const { workspace, client, file, stored } = await setup();
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const session = await workspace.sessions.create(other.id, { startsAt: '2026-12-02T10:00:00.000Z', mode: 'video' });
    await expect(workspace.documents.attach(client.id, [await file('a.pdf', PDF)], { sessionId: session.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['sessionId'] }],
    });
    expect(await stored()).toEqual([]);
  });
});

describe('versions, edits and removal', () => {
  it('chains new versions after the newest, relinks around a removed one, and refuses loops', async () => {
    const { workspace, client, file } = await setup();
    const [v1] = await workspace.documents.attach(client.id, [await file('CV v1.pdf', `${PDF}1`)], {});
    const [v2] = await workspace.documents.attach(client.id, [await file('CV v2.pdf', `${PDF}2`)], { previousVersionId: v1.id });
    const [v3] = await workspace.documents.attach(client.id, [await file('CV v3.pdf', `${PDF}3`)], { previousVersionId: v1.id });
    expect(v2.previousVersionId).toBe(v1.id);
    expect(v3.previousVersionId).toBe(v2.id);
    await expect(workspace.documents.update(client.id, v1.id, { previousVersionId: v3.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.documents.update(client.id, v1.id, { previousVersionId: v1.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const renamed = await workspace.documents.update(client.id, v2.id, { name: 'CV (for Nordlicht).pdf', label: 'cv' });
    expect(renamed).toMatchObject({ name: 'CV (for Nordlicht).pdf', previousVersionId: v1.id });
    await expect(workspace.documents.update(client.id, v2.id, { name: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await workspace.documents.remove(client.id, v2.id);
    const listed = await workspace.documents.list(client.id);
    expect(listed.map((entry) => [entry.id, entry.previousVersionId])).toEqual([
      [v3.id, v1.id],
      [v1.id, null],
    ]);
  });

  it('removes the file only once no document of any client holds its bytes', async () => {
    // No undo window: each removal's file goes at once when nothing names it (documents-undo.test.ts has the window).
    const { workspace, client, file, stored } = await setup({ documentUndoMs: 0 });
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const path = await file('shared.pdf', PDF);
    const [mine] = await workspace.documents.attach(client.id, [path], {});
    const [twin] = await workspace.documents.attach(client.id, [path], {});
    const [theirs] = await workspace.documents.attach(other.id, [path], {});
    await workspace.documents.remove(client.id, mine.id);
    await workspace.documents.remove(client.id, twin.id);
    expect(await stored()).toEqual([sha(PDF)]);
    await workspace.documents.remove(other.id, theirs.id);
    expect(await stored()).toEqual([]);
    await expect(workspace.documents.restoreRemoved(other.id, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('erasing a client removes the files only that client held', async () => {
    const { workspace, client, file, stored } = await setup();
    const other = await workspace.clients.create({ name: 'Jonas Weber' });
    const shared = await file('shared.pdf', PDF);
    const own = await file('own.txt', 'only Amara');
    await workspace.documents.attach(client.id, [shared, own], {});
    await workspace.documents.attach(other.id, [shared], {});
    await workspace.clients.remove(client.id, 'Amara Okafor');
    expect(await stored()).toEqual([sha(PDF)]);
  });

  it('clears a document’s link to a session, goal or application that is removed', async () => {
    const { workspace, client, file } = await setup();
    const session = await workspace.sessions.create(client.id, { startsAt: '2026-12-02T10:00:00.000Z', mode: 'video' });
    const goal = await workspace.goals.create(client.id, { title: 'Move into analytics leadership' });
    const application = await workspace.jobSearch.createApplication(client.id, { organisation: 'Nordlicht' });
    const [attached] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {
      sessionId: session.id,
      goalId: goal.id,
      applicationId: application.id,
    });
    await workspace.sessions.remove(client.id, session.id);
    await workspace.goals.remove(client.id, goal.id);
    await workspace.jobSearch.removeApplication(client.id, application.id);
    const [after] = await workspace.documents.list(client.id);
    expect(after).toMatchObject({ id: attached.id, sessionId: null, goalId: null, applicationId: null });
  });
});

describe('stored files that went bad', () => {
  it('are listed as damaged or missing, and never served as fine', async () => {
    const { root, workspace, client, file, dataDir } = await setup();
    const [cv] = await workspace.documents.attach(client.id, [await file('cv.pdf', PDF)], {});
    expect((await workspace.documents.read(client.id, cv.id)).base64).toBe(Buffer.from(PDF).toString('base64'));
    await writeFile(storedFilePath(dataDir, cv.sha256), PDF.replace('Catalog', 'Catalug'));
    expect((await workspace.documents.list(client.id))[0].integrity).toBe('damaged');
    await expect(workspace.documents.read(client.id, cv.id)).rejects.toMatchObject({ code: 'DOCUMENT_DAMAGED' });
    await expect(workspace.documents.saveCopy(client.id, cv.id, join(root, 'copy.pdf'))).rejects.toMatchObject({
      code: 'DOCUMENT_DAMAGED',
    });
    await expect(workspace.documents.copyForOpening(client.id, cv.id)).rejects.toMatchObject({ code: 'DOCUMENT_DAMAGED' });
    await expect(stat(join(root, 'copy.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(root)).not.toContain(expect.stringMatching(/rapport-/));

    // The same bytes attached again replace the damaged copy.
    await workspace.documents.attach(client.id, [await file('cv again.pdf', PDF)], {});
    expect((await workspace.documents.list(client.id)).map((entry) => entry.integrity)).toEqual(['ok', 'ok']);

    await writeFile(storedFilePath(dataDir, cv.sha256), '');
    await import('node:fs/promises').then(({ rm }) => rm(storedFilePath(dataDir, cv.sha256)));
    expect((await workspace.documents.list(client.id))[0].integrity).toBe('missing');
    await expect(workspace.documents.read(client.id, cv.id)).rejects.toMatchObject({ code: 'DOCUMENT_DAMAGED' });
  });
});

describe('opening and saving copies', () => {
  it('opens a fresh read-only copy outside the data folder, and saves a copy where asked', async () => {
    const { root, workspace, client, file, dataDir } = await setup();
    const [cv] = await workspace.documents.attach(client.id, [await file('Amara CV.pdf', PDF)], {});
    const first = await workspace.documents.copyForOpening(client.id, cv.id);
    const second = await workspace.documents.copyForOpening(client.id, cv.id);
    expect(first).not.toBe(second);
    expect(first.startsWith(dataDir)).toBe(false);
    expect(first.endsWith('Amara CV.pdf')).toBe(true);
    expect(await readFile(first, 'utf8')).toBe(PDF);
    if (process.platform !== 'win32') expect((await stat(first)).mode & 0o777).toBe(0o400);
    await workspace.documents.saveCopy(client.id, cv.id, join(root, 'Saved.pdf'));
    expect(await readFile(join(root, 'Saved.pdf'), 'utf8')).toBe(PDF);
  });

  it('never opens programs or scripts, whatever they are called', async () => {
    const { workspace, client, file } = await setup();
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(60).fill(0)]);
    for (const [name, content] of [
      ['run.exe', 'MZ'],
      ['photo.pdf', elf],
      ['notes.txt', '#!/usr/bin/env python3\nprint(1)\n'],
      ['page.html', '<script>alert(1)</script>'],
    ] as const) {
      const [attached] = await workspace.documents.attach(client.id, [await file(name, content)], {});
      await expect(workspace.documents.copyForOpening(client.id, attached.id), name).rejects.toMatchObject({
        code: 'DOCUMENT_NOT_OPENABLE',
      });
      // Renaming it does not make it openable.
      const renamed = await workspace.documents.update(client.id, attached.id, { name: 'harmless.pdf' });
      if (name !== 'run.exe') {
        expect(renamed.openable, name).toBe(false);
        await expect(workspace.documents.copyForOpening(client.id, attached.id), name).rejects.toMatchObject({
          code: 'DOCUMENT_NOT_OPENABLE',
        });
      }
    }
  });
});

describe('uploads of dropped files', () => {
  it('stores a file that arrives in pieces, and refuses one that sends more or less than it said', async () => {
    const { workspace, client, stored } = await setup();
    const bytes = Buffer.from(PDF.repeat(50));
    const id = await workspace.documents.beginUpload(client.id, { name: 'dropped.pdf', size: bytes.length });
    expect(await workspace.documents.uploadChunk(id, bytes.subarray(0, 1000).toString('base64'))).toBe(1000);
    expect(await workspace.documents.progress(client.id)).toMatchObject({ name: 'dropped.pdf', bytesTotal: bytes.length });
    expect(await workspace.documents.uploadChunk(id, bytes.subarray(1000).toString('base64'))).toBe(bytes.length);
    const attached = await workspace.documents.finishUpload(id, { label: 'cv' });
    expect(attached).toMatchObject({ name: 'dropped.pdf', mediaType: 'application/pdf', sha256: sha(bytes), integrity: 'ok' });
    expect(await workspace.documents.progress(client.id)).toBeNull();

    const over = await workspace.documents.beginUpload(client.id, { name: 'over.txt', size: 3 });
    await expect(workspace.documents.uploadChunk(over, Buffer.from('four').toString('base64'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.documents.finishUpload(over, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const short = await workspace.documents.beginUpload(client.id, { name: 'short.txt', size: 10 });
    await workspace.documents.uploadChunk(short, Buffer.from('abc').toString('base64'));
    await expect(workspace.documents.finishUpload(short, {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const dropped = await workspace.documents.beginUpload(client.id, { name: 'dropped.txt', size: 10 });
    await workspace.documents.uploadChunk(dropped, Buffer.from('abc').toString('base64'));
    await workspace.documents.cancelUpload(dropped);
    await expect(workspace.documents.beginUpload(client.id, { name: 'e.txt', size: 0 })).rejects.toMatchObject({ code: 'DOCUMENT_EMPTY' });
    await expect(workspace.documents.beginUpload(client.id, { name: 'e.txt', size: MAX_DOCUMENT_BYTES + 1 })).rejects.toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
    });
    await expect.poll(stored).toEqual([sha(bytes)]);
  });
});

describe('opening the data folder', () => {
  it('sweeps temp files and files no document names, keeping the named ones', async () => {
    const { workspace, client, file, stored, dataDir } = await setup();
    await workspace.documents.attach(client.id, [await file('kept.pdf', PDF)], {});
    await writeFile(join(filesDir(dataDir), sha('orphan')), 'orphan');
    await writeFile(join(filesDir(dataDir), '.tmp-00112233aabbccdd'), 'half a file');
    await workspace.close();
    const reopened = await testWorkspace({ dir: dataDir });
    expect(await stored()).toEqual([sha(PDF)]);
    expect((await reopened.documents.list(client.id))[0].integrity).toBe('ok');
  });
});
