// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SettingsView from '../../../renderer/src/views/SettingsView.vue';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';
import { RapportError } from '../../../shared/errors';
import { eventually, mountApp } from './support';

afterEach(() => {
  Reflect.deleteProperty(window, 'confirm');
});

type Wrapper = Awaited<ReturnType<typeof mountWithWorkspace>>['wrapper'];

async function openSettings() {
  const workspace = await testWorkspace({ now: () => new Date('2026-03-02T09:00:00.000Z') });
  const { wrapper } = await mountWithWorkspace(SettingsView, workspace);
  await eventually(() => expect(wrapper.find('#settings-coachName').exists()).toBe(true));
  return { workspace, wrapper };
}

function valueOf(wrapper: Wrapper, id: string): unknown {
  return (wrapper.get(`#${id}`).element as HTMLInputElement).value;
}

describe('Settings: Practice', () => {
  it('shows the practice section with the stored values and plain labels', async () => {
    const { wrapper } = await openSettings();
    expect(wrapper.get('h2').text()).toBe('Practice');
    expect(
      wrapper
        .get('section')
        .findAll('label')
        .map((label) => label.text()),
    ).toEqual([
      'Your name',
      'Business name',
      'Contact line',
      'Default session length (minutes)',
      'Days before a client counts as not heard from',
      'Paper size',
      'Sign-off for shared agendas',
    ]);
    expect(valueOf(wrapper, 'settings-defaultSessionMinutes')).toBe('60');
    expect(valueOf(wrapper, 'settings-noContactDays')).toBe('21');
    expect(valueOf(wrapper, 'settings-paperSize')).toBe('A4');
    expect(wrapper.get('#settings-contactLine-hint').text()).toMatch(/Printed on agendas/);
  });

  it('saves the settings to the workspace', async () => {
    const { workspace, wrapper } = await openSettings();
    await wrapper.get('#settings-coachName').setValue('Jo Coach');
    await wrapper.get('#settings-businessName').setValue('Next Step Coaching');
    await wrapper.get('#settings-contactLine').setValue('jo@example.com · 0123 456 789');
    await wrapper.get('#settings-defaultSessionMinutes').setValue('45');
    await wrapper.get('#settings-noContactDays').setValue('14');
    await wrapper.get('#settings-paperSize').setValue('Letter');
    const save = wrapper.findAll('button').find((button) => button.text() === 'Save settings');
    await save?.trigger('click');

    await eventually(() => expect(wrapper.get('[role="status"]').text()).toBe('Saved'));
    expect(await workspace.settings.get()).toMatchObject({
      coachName: 'Jo Coach',
      businessName: 'Next Step Coaching',
      contactLine: 'jo@example.com · 0123 456 789',
      defaultSessionMinutes: 45,
      noContactDays: 14,
      paperSize: 'Letter',
    });
  });

  it('refuses an empty or out-of-range number, saying why, and saves nothing', async () => {
    const { workspace, wrapper } = await openSettings();
    await wrapper.get('#settings-coachName').setValue('Jo Coach');
    await wrapper.get('#settings-defaultSessionMinutes').setValue('');
    await wrapper.get('#settings-noContactDays').setValue('0');
    await wrapper.get('form').trigger('submit');

    await eventually(() => expect(document.activeElement?.id).toBe('settings-defaultSessionMinutes'));
    expect(wrapper.get('#settings-defaultSessionMinutes-error').text()).toBe('Please enter minutes as a number.');
    expect(wrapper.get('#settings-noContactDays-error').text()).toBe('Use at least 1 day.');
    expect(wrapper.get('#settings-noContactDays').attributes('aria-describedby')).toBe(
      'settings-noContactDays-hint settings-noContactDays-error',
    );
    expect(wrapper.get('[role="status"]').text()).toMatch(/Nothing was saved/);
    expect((await workspace.settings.get()).coachName).toBe('');
  });

  it('saves the agenda sign-off, showing the usual one while it is empty and the shared limits', async () => {
    const { workspace, wrapper } = await openSettings();
    await wrapper.get('#settings-coachName').setValue('Jo Coach');
    const signOff = wrapper.get('#settings-signOff');
    expect(signOff.element.tagName).toBe('TEXTAREA');
    expect(signOff.attributes('placeholder')).toBe('See you then,\nJo');
    expect(signOff.attributes('maxlength')).toBe('300');
    await signOff.setValue('Warm regards,\nJo');
    await wrapper.get('form').trigger('submit');
    await eventually(async () =>
      expect(await workspace.settings.get()).toMatchObject({ coachName: 'Jo Coach', signOff: 'Warm regards,\nJo' }),
    );
  });

  it('refuses a sign-off of more than six lines, saying why, and saves nothing', async () => {
    const { workspace, wrapper } = await openSettings();
    await wrapper.get('#settings-signOff').setValue('1\n2\n3\n4\n5\n6\n7');
    await wrapper.get('form').trigger('submit');
    await eventually(() => expect(wrapper.get('#settings-signOff-error').text()).toBe('Please keep the sign-off to at most 6 lines.'));
    expect((await workspace.settings.get()).signOff).toBe('');
  });

  it('saves with Ctrl+S', async () => {
    const { workspace, wrapper } = await openSettings();
    await wrapper.get('#settings-coachName').setValue('Jo Coach');
    await wrapper.get('#settings-coachName').trigger('keydown', { key: 's', ctrlKey: true });
    await eventually(async () => expect((await workspace.settings.get()).coachName).toBe('Jo Coach'));
  });

  it('asks before leaving with unsaved settings, and keeps them when the coach stays', async () => {
    const workspace = await testWorkspace();
    const { wrapper, router } = await mountApp(workspace, '/settings');
    await eventually(() => expect(wrapper.find('#settings-coachName').exists()).toBe(true));
    await wrapper.get('#settings-coachName').setValue('Jo Coach');
    const ask = vi.fn(() => false);
    window.confirm = ask;
    await router.push('/').catch(() => undefined);
    await flushPromises();
    expect(ask).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.path).toBe('/settings');
    expect(valueOf(wrapper, 'settings-coachName')).toBe('Jo Coach');
  });

  it('leaves without asking once the settings are saved', async () => {
    const workspace = await testWorkspace();
    const { wrapper, router } = await mountApp(workspace, '/settings');
    await eventually(() => expect(wrapper.find('#settings-defaultSessionMinutes').exists()).toBe(true));
    await wrapper.get('#settings-defaultSessionMinutes').setValue('45');
    await wrapper.get('#settings-contactLine').setValue('  jo@example.com  ');
    await wrapper.get('form').trigger('submit');
    await eventually(() => expect(wrapper.get('form [role="status"]').text()).toBe('Saved'));
    const ask = vi.fn(() => false);
    window.confirm = ask;
    await router.push('/');
    expect(ask).not.toHaveBeenCalled();
    expect(router.currentRoute.value.path).toBe('/');
  });

  it('shows a failure to read the settings through the error message', async () => {
    const workspace = await testWorkspace();
    const message = 'Rapport could not read your practice settings.';
    workspace.settings.get = () => Promise.reject(new RapportError('IO_ERROR', message));
    const { wrapper } = await mountWithWorkspace(SettingsView, workspace);
    await eventually(() => expect(wrapper.find('[role="alert"]').text()).toBe(message));
    expect(wrapper.find('#settings-coachName').exists()).toBe(false);
  });
});
