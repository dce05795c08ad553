// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { formatInstantWeekdayStamp } from '../../../renderer/src/format';
import { clientTabs } from '../../../renderer/src/views/client-tabs';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

function buttonNamed(wrapper: Wrapper, name: string) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

function listedNames(wrapper: Wrapper): string[] {
  return wrapper.findAll('nav[aria-label="Clients"] a').map((link) => link.text());
}

describe('the client page', () => {
  const registered = clientTabs.length;
  afterEach(() => {
    clientTabs.splice(registered);
  });

  it('shows the client’s name and key facts as a header, the overview first, and the profile one button away', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({
      name: 'Amara Okafor',
      preferredName: 'Ama',
      pronouns: 'she/her',
      status: 'active',
      email: 'amara@example.org',
      phone: '+1 212 555 0100',
      tags: ['leadership', 'career change'],
      timeZone: 'America/New_York',
      currentRole: 'Analyst',
      targetRole: 'Head of Data',
    });
    await workspace.sessions.create(client.id, { startsAt: '2026-03-05T14:00:00.000Z', mode: 'video' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}`);

    await eventually(() => expect(wrapper.find('#overview-next-heading').exists()).toBe(true));
    const header = wrapper.get('header');
    expect(header.get('h1').text()).toBe('Amara Okafor');
    expect(header.text()).toContain('Goes by Ama · she/her · Analyst, aiming for Head of Data');
    expect(header.get('.badge').text()).toBe('Active');
    const facts = Object.fromEntries(header.findAll('.facts > div').map((fact) => [fact.get('dt').text(), fact.get('dd').text()]));
    expect(facts).toMatchObject({
      Contact: 'amara@example.org +1 212 555 0100',
      'Time zone': 'America/New York',
      Tags: 'leadership career change',
    });
    expect(facts['Next session']).toBe(formatInstantWeekdayStamp('2026-03-05T14:00:00.000Z'));
    // No form on the client's home.
    expect(wrapper.find('#client-name').exists()).toBe(false);
    const tab = wrapper.get('[role="tab"]');
    expect(tab.text()).toBe('Overview');
    expect(tab.attributes('aria-selected')).toBe('true');
    expect(wrapper.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe(tab.attributes('id'));

    await buttonNamed(wrapper, 'Edit profile').trigger('click');
    await eventually(() => expect(router.currentRoute.value.query.tab).toBe('profile'));
    await eventually(() => expect(document.activeElement?.id).toBe('profile-heading'));
    expect(wrapper.get<HTMLInputElement>('#client-name').element.value).toBe('Amara Okafor');
    expect(wrapper.findAll('button').some((button) => button.text() === 'Edit profile')).toBe(false);
  });

  it('asks before the profile’s unsaved edits are lost, and keeps them when the coach stays', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-targetRole').exists()).toBe(true));
    await wrapper.get('#client-targetRole').setValue('Head of Data');

    const asked: string[] = [];
    // happy-dom has no window.confirm: this is the coach answering "stay".
    window.confirm = (message?: string) => {
      asked.push(String(message));
      return false;
    };
    await wrapper.get('#client-tab-overview').trigger('click');
    await eventually(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toMatch(/not saved yet/);
    expect(router.currentRoute.value.query.tab).toBe('profile');
    expect(wrapper.get<HTMLInputElement>('#client-targetRole').element.value).toBe('Head of Data');
    Reflect.deleteProperty(window, 'confirm');
  });

  it('updates the header and the sidebar after saving the profile', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));

    await wrapper.get('#client-name').setValue('Amara Okafor-Reid');
    await buttonNamed(wrapper, 'Save changes').trigger('click');

    await eventually(() => expect(wrapper.get('header h1').text()).toBe('Amara Okafor-Reid'));
    expect(listedNames(wrapper)).toEqual(['Amara Okafor-Reid']);
    expect((await workspace.clients.get(client.id)).name).toBe('Amara Okafor-Reid');
  });

  it('archives and unarchives a client', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'paused' });
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(listedNames(wrapper)).toEqual(['Amara Okafor']));
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));

    await buttonNamed(wrapper, 'Archive client').trigger('click');
    await eventually(() => expect(wrapper.get('header .badge').text()).toBe('Archived'));
    expect((await workspace.clients.get(client.id)).status).toBe('archived');
    expect(listedNames(wrapper)).toEqual([]);
    expect(wrapper.get('#client-status').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Amara Okafor is archived.');

    await buttonNamed(wrapper, 'Unarchive client').trigger('click');
    await eventually(() => expect(wrapper.get('header .badge').text()).toBe('Paused'));
    expect((await workspace.clients.get(client.id)).status).toBe('paused');
    expect(listedNames(wrapper)).toEqual(['Amara Okafor']);
    expect(wrapper.get('#client-status').element).toHaveProperty('value', 'paused');
    expect(wrapper.get('#client-status').attributes('disabled')).toBeUndefined();
  });

  it('shows a refused archive through the error message beside the button', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'paused' });
    const { wrapper } = await mountApp(workspace, `/clients/${client.id}?tab=profile`);
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));
    // Deleted in another window meanwhile: main answers NOT_FOUND.
    await workspace.clients.remove(client.id, 'Amara Okafor');
    await buttonNamed(wrapper, 'Archive client').trigger('click');
    await eventually(() => expect(wrapper.find('.archive [role="alert"]').exists()).toBe(true));
    expect(wrapper.get('.archive [role="alert"]').text()).not.toBe('');
    expect(wrapper.text()).not.toContain('Amara Okafor is archived.');
  });

  it('keeps the chosen tab in the address and moves between tabs with the arrow keys', async () => {
    const extra = defineComponent({
      props: { clientId: { type: String, required: true } },
      setup: (props) => () => h('p', { class: 'extra' }, `Extra for ${props.clientId}`),
    });
    clientTabs.push({ id: 'extra', label: 'Extra', component: extra });
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const { wrapper, router } = await mountApp(workspace, `/clients/${client.id}?tab=extra`);

    await eventually(() => expect(wrapper.find('.extra').exists()).toBe(true));
    expect(wrapper.get('.extra').text()).toBe(`Extra for ${client.id}`);
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual([...tabs.slice(1).map(() => '-1'), '0']);

    await tabs[tabs.length - 1].trigger('keydown', { key: 'ArrowRight' });
    await eventually(() => expect(router.currentRoute.value.query.tab).toBe('overview'));
    await eventually(() => expect(document.activeElement?.id).toBe('client-tab-overview'));
    await eventually(() => expect(wrapper.find('#overview-next-heading').exists()).toBe(true));

    await wrapper.get('#client-tab-overview').trigger('keydown', { key: 'End' });
    await eventually(() => expect(router.currentRoute.value.query.tab).toBe('extra'));
    await wrapper.get('#client-tab-profile').trigger('click');
    await eventually(() => expect(router.currentRoute.value.query.tab).toBe('profile'));
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));
  });

  it('says so when the client does not exist', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountApp(workspace, '/clients/0b7c6a52-5d0e-4c43-9a55-3a3f6b0f4d11');
    await eventually(() => expect(wrapper.find('.empty-state [role="alert"]').exists()).toBe(true));
    expect(wrapper.get('h1').text()).toBe('Client not available');
  });
});
