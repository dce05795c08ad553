// @vitest-environment happy-dom
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import DocumentItem from '../../../renderer/src/components/documents/DocumentItem.vue';
import DocumentsPanel from '../../../renderer/src/components/documents/DocumentsPanel.vue';
import { versionChains } from '../../../renderer/src/components/documents/document-chains';
import { mountWithWorkspace } from '../../helpers/mount';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** Documents made by real programs (tests/fixtures/documents/README.md). */
const CORPUS = join(__dirname, '../../fixtures/documents');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function setUp() {
  const workspace = await testWorkspace();
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const folder = await tempDir();
  const paths = await Promise.all(
    ['cv-en-libreoffice.pdf', 'scan-image-only.pdf', 'encrypted-password.pdf'].map(async (name) => {
      await copyFile(join(CORPUS, name), join(folder, name));
      return join(folder, name);
    }),
  );
  await writeFile(join(folder, 'photo.png'), PNG);
  await workspace.documents.attach(client.id, [...paths, join(folder, 'photo.png')], {});
  return { workspace, client };
}

/** Each document's name with what its row says about its text ('' when it says nothing). */
const notes = (root: Element) =>
  Object.fromEntries(
    [...root.querySelectorAll('.document-row')].map((row) => [
      row.querySelector('.document-name > span')?.textContent,
      row.querySelector('.document-text')?.textContent ?? '',
    ]),
  );

describe('what the Documents tab says about finding a document by its text', () => {
  it('says “Reading its text…” while main has not read a file yet', async () => {
    const { workspace, client } = await setUp();
    // As main lists them before the background reading: nothing has read them yet.
    const listed = await workspace.documents.list(client.id);
    const said: Record<string, string> = {};
    for (const chain of versionChains(listed)) {
      const item = await mountWithWorkspace(DocumentItem, workspace, { clientId: client.id, chain, linksOf: () => [] });
      Object.assign(said, notes(item.wrapper.element));
    }
    expect(said).toEqual({
      'photo.png': '',
      'encrypted-password.pdf': 'Reading its text…',
      'scan-image-only.pdf': 'Reading its text…',
      'cv-en-libreoffice.pdf': 'Reading its text…',
    });
  });

  it('waits for main to read the files, then says in plain words which cannot be found by their text', async () => {
    const { workspace, client } = await setUp();
    // Mounting settles every call the tab makes, including the one that waits for the reading.
    const { wrapper } = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });
    expect(notes(wrapper.element)).toEqual({
      'photo.png': '',
      'encrypted-password.pdf': 'Its text could not be read (it is protected by a password). Search finds it by its name and label only.',
      'scan-image-only.pdf': 'No text found: it may be a scan. Search finds it by its name and label only.',
      'cv-en-libreoffice.pdf': '',
    });
    expect(wrapper.text()).not.toContain('Reading its text');
  });
});
