// @vitest-environment happy-dom
import { chooseFromMenu } from '../../helpers/menu';
import { describe, expect, it } from 'vitest';
import { runMenuCommand } from '../../../renderer/src/composables/menu-commands';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

function buttonNamed(wrapper: Wrapper, name: string) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

const focused = () => document.activeElement as HTMLElement | null;

describe('keyboard focus after the coach acts', () => {
  it('"New client" puts the cursor in Name, and creating the client moves focus to their name', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper, router } = await mountApp(workspace, '/');
    await buttonNamed(wrapper, 'New client').trigger('click');
    await eventually(() => expect(focused()?.id).toBe('client-name'));

    await wrapper.get('#client-name').setValue('Amara Okafor');
    await wrapper.get('form.client-form').trigger('submit');
    await eventually(() => expect(router.currentRoute.value.name).toBe('client'));
    await eventually(() => expect(focused()?.tagName).toBe('H1'));
    expect(focused()?.textContent).toBe('Amara Okafor');
  });

  it('File › New Session opens the scheduling form at its first field', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}`);
    await eventually(() => expect(wrapper.find('#overview-next-heading').exists()).toBe(true));

    runMenuCommand('new-session', router, { openSearch: () => undefined, print: () => undefined });

    await eventually(() => expect(wrapper.find('form[aria-label="Schedule a session"]').exists()).toBe(true));
    expect(router.currentRoute.value.query.tab).toBe('sessions');
    await eventually(() => expect(focused()?.getAttribute('type')).toBe('date'));
  });

  it('focuses a scheduled session, and the next row after a delete', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const later = await workspace.sessions.create(client.id, { startsAt: '2026-03-20T10:00:00.000Z', mode: 'video' });
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=sessions`);
    await eventually(() => expect(wrapper.find(`[data-record-id="${later.id}"]`).exists()).toBe(true));

    await buttonNamed(wrapper, 'Schedule a session').trigger('click');
    const form = wrapper.get('form[aria-label="Schedule a session"]');
    await form.get('input[type="date"]').setValue('2026-03-10');
    await form.get('input[type="time"]').setValue('10:00');
    await form.trigger('submit');
    await eventually(async () => expect((await workspace.sessions.list(client.id)).length).toBe(2));
    const created = (await workspace.sessions.list(client.id)).find((session) => session.id !== later.id)!;
    await eventually(() => expect(focused()?.dataset.recordId).toBe(created.id));

    const card = wrapper.get(`[data-record-id="${created.id}"]`);
    await chooseFromMenu(card, 'Delete…');
    await card
      .findAll('button')
      .find((button) => button.text() === 'Delete session')!
      .trigger('click');
    await eventually(() => expect(focused()?.dataset.recordId).toBe(later.id));

    const last = wrapper.get(`[data-record-id="${later.id}"]`);
    await chooseFromMenu(last, 'Delete…');
    await last
      .findAll('button')
      .find((button) => button.text() === 'Delete session')!
      .trigger('click');
    await eventually(() => expect(focused()?.id).toBe('sessions-heading'));
  });

  it('focuses the added note, and the next note after a delete', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const first = await workspace.notes.create(client.id, 'First conversation.');
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=notes`);
    await eventually(() => expect(wrapper.find(`[data-record-id="${first.id}"]`).exists()).toBe(true));

    await wrapper.get('#new-note').setValue('Second conversation.');
    await wrapper.get('form.add').trigger('submit');
    await eventually(() => expect(focused()?.textContent).toContain('Second conversation.'));

    const newest = focused()!.dataset.recordId!;
    await wrapper
      .get(`[data-record-id="${newest}"]`)
      .findAll('button')
      .find((button) => button.text() === 'Delete')!
      .trigger('click');
    await eventually(() => expect(focused()?.dataset.recordId).toBe(first.id));
  });
});
