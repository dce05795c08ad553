// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import SessionsPanel from '../../../../renderer/src/components/sessions/SessionsPanel.vue';
import { testWorkspace } from '../../../helpers/workspace-api';
import { chooseFromMenu } from '../../../helpers/menu';
import { mountWithWorkspace, settle } from '../../../helpers/mount';

type Finder = { findAll(selector: string): { text(): string; trigger(event: string): Promise<void> }[] };
function buttonNamed(wrapper: Finder, name: string) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}

describe('SessionsPanel', () => {
  it('schedules a session at the local date and time typed, with the default length', async () => {
    const workspace = await testWorkspace();
    await workspace.settings.update({ defaultSessionMinutes: 50 });
    const client = await workspace.clients.create({ name: 'Amara' });
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });
    expect(wrapper.text()).toContain('No sessions yet.');

    await buttonNamed(wrapper, 'Schedule a session').trigger('click');
    await wrapper.find('input[type="date"]').setValue('2031-05-06');
    await wrapper.find('input[type="time"]').setValue('14:30');
    await wrapper.find('input[type="radio"][value="in-person"]').setValue(true);
    await wrapper.find('input[id$="-location"]').setValue('Café Nord, 2nd floor');
    await wrapper.find('form').trigger('submit');
    // Durable writes can outlast settle() on a busy machine; wait for the saved session itself.
    const session = await vi.waitFor(async () => {
      const [saved] = await workspace.sessions.list(client.id);
      if (!saved) throw new Error('not saved yet');
      return saved;
    });
    await settle();

    expect(session).toMatchObject({
      startsAt: new Date(2031, 4, 6, 14, 30).toISOString(),
      durationMinutes: 50,
      mode: 'in-person',
      location: 'Café Nord, 2nd floor',
    });
    expect(wrapper.find(`#session-${session.id}`).text()).toContain('Café Nord, 2nd floor');
  });

  it('counts a session as pro bono or as a group for the hours log, and back to the client’s setting', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Amara', billing: 'paid' });
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });

    await buttonNamed(wrapper, 'Schedule a session').trigger('click');
    await wrapper.find('input[type="date"]').setValue('2031-05-06');
    await wrapper.find('input[type="time"]').setValue('14:30');
    expect(wrapper.find<HTMLSelectElement>('select[id$="-billing"]').element.value).toBe('');
    await wrapper.find('select[id$="-billing"]').setValue('pro-bono');
    await wrapper.find('input[id$="-group-size"]').setValue('4');
    await wrapper.find('form').trigger('submit');
    const session = await vi.waitFor(async () => {
      const [saved] = await workspace.sessions.list(client.id);
      if (!saved) throw new Error('not saved yet');
      return saved;
    });
    expect(session).toMatchObject({ billing: 'pro-bono', groupSize: 4 });
    await settle();

    await chooseFromMenu(wrapper.find(`#session-${session.id}`), 'Edit');
    await wrapper.find('select[id$="-billing"]').setValue('');
    await wrapper.find('input[id$="-group-size"]').setValue('0');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('.field-error').text()).toBe('At least one person takes part.'));
    expect((await workspace.sessions.list(client.id))[0]).toMatchObject({ billing: 'pro-bono', groupSize: 4 });
    await wrapper.find('input[id$="-group-size"]').setValue('1');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => expect((await workspace.sessions.list(client.id))[0]).toMatchObject({ billing: null, groupSize: 1 }));
  });

  it('asks for a date and time before scheduling', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Ben' });
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });
    await buttonNamed(wrapper, 'Schedule a session').trigger('click');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => expect(wrapper.find('.field-error').text()).toBe('Please choose a date and a start time.'));
    expect(wrapper.find('input[type="date"]').attributes('aria-invalid')).toBe('true');
    expect(await workspace.sessions.list(client.id)).toEqual([]);
  });

  it('stamps materials from the menu and undoes; marks a past session held and saves a reflection', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Chen' });
    const session = await workspace.sessions.create(client.id, { startsAt: '2031-01-01T10:00:00.000Z', mode: 'video' });
    const past = await workspace.sessions.create(client.id, { startsAt: '2021-01-01T10:00:00.000Z', mode: 'video' });
    await workspace.sessions.update(client.id, past.id, { notes: 'Talked about the CV.' });
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });
    const item = () => wrapper.find(`#session-${session.id}`);
    const pastItem = () => wrapper.find(`#session-${past.id}`);

    await chooseFromMenu(item(), 'Mark materials sent');
    await vi.waitFor(async () => expect(item().text()).toContain('Materials sent'));
    await item().find('button[aria-label="Undo materials sent"]').trigger('click');
    await vi.waitFor(async () => expect((await workspace.sessions.list(client.id))[1].materialsSentAt).toBeNull());

    await chooseFromMenu(pastItem(), 'Mark held');
    await vi.waitFor(async () => expect((await workspace.sessions.list(client.id))[0].status).toBe('held'));

    await buttonNamed(pastItem(), 'Reflect').trigger('click');
    await wrapper.find('input[type="checkbox"][value="filled-silences"]').setValue(true);
    await wrapper.find('input[type="checkbox"][value="asked-open-questions"]').setValue(true);
    await wrapper.find('form[aria-label="Reflection on this session"] textarea').setValue('Rushed the ending.');
    await buttonNamed(wrapper, 'Save reflection').trigger('click');
    await settle();
    expect((await workspace.sessions.list(client.id))[0].reflection).toMatchObject({
      signs: ['filled-silences'],
      habits: ['asked-open-questions'],
      text: 'Rushed the ending.',
    });
    expect(wrapper.find('form[aria-label="Reflection on this session"] [role="status"]').text()).toBe('Reflection saved.');
    expect(item().find(`a[href="/clients/${client.id}/sessions/${session.id}/agenda?stage=prepare"]`).text()).toBe('Plan the agenda');
  });

  it('adds a commitment from a session, linked to it', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Dana' });
    const session = await workspace.sessions.create(client.id, { startsAt: '2031-01-01T10:00:00.000Z', mode: 'phone' });
    const { wrapper } = await mountWithWorkspace(SessionsPanel, workspace, { clientId: client.id });
    await chooseFromMenu(wrapper.find(`#session-${session.id}`), 'Add commitment');
    await wrapper.find('form[aria-label="Add a commitment"] input[type="text"]').setValue('Share two job ads');
    await wrapper.find('form[aria-label="Add a commitment"]').trigger('submit');
    await vi.waitFor(async () =>
      expect(await workspace.commitments.list(client.id)).toEqual([
        expect.objectContaining({ text: 'Share two job ads', sessionId: session.id }),
      ]),
    );
  });
});
