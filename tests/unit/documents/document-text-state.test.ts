import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionsSoFar } from '../../../electron/core/files/document-texts';
import { storedFilePath } from '../../../electron/core/files/file-store';
import type { Workspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** Documents made by real programs (tests/fixtures/documents/README.md). */
const CORPUS = join(__dirname, '../../fixtures/documents');
/** A 1×1 PNG: a kind of file whose text Rapport never reads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function setup(options: { backupsDir?: string; now?: () => Date } = {}) {
  const root = await tempDir('rapport-text-state-');
  const workspace = await testWorkspace({ dir: join(root, 'data'), ...options });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  await mkdir(join(root, 'inbox'));
  const attach = async (names: string[]) => {
    const paths = await Promise.all(
      names.map(async (name) => {
        const path = join(root, 'inbox', name);
        await copyFile(join(CORPUS, name), path);
        return path;
      }),
    );
    return workspace.documents.attach(client.id, paths, {});
  };
  /** Each listed document's name with what the tab is told about its text. */
  const states = async () =>
    Object.fromEntries(
      (await workspace.documents.list(client.id)).map((document) => [document.name, [document.text, document.textProblem]]),
    );
  return { root, workspace, client, attach, states };
}

const textOf = async (workspace: Workspace, clientId: string, documentId: string) =>
  (await workspace.documents.list(clientId)).find((document) => document.id === documentId)?.text;

describe('whether a document’s text can be searched', () => {
  it('is `reading` until the background reading is done, then says what it found in real files', async () => {
    const { root, workspace, client, attach, states } = await setup();
    await attach(['cv-en-libreoffice.pdf', 'scan-image-only.pdf', 'encrypted-password.pdf', 'truncated.docx', 'cv-pl-utf8-bom.txt']);
    await writeFile(join(root, 'inbox', 'photo.png'), PNG);
    await workspace.documents.attach(client.id, [join(root, 'inbox', 'photo.png')], {});

    // Attaching reads nothing: the files wait for the background reading.
    expect(await states()).toEqual({
      'cv-en-libreoffice.pdf': ['reading', null],
      'scan-image-only.pdf': ['reading', null],
      'encrypted-password.pdf': ['reading', null],
      'truncated.docx': ['reading', null],
      'cv-pl-utf8-bom.txt': ['reading', null],
      'photo.png': ['not-read', null],
    });

    await workspace.documentTextsRead();
    expect(await states()).toEqual({
      'cv-en-libreoffice.pdf': ['searchable', null],
      'scan-image-only.pdf': ['no-text', null],
      'encrypted-password.pdf': ['unreadable', 'encrypted'],
      'truncated.docx': ['unreadable', 'damaged'],
      'cv-pl-utf8-bom.txt': ['searchable', null],
      'photo.png': ['not-read', null],
    });
  });

  it('is read on the page’s request: `textsRead` starts the reading of the client’s files and answers once it is done', async () => {
    const { workspace, client, attach } = await setup();
    const [cv] = await attach(['cv-fr-chromium.pdf']);
    const before = extractionsSoFar();
    await workspace.documents.textsRead(client.id);
    expect(extractionsSoFar()).toBe(before + 1);
    expect(await textOf(workspace, client.id, cv.id)).toBe('searchable');
    // Read once: asking again reads nothing.
    await workspace.documents.textsRead(client.id);
    expect(extractionsSoFar()).toBe(before + 1);
    await expect(workspace.documents.textsRead('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is read again once a damaged file is whole again, recovered from a backup or attached anew', async () => {
    const root = await tempDir('rapport-text-state-backups-');
    let clock = Date.parse('2026-11-20T09:00:00.000Z');
    const { workspace, client, attach } = await setup({ backupsDir: join(root, 'backups'), now: () => new Date(clock) });
    const [cv] = await attach(['cv-en-libreoffice.pdf']);
    const [notes] = await attach(['notes-de-latin1.txt']);
    clock += 24 * 60 * 60 * 1000;
    await workspace.backup.runAutomatic('quit');

    const bytes = await readFile(storedFilePath(workspace.dataDir, cv.sha256));
    await writeFile(storedFilePath(workspace.dataDir, cv.sha256), Buffer.alloc(bytes.length, 0x5a));
    await writeFile(storedFilePath(workspace.dataDir, notes.sha256), 'not what was attached');
    await workspace.documents.textsRead(client.id);
    const damaged = (await workspace.documents.list(client.id)).map(({ name, integrity, text, textProblem }) => [
      name,
      integrity,
      text,
      textProblem,
    ]);
    expect(damaged).toEqual([
      ['notes-de-latin1.txt', 'damaged', 'unreadable', 'damaged'],
      ['cv-en-libreoffice.pdf', 'damaged', 'unreadable', 'damaged'],
    ]);

    // Recovered from the backup: read again, and found.
    const recovered = await workspace.documents.recoverFile(client.id, cv.id);
    expect(recovered.document).toMatchObject({ integrity: 'ok', text: 'reading' });
    await workspace.documents.textsRead(client.id);
    expect(await textOf(workspace, client.id, cv.id)).toBe('searchable');

    // The same bytes attached again replace the damaged copy: read again, and found.
    const [again] = await attach(['notes-de-latin1.txt']);
    expect(again.text).toBe('reading');
    await workspace.documents.textsRead(client.id);
    expect(await textOf(workspace, client.id, notes.id)).toBe('searchable');
  });
});
