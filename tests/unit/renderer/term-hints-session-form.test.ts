// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import SessionForm from '../../../renderer/src/components/sessions/SessionForm.vue';
import TermHints from '../../../renderer/src/components/terminology/TermHints.vue';
import { RapportError } from '../../../shared/errors';
import { mountWithWorkspace } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

describe('TermHints', () => {
  it('follows the client it is given and ignores a late answer for the previous one', async () => {
    const workspace = await testWorkspace();
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    await workspace.terminology.create(amara.id, { term: 'the big move', meaning: '' });
    await workspace.terminology.create(bruno.id, { term: 'plan B', meaning: '' });
    const get = workspace.clients.get.bind(workspace.clients);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A failing assertion must not leave the call held: later tests wait for every call to settle.
    onTestFinished(() => release());
    let lateAnswer: Promise<unknown> | undefined;
    workspace.clients.get = (clientId) => {
      if (clientId !== amara.id || lateAnswer) return get(clientId);
      const late = gate.then(() => get(clientId));
      lateAnswer = late;
      return late;
    };
    const { wrapper } = await mountWithWorkspace(TermHints, workspace, { clientId: amara.id }, { settle: false });
    await wrapper.setProps({ clientId: bruno.id });
    await vi.waitFor(() => expect(wrapper.text()).toContain('plan B'));

    release();
    await lateAnswer;
    await flushPromises();
    expect(wrapper.text()).toContain('plan B');
    expect(wrapper.text()).not.toContain('the big move');
  });

  it('says so when the client cannot be read', async () => {
    const workspace = await testWorkspace();
    const { wrapper } = await mountWithWorkspace(TermHints, workspace, { clientId: 'no-such-client' });
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
  });
});

describe('SessionForm', () => {
  it('shows the practice’s default length in the empty Length box', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    await workspace.settings.update({ defaultSessionMinutes: 75 });
    const { wrapper } = await mountWithWorkspace(SessionForm, workspace, { clientId: client.id });
    expect(wrapper.find('input[type="number"]').attributes('placeholder')).toBe('75');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('shows a failure to read the settings through the error message rather than hiding it', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const message = 'Rapport could not read your practice settings.';
    workspace.settings.get = () => Promise.reject(new RapportError('IO_ERROR', message));
    const { wrapper } = await mountWithWorkspace(SessionForm, workspace, { clientId: client.id });
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe(message));
    expect(wrapper.find('input[type="number"]').attributes('placeholder')).toBe('60');
  });
});
