// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { AutomaticBackupProtection, DesktopBridge } from '../../../shared/api/desktop';
import AutomaticBackupPassphrase from '../../../renderer/src/components/backup/AutomaticBackupPassphrase.vue';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { RapportError } from '../../../shared/errors';
import { recordingDesktop } from '../../helpers/recording-desktop';

function mountWith(available: boolean) {
  const recording = recordingDesktop();
  const calls = recording.calls;
  let kept: string | null = null;
  const status = (): AutomaticBackupProtection => ({ available, enabled: kept !== null });
  const desktop: DesktopBridge = {
    ...recording.desktop,
    automaticBackupProtection: async () => status(),
    setAutomaticBackupPassphrase: async (passphrase) => {
      calls.push({ method: 'setAutomaticBackupPassphrase', args: [passphrase] });
      kept = passphrase;
      return status();
    },
  };
  const wrapper = mount(AutomaticBackupPassphrase, { global: { provide: { [DESKTOP_KEY as symbol]: desktop } } });
  return { wrapper, calls };
}

describe('the passphrase for automatic backups', () => {
  it('says automatic backups stay unencrypted where the computer has no keychain', async () => {
    const { wrapper } = mountWith(false);
    await flushPromises();
    expect(wrapper.text()).toContain('automatic backups stay unencrypted');
    expect(wrapper.find('input').exists()).toBe(false);
  });

  it('refuses two different passphrases and keeps a matching one in the keychain', async () => {
    const { wrapper, calls } = mountWith(true);
    await flushPromises();
    expect(wrapper.text()).toContain('Automatic backups are not encrypted.');
    await wrapper.get('#automatic-passphrase').setValue('correct horse battery');
    await wrapper.get('#automatic-passphrase-again').setValue('correct horse batery');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('The two passphrases are not the same.');
    expect(calls.filter((call) => call.method === 'setAutomaticBackupPassphrase')).toEqual([]);

    await wrapper.get('#automatic-passphrase-again').setValue('correct horse battery');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.filter((call) => call.method === 'setAutomaticBackupPassphrase')).toEqual([
      { method: 'setAutomaticBackupPassphrase', args: ['correct horse battery'] },
    ]);
    expect(wrapper.text()).toContain('Automatic backups are encrypted.');

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Stop encrypting')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Automatic backups are not encrypted.');
  });

  it('explains in plain words why a passphrase is too easy to guess, and keeps it out of the keychain', async () => {
    const { wrapper, calls } = mountWith(true);
    await flushPromises();
    for (const weak of ['password1', 'qwertyuiop', 'Summer2024!']) {
      await wrapper.get('#automatic-passphrase').setValue(weak);
      await wrapper.get('#automatic-passphrase-again').setValue(weak);
      await wrapper.get('form').trigger('submit');
      await flushPromises();
      expect(wrapper.get('[role="alert"]').text()).toMatch(/^This passphrase would be easy to guess\..*ordinary words/);
    }
    expect(calls.filter((call) => call.method === 'setAutomaticBackupPassphrase')).toEqual([]);
  });

  it('tells the coach when the keychain does not give the passphrase back, and how to fix it', async () => {
    const recording = recordingDesktop();
    const silent = new RapportError(
      'IO_ERROR',
      'Rapport skipped this automatic backup: the system keychain did not give back the passphrase that protects your backups. Unlock your keychain, then restart Rapport.',
    );
    const desktop: DesktopBridge = { ...recording.desktop, automaticBackupProtection: () => Promise.reject(silent) };
    const wrapper = mount(AutomaticBackupPassphrase, { global: { provide: { [DESKTOP_KEY as symbol]: desktop } } });
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toMatch(/skipped this automatic backup.*Unlock your keychain/);
  });
});
