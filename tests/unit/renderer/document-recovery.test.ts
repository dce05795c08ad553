// @vitest-environment happy-dom
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import DocumentsPanel from '../../../renderer/src/components/documents/DocumentsPanel.vue';
import { useToast } from '../../../renderer/src/components/ui/toast';
import { storedFilePath } from '../../../electron/core/files/file-store';
import { mountWithWorkspace, settle } from '../../helpers/mount';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** A real workspace with a CV attached; its automatic backups go beside it. */
async function setUp() {
  const root = await tempDir('rapport-recovery-tab-');
  const backupsDir = join(root, 'backups');
  const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir, now: () => new Date('2026-11-28T09:00:00.000Z') });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]);
  await writeFile(join(root, 'CV.pdf'), bytes);
  const [document] = await workspace.documents.attach(client.id, [join(root, 'CV.pdf')], {});
  const stored = storedFilePath(workspace.dataDir, document.sha256);
  return { workspace, client, document, bytes, stored, backupsDir };
}

const recoverButton = 'button[aria-label="Recover from backup: CV.pdf, from the automatic backup of Sat 28 Nov 2026"]';

describe('recovering a damaged file from the Documents tab', () => {
  it('names the backup it would use, recovers the file from it and shows the document as fine', async () => {
    const { workspace, client, bytes, stored } = await setUp();
    await workspace.backup.runAutomatic('quit');
    await writeFile(stored, Buffer.alloc(bytes.length, 0x5a));
    const { wrapper } = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });
    await settle();

    expect(wrapper.find('.badge.danger').text()).toBe('Damaged');
    const button = wrapper.get(recoverButton);
    expect(button.text()).toBe('Recover from backup');
    expect(wrapper.text()).toContain('From the automatic backup of Sat 28 Nov 2026.');
    await button.trigger('click');
    await settle();

    expect(await readFile(stored)).toEqual(bytes);
    expect(wrapper.find('.badge.danger').exists()).toBe(false);
    expect(wrapper.find(recoverButton).exists()).toBe(false);
    expect(wrapper.find('button[aria-label="Open CV.pdf"]').exists()).toBe(true);
    expect(useToast().shown.value.map((toast) => toast.message)).toContain(
      'Recovered CV.pdf from the automatic backup of Sat 28 Nov 2026.',
    );
  });

  it('says when no automatic backup holds a copy, and offers no recovery', async () => {
    const { workspace, client, bytes, stored } = await setUp();
    await writeFile(stored, Buffer.alloc(bytes.length, 0x5a));
    const { wrapper } = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });
    await settle();
    expect(wrapper.text()).toContain(
      'No automatic backup holds a copy. If you have the original, remove this document and attach it again.',
    );
    expect(wrapper.find('button[aria-label^="Recover from backup"]').exists()).toBe(false);
  });

  it("shows main's plain error when the backup's own copy turns out damaged", async () => {
    const { workspace, client, bytes, stored, backupsDir } = await setUp();
    const { created } = await workspace.backup.runAutomatic('quit');
    const backup = await readFile(join(backupsDir, created!.fileName));
    backup[backup.indexOf(bytes.subarray(0, 64)) + 100] ^= 0xff;
    await writeFile(join(backupsDir, created!.fileName), backup);
    await writeFile(stored, Buffer.alloc(bytes.length, 0x5a));
    const { wrapper } = await mountWithWorkspace(DocumentsPanel, workspace, { clientId: client.id });
    await settle();

    await wrapper.get(recoverButton).trigger('click');
    await settle();
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'None of the automatic backups holds an intact copy of this file. If you have the original, remove this document and attach it again.',
    );
    expect(wrapper.find('.badge.danger').text()).toBe('Damaged');
  });
});
