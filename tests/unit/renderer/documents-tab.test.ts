// @vitest-environment happy-dom
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import DocumentsPanel from '../../../renderer/src/components/documents/DocumentsPanel.vue';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import { FILES_DIR } from '../../../electron/core/data-layout';
import { mountWithWorkspace, settle } from '../../helpers/mount';
import { recordingDesktop } from '../../helpers/recording-desktop';
import type { ChosenFile } from '../../../shared/api/chosen-file';
import type { DesktopBridge } from '../../../shared/api/desktop';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import type { Workspace } from '../../../electron/core/workspace';
import { useToast } from '../../../renderer/src/components/ui/toast';

/** Real files on disk, and a desktop whose file dialog "chooses" them, as main's would. */
async function setUp(names: Record<string, string>, before: (workspace: Workspace, clientId: string) => Promise<void> = async () => {}) {
  const dataDir = await tempDir();
  const workspace = await testWorkspace({ dir: dataDir });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  await before(workspace, client.id);
  const folder = await tempDir();
  const paths: string[] = [];
  for (const [name, text] of Object.entries(names)) {
    const path = join(folder, name);
    await writeFile(path, text);
    paths.push(path);
  }
  const tokens = new DialogTokens();
  const chosen: string[][] = [paths];
  const desktop: DesktopBridge = {
    ...recordingDesktop().desktop,
    chooseDocuments: async (): Promise<ChosenFile[]> => (chosen.shift() ?? []).map((path) => tokens.issue(path, 'document-read')),
  };
  const mounted = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id }, { desktop, tokens });
  return { ...mounted, workspace, client, dataDir, folder };
}

const names = (root: ParentNode) =>
  [...root.querySelectorAll('.document-row:not(.older) .document-name > span:first-child')].map((node) => node.textContent);

