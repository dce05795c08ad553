// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import SessionItem from '../../../renderer/src/components/sessions/SessionItem.vue';
import { chooseFromMenu, menuLabels, openMenu } from '../../helpers/menu';
import { mountWithWorkspace, settle } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

const DAY = 24 * 60 * 60_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function practice() {
  const workspace = await testWorkspace();
  await workspace.settings.update({ coachName: 'Sam Rivera' });
  const client = await workspace.clients.create({ name: 'Amara Okafor', email: 'amara@example.com' });
  return { workspace, clientId: client.id };
}

type Wrapper = Awaited<ReturnType<typeof mountWithWorkspace>>['wrapper'];
const buttons = (wrapper: Wrapper) => wrapper.findAll('button').map((button) => button.text());
const primary = (wrapper: Wrapper) => wrapper.findAll('.actions .primary').map((element) => element.text());

describe('session card', () => {
  it('a past session shows Write up as its one next action and offers no reconfirming or materials anywhere', async () => {
    const { workspace, clientId } = await practice();
    const created = await workspace.sessions.create(clientId, {
      startsAt: inDays(-3),
      mode: 'video',
      location: 'https://meet.example/abc',
    });
    const session = await workspace.sessions.setStatus(clientId, created.id, 'held');
    const { wrapper } = await mountWithWorkspace(SessionItem, workspace, { clientId, session });

    expect(primary(wrapper)).toEqual(['Write up']);
    await openMenu(wrapper);
    const offered = menuLabels();
    expect(offered).toEqual([
      'Open the agenda',
      'Reflect',
      'Send recap',
      'Print the recap…',
      'Save the recap as PDF…',
      'Add commitment',
      'Back to planned',
      'Edit',
      'Delete…',
    ]);
    for (const label of ['Reconfirm', 'Mark reconfirmed', 'Send materials', 'Mark materials sent', 'Add to calendar', 'Write up']) {
      expect(offered).not.toContain(label);
    }
    expect(buttons(wrapper)).not.toContain('Reconfirm');
    expect(buttons(wrapper)).not.toContain('Send materials');
  });

  it('after writing up, the next action is Reflect; once reflected, nothing is waiting', async () => {
    const { workspace, clientId } = await practice();
    const created = await workspace.sessions.create(clientId, { startsAt: inDays(-1), mode: 'phone' });
    const { wrapper } = await mountWithWorkspace(SessionItem, workspace, { clientId, session: created });

    await wrapper.get('.actions .primary').trigger('click');
    await wrapper.get(`#notes-${created.id}`).setValue('Went through two job ads.');
    await wrapper.get('form').trigger('submit');
    const written = await vi.waitFor(async () => {
      const [saved] = await workspace.sessions.list(clientId);
      if (saved.notes === '') throw new Error('not saved yet');
      return saved;
    });
    await wrapper.setProps({ session: written });
    expect(primary(wrapper).filter((text) => text !== 'Save notes')).toEqual(['Reflect']);

    const reflected = await workspace.sessions.saveReflection(clientId, created.id, { signs: [], habits: [], text: 'Listened.' });
    await wrapper.setProps({ session: reflected });
    await chooseFromMenu(wrapper, 'Session notes');
    expect(wrapper.findAll('.actions .primary')).toHaveLength(0);
  });

  it('an upcoming session leads through plan, share and send materials, and its meeting link opens outside', async () => {
    const { workspace, clientId } = await practice();
    const session = await workspace.sessions.create(clientId, {
      startsAt: inDays(10),
      mode: 'video',
      location: 'Video: https://meet.example/abc',
    });
    const first = await mountWithWorkspace(SessionItem, workspace, { clientId, session });
    const plan = first.wrapper.get('.actions a.primary');
    expect(plan.text()).toBe('Plan the agenda');
    expect(plan.attributes('href')).toBe(`/clients/${clientId}/sessions/${session.id}/agenda?stage=prepare`);
    await openMenu(first.wrapper);
    expect(menuLabels()).not.toContain('Write up');
    expect(menuLabels()).not.toContain('Reflect');
    expect(menuLabels()).not.toContain('Mark held');
    expect(menuLabels()).toContain('Reconfirm');

    await first.wrapper.get('a[href="https://meet.example/abc"]').trigger('click');
    await settle();
    expect(first.desktopCalls.filter((call) => call.method === 'openExternal').map((call) => call.args[0])).toEqual([
      'https://meet.example/abc',
    ]);
    first.wrapper.unmount();

    await workspace.agendas.save(clientId, session.id, { goals: [{ text: 'Leave with a plan' }], items: [] });
    const second = await mountWithWorkspace(SessionItem, workspace, { clientId, session });
    expect(second.wrapper.get('.actions a.primary').text()).toBe('Share the agenda');
    second.wrapper.unmount();

    await workspace.agendas.share(clientId, session.id);
    const third = await mountWithWorkspace(SessionItem, workspace, { clientId, session });
    expect(primary(third.wrapper)).toEqual(['Send materials']);
    expect(third.wrapper.text()).toContain('Agenda shared');
  });

  it('an email chosen from the menu opens at once and asks whether it went out', async () => {
    const { workspace, clientId } = await practice();
    const session = await workspace.sessions.create(clientId, { startsAt: inDays(10), mode: 'phone' });
    const { wrapper, desktopCalls } = await mountWithWorkspace(SessionItem, workspace, { clientId, session });

    await chooseFromMenu(wrapper, 'Reconfirm');
    await settle();
    await vi.waitFor(() => expect(wrapper.text()).toContain('Did you send it?'));
    const opened = desktopCalls.filter((call) => call.method === 'openExternal').map((call) => call.args[0] as string);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^mailto:amara@example\.com\?/u);
    const yes = wrapper.findAll('button').find((button) => button.text() === 'Yes, it is sent');
    await yes?.trigger('click');
    await vi.waitFor(async () => expect((await workspace.sessions.list(clientId))[0].reconfirmedAt).not.toBeNull());
  });

  it('a place that is not a link is plain text with a copy action', async () => {
    const { workspace, clientId } = await practice();
    const session = await workspace.sessions.create(clientId, { startsAt: inDays(3), mode: 'in-person', location: 'Café Nord, 2nd floor' });
    const { wrapper } = await mountWithWorkspace(SessionItem, workspace, { clientId, session });
    expect(wrapper.find('.place a').exists()).toBe(false);
    await wrapper.get('button[aria-label="Copy the place"]').trigger('click');
    await settle();
    expect(await navigator.clipboard.readText()).toBe('Café Nord, 2nd floor');
    expect(wrapper.get('[role="status"]').text()).toBe('Place copied.');
  });

  it('a cancelled session has no next action and only what still applies', async () => {
    const { workspace, clientId } = await practice();
    const created = await workspace.sessions.create(clientId, { startsAt: inDays(2), mode: 'phone' });
    const session = await workspace.sessions.setStatus(clientId, created.id, 'cancelled');
    const { wrapper } = await mountWithWorkspace(SessionItem, workspace, { clientId, session });
    expect(wrapper.findAll('.actions .primary')).toHaveLength(0);
    await openMenu(wrapper);
    expect(menuLabels()).toEqual(['Open the agenda', 'Session notes', 'Back to planned', 'Edit', 'Delete…']);
  });
});
