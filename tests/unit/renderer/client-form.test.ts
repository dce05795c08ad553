// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import ClientForm from '../../../renderer/src/components/clients/ClientForm.vue';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';
import { eventually } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

function statusText(wrapper: Awaited<ReturnType<typeof mountWithWorkspace>>['wrapper']): string {
  return wrapper.get('[role="status"]').text();
}

describe('ClientForm: a new client', () => {
  it('creates a client with every field, and the workspace holds exactly what was typed', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);

    await wrapper.get('#client-name').setValue('  Amara Okafor ');
    await wrapper.get('#client-preferredName').setValue('Amara');
    await wrapper.get('#client-pronouns').setValue('she/her');
    await wrapper.get('#client-email').setValue('amara@example.com');
    await wrapper.get('#client-phone').setValue('+44 20 7946 0958');
    await wrapper.get('#client-currentRole').setValue('Senior analyst');
    await wrapper.get('#client-targetRole').setValue('Head of data');
    await wrapper.get('#client-organisation').setValue('Northwind');
    await wrapper.get('#client-status').setValue('active');
    await wrapper.get('#client-tags').setValue('leadership, , career change,');
    await wrapper.get('#client-startDate').setValue('2026-01-15');
    await wrapper.get('#client-billing').setValue('pro-bono');
    await wrapper.get('#client-background').setValue('Ten years in analytics.');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Create client');
    await wrapper.get('form').trigger('submit');

    await eventually(() => expect(statusText(wrapper)).toBe('Saved'));
    const [summary] = await workspace.clients.list();
    expect(await workspace.clients.get(summary.id)).toMatchObject({
      name: 'Amara Okafor',
      preferredName: 'Amara',
      pronouns: 'she/her',
      email: 'amara@example.com',
      phone: '+44 20 7946 0958',
      currentRole: 'Senior analyst',
      targetRole: 'Head of data',
      organisation: 'Northwind',
      status: 'active',
      tags: ['leadership', 'career change'],
      startDate: '2026-01-15',
      billing: 'pro-bono',
      background: 'Ten years in analytics.',
    });
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ id: summary.id, name: 'Amara Okafor' });
  });

  it('labels every field as the coach knows it', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);
    const labels = wrapper.findAll('label').map((label) => [label.text(), label.attributes('for')]);
    expect(labels).toEqual([
      ['Name', 'client-name'],
      ['Preferred name', 'client-preferredName'],
      ['Pronouns', 'client-pronouns'],
      ['Email', 'client-email'],
      ['Phone', 'client-phone'],
      ['Current role', 'client-currentRole'],
      ['Target role', 'client-targetRole'],
      ['Organisation', 'client-organisation'],
      ['Status', 'client-status'],
      ['Tags', 'client-tags'],
      ['Start date', 'client-startDate'],
      ['Coaching hours', 'client-billing'],
      ['Time zone', 'client-timeZone'],
      ['Background', 'client-background'],
    ]);
    for (const [, id] of labels) expect(wrapper.find(`#${id}`).exists()).toBe(true);
    expect(wrapper.get('#client-tags').attributes('aria-describedby')).toBe('client-tags-hint');
    expect(wrapper.get('#client-tags-hint').text()).toBe('Separate tags with commas');
    expect(wrapper.get('#client-startDate').attributes('type')).toBe('date');
  });

  it('shows an invalid email under Email, focuses it and saves nothing', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);

    await wrapper.get('#client-name').setValue('Amara Okafor');
    await wrapper.get('#client-email').setValue('amara-at-example');
    await wrapper.get('form').trigger('submit');

    await eventually(() => expect(document.activeElement?.id).toBe('client-email'));
    const email = wrapper.get('#client-email');
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(email.attributes('aria-describedby')).toBe('client-email-error');
    expect(wrapper.get('#client-email-error').text()).toBe('Please enter an email address like name@example.com.');
    expect(wrapper.get('#client-name').attributes('aria-invalid')).toBe('false');
    expect(statusText(wrapper)).toMatch(/Nothing was saved/);
    expect(await workspace.clients.list()).toEqual([]);
  });

  it('focuses the first invalid field in form order', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);
    await wrapper.get('#client-phone').setValue('call me maybe');
    await wrapper.get('form').trigger('submit');

    await eventually(() => expect(document.activeElement?.id).toBe('client-name'));
    expect(wrapper.get('#client-name-error').text()).toBe('Please enter the client’s name.');
    expect(wrapper.get('#client-phone-error').text()).toMatch(/digits, spaces/);
    expect(await workspace.clients.list()).toEqual([]);
  });

  it('checks a field when the coach leaves it after typing, and clears the message once fixed', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);
    const email = wrapper.get('#client-email');

    await wrapper.get('#client-name').trigger('focusout');
    expect(wrapper.find('#client-name-error').exists()).toBe(false);

    await email.setValue('not an email');
    await email.trigger('focusout');
    expect(wrapper.get('#client-email-error').text()).toMatch(/email address/);
    expect(wrapper.find('#client-name-error').exists()).toBe(false);

    await email.setValue('amara@example.com');
    await email.trigger('focusout');
    expect(wrapper.find('#client-email-error').exists()).toBe(false);
    expect(email.attributes('aria-invalid')).toBe('false');
  });

  it('leaves the check to the submit when the coach goes straight to the button', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);
    const email = wrapper.get('#client-email');
    await email.setValue('not an email');
    // A message appearing on the way to the button would shift it from under the pointer.
    await email.trigger('focusout', { relatedTarget: wrapper.get('button[type="submit"]').element });
    expect(wrapper.find('#client-email-error').exists()).toBe(false);

    await wrapper.get('form').trigger('submit');
    await eventually(() => expect(wrapper.find('#client-email-error').exists()).toBe(true));
  });

  it('submits with Ctrl+S and with Cmd+S', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace);
    await wrapper.get('#client-name').setValue('Bo Lindqvist');
    await wrapper.get('#client-name').trigger('keydown', { key: 's', ctrlKey: true });
    await eventually(async () => expect((await workspace.clients.list()).map((c) => c.name)).toEqual(['Bo Lindqvist']));

    const second = (await mountWithWorkspace(ClientForm, workspace)).wrapper;
    await second.get('#client-name').setValue('Chen Wei');
    await second.get('#client-background').trigger('keydown', { key: 'S', metaKey: true });
    await eventually(async () => expect((await workspace.clients.list()).map((c) => c.name)).toEqual(['Bo Lindqvist', 'Chen Wei']));
  });
});