async function chooseMenuItem(button: Element, label: string) {
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
  await settle();
  const item = [...document.body.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((node) => node.textContent?.trim() === label);
  if (!item) throw new Error(`No menu item "${label}"`);
  item.click();
  await settle();
}

describe('the Documents tab', () => {
  it('tells a new coach what to do, attaches chosen files and lists them with their details', async () => {
    const { wrapper, workspace, client } = await setUp({ 'CV Amara.pdf': '%PDF-1.4 first', 'notes.txt': 'Skills: SQL, Python' });
    expect(wrapper.text()).toContain('No documents yet');

    await wrapper.get('button.btn.primary').trigger('click');
    await settle();

    expect(await workspace.documents.list(client.id)).toHaveLength(2);
    expect(wrapper.text()).not.toContain('No documents yet');
    expect(names(wrapper.element).sort()).toEqual(['CV Amara.pdf', 'notes.txt']);
    const cv = wrapper.findAll('.document').find((row) => row.text().includes('CV Amara.pdf'));
    expect(cv?.text()).toContain('CV');
    expect(cv?.text()).toContain('14 bytes');
    expect(cv?.text()).toContain('PDF');
    expect(wrapper.get('[role="status"].visually-hidden').text()).toBe('Attached 2 documents.');
  });

  it('uploads dropped files piece by piece and shows version chains newest first', async () => {
    const { wrapper, workspace, client, folder } = await setUp({});
    const v1 = new File(['CV version one'], 'CV v1.txt', { type: 'text/plain' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [v1, new File(['Offer letter'], 'Offer.txt')] } });
    wrapper.get('section.documents').element.dispatchEvent(drop);
    await settle();
    await expect.poll(async () => (await workspace.documents.list(client.id)).length).toBe(2);

    const [first] = (await workspace.documents.list(client.id)).filter((document) => document.name === 'CV v1.txt');
    const path = join(folder, 'CV v2.txt');
    await writeFile(path, 'CV version two');
    await workspace.documents.attach(client.id, [path], { previousVersionId: first.id });
    wrapper.unmount();
    const again = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });

    const chain = again.wrapper.findAll('.document').find((row) => row.text().includes('CV v2.txt'));
    const rows = chain?.findAll('.document-row').map((row) => row.text()) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('CV v2.txt');
    expect(rows[0]).toContain('2 versions');
    expect(rows[1]).toContain('Earlier version');
    expect(rows[1]).toContain('CV v1.txt');
  });

  it('shows a damaged file as damaged and offers no Open for it', async () => {
    const { wrapper, workspace, client, dataDir } = await setUp({ 'CV.pdf': '%PDF-1.4 intact' });
    await wrapper.get('button.btn.primary').trigger('click');
    await settle();
    const [stored] = await readdir(join(dataDir, FILES_DIR));
    await writeFile(join(dataDir, FILES_DIR, stored), '%PDF-1.4 tamper');
    wrapper.unmount();
    const again = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });

    expect((await workspace.documents.list(client.id))[0]?.integrity).toBe('damaged');
    expect(again.wrapper.find('.badge.danger').text()).toBe('Damaged');
    expect(again.wrapper.text()).toContain('no longer matches');
    expect(again.wrapper.find('button[aria-label="Open CV.pdf"]').exists()).toBe(false);
  });

  it('removes a document at once, with an Undo that puts it back where it was', async () => {
    const { wrapper, workspace, client, dataDir } = await setUp({ 'CV.pdf': '%PDF-1.4 one', 'Letter.txt': 'Dear hiring manager' });
    await wrapper.get('button.btn.primary').trigger('click');
    await settle();
    const [letter] = (await workspace.documents.list(client.id)).filter((document) => document.name === 'Letter.txt');

    await chooseMenuItem(wrapper.get('button[aria-label="More for Letter.txt"]').element, 'Remove');
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    expect((await workspace.documents.list(client.id)).map((document) => document.name)).toEqual(['CV.pdf']);
    expect(names(wrapper.element)).toEqual(['CV.pdf']);
    // The file waits for the undo.
    expect(await readdir(join(dataDir, FILES_DIR))).toHaveLength(2);

    const toasts = useToast();
    const shown = toasts.shown.value.find((toast) => toast.message === 'Removed Letter.txt');
    expect(shown?.undo).toBeTypeOf('function');
    toasts.dismiss(shown!.id);
    await shown!.undo!();
    await settle();
    expect((await workspace.documents.list(client.id)).map((document) => document.id)).toContain(letter?.id);
    expect(names(wrapper.element).sort()).toEqual(['CV.pdf', 'Letter.txt']);
    expect(document.activeElement?.getAttribute('data-record-id')).toBe(letter?.id);
  });

  it('links a document to a session, goal and application, shows the links as chips, and filters by a link', async () => {
    const made: Record<string, string> = {};
    const {
      wrapper: panel,
      workspace,
      client,
      router,
    } = await setUp({ 'CV.pdf': '%PDF-1.4 one', 'Letter.txt': 'Dear hiring manager' }, async (workspace, clientId) => {
      made.session = (await workspace.sessions.create(clientId, { startsAt: '2026-12-02T10:00:00.000Z', mode: 'video' })).id;
      made.goal = (await workspace.goals.create(clientId, { title: 'Move into analytics leadership' })).id;
      made.application = (await workspace.jobSearch.createApplication(clientId, { organisation: 'Nordlicht', role: 'Data lead' })).id;
    });
    const session = { id: made.session };
    const goal = { id: made.goal };
    const application = { id: made.application };
    await panel.get('button.btn.primary').trigger('click');
    await settle();
    expect(panel.find('.document-links').exists()).toBe(false);

    await chooseMenuItem(panel.get('button[aria-label="More for CV.pdf"]').element, 'Edit or link…');
    const dialog = document.body.querySelector<HTMLElement>('[role="dialog"]')!;
    const select = (id: string, value: string) => {
      const element = dialog.querySelector<HTMLSelectElement>(`#${id}`)!;
      element.value = value;
      element.dispatchEvent(new Event('change'));
    };
    expect([...dialog.querySelectorAll('#document-session option')].map((option) => option.textContent)).toHaveLength(2);
    select('document-session', session.id);
    select('document-goal', goal.id);
    select('document-application', application.id);
    await settle();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();

    const cv = (await workspace.documents.list(client.id)).find((document) => document.name === 'CV.pdf');
    expect(cv).toMatchObject({ sessionId: session.id, goalId: goal.id, applicationId: application.id });
    const chips = panel.findAll('.document-links a');
    expect(chips.map((chip) => chip.text())).toEqual([
      expect.stringMatching(/^Session: /),
      'Goal: Move into analytics leadership',
      'Application: Nordlicht — Data lead',
    ]);
    expect(chips[0]?.attributes('href')).toContain(`tab=sessions`);
    expect(chips[0]?.attributes('href')).toContain(`focus=${session.id}`);

    await router.push({ query: { tab: 'documents', linked: session.id } });
    await settle();
    expect(names(panel.element)).toEqual(['CV.pdf']);
    expect(panel.text()).toContain('Showing the documents linked to the session of');
  });
});
