// @vitest-environment happy-dom
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

async function practiceWithLockedKeychain() {
  const root = await tempDir();
  const keychain = { locked: true };
  const workspace = await testWorkspace({
    dir: join(root, 'data'),
    backupsDir: join(root, 'backups'),
    now: () => new Date('2026-03-02T09:00:00.000Z'),
    automaticBackupPassphrase: async () => {
      if (keychain.locked) throw new RapportError('IO_ERROR', 'The system keychain did not give back the passphrase.');
      return undefined;
    },
  });
  await workspace.clients.create({ name: 'Amara Okafor' });
  await expect(workspace.backup.runAutomatic('daily')).rejects.toMatchObject({ code: 'IO_ERROR' });
  return { workspace, keychain };
}

describe('the automatic backup banner', () => {
  it('tells the coach on every page that the backup was not made, and links to the backup settings', async () => {
    const { workspace } = await practiceWithLockedKeychain();
    const { wrapper, router } = await mountApp(workspace, '/goals');

    await eventually(() => expect(wrapper.find('.automatic-backup-banner').exists()).toBe(true));
    const banner = wrapper.get('.automatic-backup-banner');
    expect(banner.attributes('role')).toBe('status');
    expect(banner.text()).toContain('Your automatic backup was not made');
    expect(banner.text()).toContain('could not read its passphrase from the system keychain');
    expect(banner.text()).toContain('Unlock the keychain');

    const link = banner.get('a');
    expect(link.text()).toBe('Settings › Backups');
    await link.trigger('click');
    await eventually(() => expect(router.currentRoute.value.fullPath).toBe('/settings?section=backup'));
    await eventually(() => expect(wrapper.find('#settings-section-backup').exists()).toBe(true));
    expect(wrapper.find('.automatic-backup-banner').exists()).toBe(true);
  });

  it('goes away when the coach comes back after a later automatic backup was made', async () => {
    const { workspace, keychain } = await practiceWithLockedKeychain();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(wrapper.find('.automatic-backup-banner').exists()).toBe(true));

    keychain.locked = false;
    expect((await workspace.backup.runAutomatic('daily')).created).not.toBeNull();
    window.dispatchEvent(new Event('focus'));
    await eventually(() => expect(wrapper.find('.automatic-backup-banner').exists()).toBe(false));
  });
});
