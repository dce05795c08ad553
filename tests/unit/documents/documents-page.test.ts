import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type RapportApi } from '../../../shared/api';
import { buildBridge } from '../../../shared/bridge';
import { createDispatcher } from '../../../electron/core/dispatch';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import { pageApi } from '../../../electron/security/page-api';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** The workspace as the page reaches it over IPC, with the system's "open" recorded. */
async function pageSetup() {
  const root = await tempDir('rapport-documents-page-');
  const workspace = await testWorkspace({ dir: join(root, 'data') });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const tokens = new DialogTokens();
  const opened: string[] = [];
  const dispatch = createDispatcher(pageApi(workspace, tokens, async (path) => void opened.push(path)));
  const page = buildBridge<RapportApi>(CHANNELS, (channel, args) => dispatch(channel, args));
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  return { root, inbox, workspace, client, tokens, opened, dispatch, page };
}

describe('documents as the page reaches them', () => {
  it('attaches files the coach chose in main’s dialog, by token, and spends the tokens', async () => {
    const { inbox, client, tokens, page } = await pageSetup();
    await writeFile(join(inbox, 'cv.pdf'), PDF);
    await writeFile(join(inbox, 'letter.txt'), 'Dear hiring manager');
    const chosen = [join(inbox, 'cv.pdf'), join(inbox, 'letter.txt')].map((path) => ({ token: tokens.issue(path, 'document-read').token }));
    const attached = await page.documents.attach(client.id, chosen, {});
    expect(attached.map((entry) => entry.name)).toEqual(['cv.pdf', 'letter.txt']);
    await expect(page.documents.attach(client.id, [chosen[0]], {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // A token chosen for a backup is not a document.
    const backupToken = tokens.issue(join(inbox, 'cv.pdf'), 'backup-read').token;
    await expect(page.documents.attach(client.id, [{ token: backupToken }], {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses paths from the page for every file method, and offers no way to learn a stored file’s path', async () => {
    const { inbox, client, dispatch, workspace } = await pageSetup();
    await writeFile(join(inbox, 'cv.pdf'), PDF);
    const [attached] = await workspace.documents.attach(client.id, [join(inbox, 'cv.pdf')], {});
    for (const [channel, args] of [
      ['documents:attach', [client.id, [join(inbox, 'cv.pdf')], {}]],
      ['documents:attach', [client.id, [{ token: join(inbox, 'cv.pdf') }], {}]],
      ['documents:saveCopy', [client.id, attached.id, join(inbox, 'out.pdf')]],
      ['documents:copyForOpening', [client.id, attached.id]],
    ] as const) {
      const envelope = await dispatch(channel, args);
      expect(envelope.ok ? 'ok' : envelope.error.code, channel).toBe('INVALID_INPUT');
    }
  });

  it('opens a temporary copy through the system and saves a copy where the coach chose', async () => {
    const { inbox, client, tokens, opened, page, workspace } = await pageSetup();
    await writeFile(join(inbox, 'cv.pdf'), PDF);
    const [attached] = await page.documents.attach(client.id, [{ token: tokens.issue(join(inbox, 'cv.pdf'), 'document-read').token }], {});
    await page.documents.open(client.id, attached.id);
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith(workspace.dataDir)).toBe(false);
    expect(await readFile(opened[0], 'utf8')).toBe(PDF);
    const name = await page.documents.saveCopy(client.id, attached.id, {
      token: tokens.issue(join(inbox, 'Copy.pdf'), 'document-write').token,
    });
    expect(name).toBe('Copy.pdf');
    expect(await readFile(join(inbox, 'Copy.pdf'), 'utf8')).toBe(PDF);
  });

  it('without a system to open with, says so', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data') });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    await writeFile(join(root, 'cv.pdf'), PDF);
    const [attached] = await workspace.documents.attach(client.id, [join(root, 'cv.pdf')], {});
    const dispatch = createDispatcher(pageApi(workspace, new DialogTokens()));
    const envelope = await dispatch('documents:open', [client.id, attached.id]);
    expect(envelope.ok ? 'ok' : envelope.error.code).toBe('FORBIDDEN');
  });
});
