// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { workspaceWithSession } from '../agenda/agenda-workspace';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

/** The coach's answer to "leave and lose the changes?" (happy-dom has no window.confirm). */
function answerLeaveQuestion(leave: boolean) {
  const ask = vi.fn((_question?: string) => leave);
  window.confirm = ask;
  return ask;
}

afterEach(() => {
  Reflect.deleteProperty(window, 'confirm');
});

describe('client tabs follow the client in the address', () => {
  it('shows the notes of the client named in the header after following a search hit back', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    await workspace.notes.create(amara.id, 'Amara wants a portfolio review.');
    const brunoNote = await workspace.notes.create(bruno.id, 'Bruno is weighing two offers.');
    const { wrapper, router } = await mountApp(workspace, `/clients/${bruno.id}?tab=notes`);
    await eventually(() => expect(wrapper.text()).toContain('Bruno is weighing two offers.'));

    await router.push(`/clients/${amara.id}?tab=notes`);
    await eventually(() => expect(wrapper.text()).toContain('Amara wants a portfolio review.'));

    await router.push(`/clients/${bruno.id}?tab=notes&focus=${brunoNote.id}`);
    await eventually(() => expect(wrapper.get('header h1').text()).toBe('Bruno Silva'));
    await eventually(() => expect(wrapper.text()).toContain('Bruno is weighing two offers.'));
    expect(wrapper.text()).not.toContain('Amara wants a portfolio review.');
  });

  it('shows each client’s sessions, commitments and their words under their own name', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    await workspace.commitments.create(amara.id, { text: 'Send Amara the salary guide', owner: 'coach', dueDate: null });
    await workspace.commitments.create(bruno.id, { text: 'Bruno drafts his cover letter', owner: 'client', dueDate: null });
    await workspace.terminology.create(amara.id, { term: 'the big move', meaning: 'relocating to Lisbon' });
    await workspace.terminology.create(bruno.id, { term: 'plan B', meaning: 'freelancing' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${amara.id}?tab=commitments`);
    await eventually(() => expect(wrapper.text()).toContain('Send Amara the salary guide'));
    await router.push(`/clients/${bruno.id}?tab=commitments`);
    await eventually(() => expect(wrapper.text()).toContain('Bruno drafts his cover letter'));
    expect(wrapper.text()).not.toContain('Send Amara the salary guide');

    await router.push(`/clients/${amara.id}?tab=terminology`);
    await eventually(() => expect(wrapper.text()).toContain('the big move'));
    await router.push(`/clients/${bruno.id}?tab=terminology`);
    await eventually(() => expect(wrapper.text()).toContain('plan B'));
    expect(wrapper.text()).not.toContain('the big move');
  });
});

describe('unsaved edits are never dropped silently', () => {
  it('asks before leaving a profile with unsaved changes, and keeps the edit when the coach stays', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-targetRole').exists()).toBe(true));
    await wrapper.get('#client-targetRole').setValue('Design director');

    const ask = answerLeaveQuestion(false);
    await wrapper
      .findAll('a')
      .find((link) => link.text() === 'Today')!
      .trigger('click');
    await flushPromises();
    expect(ask).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.path).toBe(`/clients/${client.id}`);
    expect(wrapper.get<HTMLInputElement>('#client-targetRole').element.value).toBe('Design director');

    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(true);

    ask.mockReturnValue(true);
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/');
  });

  it('lets the coach leave without a question once the edit is saved', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-targetRole').exists()).toBe(true));
    await wrapper.get('#client-targetRole').setValue('Design director');
    await wrapper.get('form.client-form').trigger('submit');
    await eventually(() => expect(wrapper.text()).toContain('Saved'));

    const ask = answerLeaveQuestion(false);
    await router.push('/');
    expect(ask).not.toHaveBeenCalled();
    expect(router.currentRoute.value.path).toBe('/');
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(false);
  });
  it('asks before leaving an agenda with unsaved changes', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const { wrapper, router } = await mountApp(workspace, `/clients/${clientId}/sessions/${sessionId}/agenda`);
    await eventually(() => expect(wrapper.findAll('button').some((button) => button.text() === 'Add an item')).toBe(true));
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Add an item')!
      .trigger('click');
    await wrapper.findAll('input[id^="item-title-"]').at(-1)!.setValue('Salary expectations');
    await eventually(() => expect(wrapper.text()).toContain('Unsaved changes'));

    const ask = answerLeaveQuestion(false);
    await router.push('/');
    expect(ask).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('agenda');
    expect(wrapper.findAll<HTMLInputElement>('input[id^="item-title-"]').at(-1)!.element.value).toBe('Salary expectations');
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(true);
  });
});

describe('"Saved" belongs to one client’s form', () => {
  it('does not show "Saved" on the next client’s profile', async () => {
    const workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const bruno = await workspace.clients.create({ name: 'Bruno Silva' });
    // Bruno's file was open before, so his record is at hand and his page shows at once.
    const { wrapper, router } = await mountApp(workspace, `/clients/${bruno.id}`);
    await eventually(() => expect(wrapper.get('header h1').text()).toBe('Bruno Silva'));
    await router.push(`/clients/${amara.id}?tab=profile`);
    await eventually(() => expect(wrapper.get<HTMLInputElement>('#client-name').element.value).toBe('Amara Okafor'));
    await wrapper.get('#client-targetRole').setValue('Design director');
    await wrapper.get('form.client-form').trigger('submit');
    await eventually(() => expect(wrapper.get('.save-indicator').text()).toBe('Saved'));

    await router.push(`/clients/${bruno.id}?tab=profile`);
    await eventually(() => expect(wrapper.get('header h1').text()).toBe('Bruno Silva'));
    await eventually(() => expect(wrapper.get<HTMLInputElement>('#client-name').element.value).toBe('Bruno Silva'));
    expect(wrapper.get('.save-indicator').text()).toBe('');
  });
});