describe('ClientForm: editing', () => {
  it('saves only what changed and says so', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', organisation: 'Northwind', tags: ['a'] });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace, { client });

    expect(wrapper.get('#client-name').element).toHaveProperty('value', 'Amara Okafor');
    expect(wrapper.get('#client-tags').element).toHaveProperty('value', 'a');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save changes');
    await wrapper.get('#client-organisation').setValue('Contoso');
    await wrapper.get('form').trigger('submit');
    expect(statusText(wrapper)).toBe('Saving…');

    await eventually(() => expect(statusText(wrapper)).toBe('Saved'));
    expect(await workspace.clients.get(client.id)).toMatchObject({ name: 'Amara Okafor', organisation: 'Contoso', tags: ['a'] });
    await wrapper.get('#client-pronouns').setValue('she/her');
    expect(statusText(wrapper)).toBe('');
  });

  it('shows main’s refusal under the field it concerns', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace, { client });
    // Archived elsewhere while this form still shows her as active.
    await workspace.clients.archive(client.id);

    await wrapper.get('#client-status').setValue('paused');
    await wrapper.get('form').trigger('submit');

    await eventually(() => expect(wrapper.find('#client-status-error').exists()).toBe(true));
    expect(wrapper.get('#client-status-error').text()).toBe('Use Archive and Unarchive to change whether a client is archived.');
    expect(wrapper.get('#client-status').attributes('aria-invalid')).toBe('true');
    expect(statusText(wrapper)).toBe('Use Archive and Unarchive to change whether a client is archived.');
    expect((await workspace.clients.get(client.id)).status).toBe('archived');
  });

  it('keeps the client’s time zone, offers the runtime’s zones, and shows an unknown one under the field', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Ben Ortiz', status: 'active' });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace, { client });
    const offered = wrapper.findAll('#client-time-zones option').map((option) => option.attributes('value'));
    expect(offered).toContain('America/New_York');
    expect(offered).toHaveLength(Intl.supportedValuesOf('timeZone').length);

    await wrapper.get('#client-timeZone').setValue('Mars/Olympus_Mons');
    await wrapper.get('form').trigger('submit');
    await eventually(() => expect(wrapper.find('#client-timeZone-error').exists()).toBe(true));
    expect(wrapper.get('#client-timeZone').attributes('aria-invalid')).toBe('true');
    expect((await workspace.clients.get(client.id)).timeZone).toBe('');

    await wrapper.get('#client-timeZone').setValue('America/New_York');
    await wrapper.get('form').trigger('submit');
    await eventually(() => expect(statusText(wrapper)).toBe('Saved'));
    expect((await workspace.clients.get(client.id)).timeZone).toBe('America/New_York');
  });

  it('keeps what the coach is typing when the stored client changes underneath', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const { wrapper } = await mountWithWorkspace(ClientForm, workspace, { client });
    await wrapper.get('#client-organisation').setValue('Contoso');

    await wrapper.setProps({ client: await workspace.clients.archive(client.id) });

    expect(wrapper.get('#client-organisation').element).toHaveProperty('value', 'Contoso');
    const status = wrapper.get('#client-status');
    expect(status.element).toHaveProperty('value', 'archived');
    expect(status.attributes('disabled')).toBeDefined();
    expect(status.attributes('aria-describedby')).toBe('client-status-hint');
  });
});
