// @vitest-environment happy-dom
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { RapportApi } from '../../../shared/api';
import type { DesktopBridge } from '../../../shared/api/desktop';
import { API_KEY } from '../../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import BackupSettings from '../../../renderer/src/components/backup/BackupSettings.vue';
import { tempDir } from '../../helpers/temp-dir';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

/** The desktop shell's file dialogs, answering with tokens for the paths a test chooses. */
function fakeDesktop(paths: { save?: string | null; open?: string | null }, tokens = new DialogTokens()) {
  const asked: string[] = [];
  const unused = () => Promise.reject(new Error('not used in this test'));
  const desktop: DesktopBridge = {
    chooseBackupSavePath: async (defaultName) => {
      asked.push(defaultName);
      return paths.save ? tokens.issue(paths.save, 'backup-write') : null;
    },
    chooseExportSavePath: unused,
    chooseDocuments: unused,
    chooseDocumentSavePath: unused,
    automaticBackupProtection: async () => ({ available: true, enabled: false }),
    setAutomaticBackupPassphrase: unused,
    chooseBackupOpenPath: async () => (paths.open ? tokens.issue(paths.open, 'backup-read') : null),
    saveTextFile: unused,
    openTextFile: unused,
    openCalendarFile: unused,
    print: unused,
    saveAsPdf: unused,
    openExternal: unused,
    onMenuCommand: () => undefined,
  };
  return { desktop, asked };
}

const mounted: VueWrapper[] = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
});

function mountSettings(api: RapportApi, desktop: DesktopBridge): VueWrapper {
  const wrapper = mount(BackupSettings, {
    attachTo: document.body,
    global: { plugins: [createPinia()], provide: { [API_KEY as symbol]: api, [DESKTOP_KEY as symbol]: desktop } },
  });
  mounted.push(wrapper);
  return wrapper;
}

async function setup(paths: { save?: string | null; open?: string | null } = {}) {
  const root = await tempDir();
  const workspace = await testWorkspace({
    dir: join(root, 'data'),
    backupsDir: join(root, 'backups'),
    now: () => new Date('2026-03-02T09:00:00.000Z'),
  });
  await workspace.clients.create({ name: 'Amara Okafor' });
  const tokens = new DialogTokens();
  const { desktop, asked } = fakeDesktop(paths, tokens);
  const wrapper = mountSettings(rendererApiFor(workspace, tokens), desktop);
  return { root, workspace, wrapper, asked };
}

/** Waits for the real workspace (files, scrypt) and then for Vue to render. */
async function until(wrapper: VueWrapper, condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    await flushPromises();
  }
  expect(condition()).toBe(true);
  await wrapper.vm.$nextTick();
}

function button(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text().includes(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('BackupSettings', () => {
  it('refuses mismatched passphrases before asking where to save', async () => {
    const { wrapper, asked } = await setup({ save: '/nowhere.rapport-backup' });
    await wrapper.find('#backup-passphrase').setValue('correct horse');
    await wrapper.find('#backup-passphrase-confirm').setValue('correct hose');
    await button(wrapper, 'Back up now').trigger('click');
    await flushPromises();
    expect(wrapper.find('#backup-passphrase-confirm').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#backup-passphrase-confirm-error').text()).toBe('The two passphrases are not the same.');
    expect(asked).toEqual([]);
  });

  it('backs up with a passphrase where the coach chose', async () => {
    const root = await tempDir();
    const target = join(root, 'mine.rapport-backup');
    const { wrapper, workspace, asked } = await setup({ save: target });
    await wrapper.find('#backup-passphrase').setValue('correct horse');
    await wrapper.find('#backup-passphrase-confirm').setValue('correct horse');
    await button(wrapper, 'Back up now').trigger('click');
    await until(wrapper, () => wrapper.text().includes('Backup saved with your passphrase'));
    expect(asked[0]).toMatch(/^Rapport backup \d{4}-\d{2}-\d{2}\.rapport-backup$/);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await workspace.backup.inspect(target, { passphrase: 'correct horse' })).clientNames).toEqual(['Amara Okafor']);
  });

  it('shows what an encrypted backup holds, explains a wrong passphrase, then restores', async () => {
    const root = await tempDir();
    const backup = join(root, 'old.rapport-backup');
    const { wrapper, workspace } = await setup({ open: backup });
    await workspace.backup.create(backup, { passphrase: 'correct horse' });
    await workspace.clients.create({ name: 'Added Later' });

    await button(wrapper, 'Restore from a file').trigger('click');
    await until(wrapper, () => wrapper.find('#restore-passphrase').exists());
    await wrapper.find('#restore-passphrase').setValue('wrong horse');
    await wrapper.find('form.passphrase').trigger('submit');
    await until(wrapper, () => wrapper.find('#restore-passphrase-error').exists());
    expect(wrapper.find('#restore-passphrase-error').text()).toMatch(/passphrase does not open this backup/);
    expect(wrapper.find('#restore-passphrase').attributes('aria-invalid')).toBe('true');

    await wrapper.find('#restore-passphrase').setValue('correct horse');
    await wrapper.find('form.passphrase').trigger('submit');
    await until(wrapper, () => wrapper.find('.client-names').exists());
    expect(wrapper.find('.client-names').text()).toBe('Amara Okafor');
    expect(wrapper.text()).toContain('1 client, 0 sessions');
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Added Later', 'Amara Okafor']);

    await button(wrapper, 'Restore this backup').trigger('click');
    await until(wrapper, () => wrapper.text().includes('Restored the backup from'));
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor']);
    // The list of automatic backups reloads after the restore.
    await until(wrapper, () => wrapper.findAll('.backup').length > 0);
    expect(wrapper.findAll('.backup').map((item) => item.text())).toEqual([expect.stringContaining('Before a restore')]);
  });

  it('says plainly when a file is not a backup', async () => {
    const notes = join(await tempDir(), 'notes.txt');
    await writeFile(notes, 'Session notes, not a backup');
    const { wrapper } = await setup({ open: notes });
    await button(wrapper, 'Restore from a file').trigger('click');
    await until(wrapper, () => wrapper.find('[role="alert"]').exists());
    expect(wrapper.find('[role="alert"]').text()).toBe('That file is not a Rapport backup. Nothing was changed.');
  });

  it('lists automatic backups, restores one after confirming, and saves how many to keep', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir: join(root, 'backups') });
    await workspace.clients.create({ name: 'Amara Okafor' });
    await workspace.backup.runAutomatic('quit');
    await workspace.clients.create({ name: 'Added Later' });
    const remounted = mountSettings(rendererApiFor(workspace), fakeDesktop({}).desktop);
    await until(remounted, () => remounted.findAll('.backup').length === 1);
    expect(remounted.find('.backup').text()).toContain('On quit');

    await remounted.find('.backup button').trigger('click');
    await button(remounted, 'Yes, restore').trigger('click');
    await until(remounted, () => remounted.text().includes('Restored the backup from'));
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor']);

    await remounted.find('#backup-keep').setValue('0');
    await remounted.find('form.automatic-settings').trigger('submit');
    await flushPromises();
    expect(remounted.find('#backup-keep-error').text()).toBe('Keep at least one backup.');
    await remounted.find('#backup-keep').setValue('5');
    await remounted.find('form.automatic-settings').trigger('submit');
    await until(remounted, () => remounted.text().includes('Saved.'));
    expect((await workspace.settings.get()).backup).toEqual({ keep: 5, automatic: true });
  });
});
