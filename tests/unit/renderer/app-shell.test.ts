// @vitest-environment happy-dom
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import App from '../../../renderer/src/App.vue';
import { API_KEY } from '../../../renderer/src/api/client';
import { DESKTOP_KEY } from '../../../renderer/src/api/desktop';
import { useClientsStore } from '../../../renderer/src/stores/clients';
import { tempDir } from '../../helpers/temp-dir';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';
import { routerFor } from '../../helpers/mount';
import { recordingDesktop } from '../../helpers/recording-desktop';
import { RapportError } from '../../../shared/errors';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

async function practiceWithClients() {
  const workspace = await testWorkspace({ now });
  await workspace.clients.create({
    name: 'Amara Okafor',
    preferredName: 'Ama',
    organisation: 'Northwind',
    status: 'active',
    tags: ['leadership'],
  });
  await workspace.clients.create({ name: 'Bo Lindqvist', organisation: 'Contoso', status: 'paused', tags: ['career change'] });
  await workspace.clients.create({ name: 'Zoë Adams', organisation: 'Fabrikam', status: 'prospect' });
  const archived = await workspace.clients.create({ name: 'Dana Archer', organisation: 'Northwind', status: 'completed' });
  await workspace.clients.archive(archived.id);
  return workspace;
}

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

function listedNames(wrapper: Wrapper): string[] {
  return wrapper.findAll('nav[aria-label="Clients"] a').map((link) => link.text());
}

describe('the app shell', () => {
  it('welcomes a new coach with the first thing to do', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper, router } = await mountApp(workspace, '/');

    await eventually(() => expect(wrapper.find('.empty-state').exists()).toBe(true));
    expect(wrapper.get('.empty-state').text()).toContain('Add your first client');
    expect(wrapper.get('nav[aria-label="Clients"]').text()).toContain('No clients yet.');

    const button = wrapper.findAll('.empty-state a, .empty-state button').find((candidate) => candidate.text() === 'Add your first client');
    await button?.trigger('click');
    await eventually(() => expect(router.currentRoute.value.fullPath).toBe('/clients/new'));
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));
  });

  it('has no welcome once there are clients', async () => {
    const workspace = await practiceWithClients();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(wrapper.find('h1').text()).toMatch(/^Today/));
    expect(wrapper.find('.empty-state').exists()).toBe(false);
  });

  it('lists clients by name, with the status outside the link text, hiding archived ones by default', async () => {
    const workspace = await practiceWithClients();
    const { wrapper } = await mountApp(workspace, '/');

    await eventually(() => expect(listedNames(wrapper)).toEqual(['Amara Okafor', 'Bo Lindqvist', 'Zoë Adams']));
    const firstRow = wrapper.get('nav[aria-label="Clients"] li');
    expect(firstRow.get('a').text()).toBe('Amara Okafor');
    expect(firstRow.get('.badge').text()).toBe('Active');
    expect(firstRow.get('.badge').attributes('aria-hidden')).toBe('true');

    const status = wrapper.get('#client-status-filter');
    expect(wrapper.get('label[for="client-status-filter"]').text()).toBe('Status');
    expect(status.findAll('option').map((option) => option.text())).toEqual([
      'All but archived',
      'All',
      'Prospect',
      'Active',
      'Paused',
      'Completed',
      'Archived',
    ]);
    await status.setValue('archived');
    expect(listedNames(wrapper)).toEqual(['Dana Archer']);
    await status.setValue('all');
    expect(listedNames(wrapper)).toEqual(['Amara Okafor', 'Bo Lindqvist', 'Dana Archer', 'Zoë Adams']);
  });

  it('finds clients from the one sidebar search by name, preferred name, organisation or tag', async () => {
    const workspace = await practiceWithClients();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(3));
    const search = wrapper.get('#search-input');
    expect(wrapper.get('label[for="search-input"]').text()).toContain('Search');
    const found = () => wrapper.findAll('#search-results [role="option"] .client').map((client) => client.text());

    await search.setValue('north');
    await eventually(() => expect(found()).toEqual(['Amara Okafor', 'Dana Archer']));
    await search.setValue('CAREER');
    await eventually(() => expect(found()).toEqual(['Bo Lindqvist']));
    await search.setValue('zoe');
    await eventually(() => expect(found()).toEqual(['Zoë Adams']));
    await search.setValue('nobody');
    await eventually(() => expect(found()).toEqual([]));
    expect(wrapper.get('aside').text()).toContain('Nothing matches “nobody”.');
  });

  it('moves between client links with the arrow keys', async () => {
    const workspace = await practiceWithClients();
    const { wrapper } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(3));
    const links = wrapper.findAll('nav[aria-label="Clients"] a');

    (links[0].element as HTMLElement).focus();
    await links[0].trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1].element);
    await links[1].trigger('keydown', { key: 'ArrowDown' });
    await links[2].trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[0].element);
    await links[0].trigger('keydown', { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[2].element);
  });

  it('offers navigation, a new-client button and a skip link', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper, router } = await mountApp(workspace, '/');
    const navigation = wrapper.get('nav[aria-label="Main"]');
    expect(navigation.findAll('a').map((link) => link.text())).toEqual([
      'Today',
      'Goals',
      'Trust',
      'Job search',
      'Questions',
      'Hours',
      'Settings',
    ]);

    const skip = wrapper.get('a.skip-link');
    expect(skip.text()).toBe('Skip to main content');
    await skip.trigger('click');
    expect(document.activeElement?.id).toBe('main-content');
    expect(router.currentRoute.value.fullPath).toBe('/');

    const newClient = wrapper.findAll('button').find((button) => button.text() === 'New client');
    await newClient?.trigger('click');
    await eventually(() => expect(router.currentRoute.value.fullPath).toBe('/clients/new'));
  });

  it('opens the new client once it is created', async () => {
    const workspace = await testWorkspace({ now });
    const { wrapper, router } = await mountApp(workspace, '/clients/new');
    await eventually(() => expect(wrapper.find('#client-name').exists()).toBe(true));
    await wrapper.get('#client-name').setValue('Amara Okafor');
    await wrapper.get('form').trigger('submit');

    await eventually(async () => expect(await workspace.clients.list()).toHaveLength(1));
    const [created] = await workspace.clients.list();
    await eventually(() => expect(router.currentRoute.value.fullPath).toBe(`/clients/${created.id}`));
    await eventually(() => expect(wrapper.find('h1').text()).toBe('Amara Okafor'));
    expect(listedNames(wrapper)).toEqual(['Amara Okafor']);
  });

  it('says which client’s file could not be read', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'clients'), { recursive: true });
    await writeFile(
      join(dir, 'clients', '0b7c6a52-5d0e-4c43-9a55-3a3f6b0f4d11.json'),
      '{"schemaVersion":1,"client":{"name":"Priya Raman",',
    );
    const workspace = await testWorkspace({ dir, now });
    const { wrapper } = await mountApp(workspace, '/');

    await eventually(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    const alert = wrapper.get('[role="alert"]').text();
    expect(alert).toContain('Rapport could not read one of your files');
    expect(alert).toContain('the file for Priya Raman');
  });

  it('shows the client list failing to load through the one error message', async () => {
    const workspace = await practiceWithClients();
    const message = 'Rapport could not read your client list.';
    workspace.clients.list = () => Promise.reject(new RapportError('IO_ERROR', message));
    const { wrapper } = await mountApp(workspace, '/settings');
    await eventually(() => expect(wrapper.find('main .load-problem[role="alert"]').text()).toBe(message));
  });

  it('shows a failed restore of an unreadable client file through the error message under that file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'clients'), { recursive: true });
    await writeFile(
      join(dir, 'clients', '0b7c6a52-5d0e-4c43-9a55-3a3f6b0f4d11.json'),
      '{"schemaVersion":1,"client":{"name":"Priya Raman",',
    );
    const workspace = await testWorkspace({ dir, now });
    const { wrapper } = await mountApp(workspace, '/');
    // Enabled, too: while another backup task runs (a slow start under load) the button waits.
    await eventually(() => expect(wrapper.find('.affected button:not([disabled])').exists()).toBe(true));

    // There is no automatic backup yet to restore from.
    await wrapper.get('.affected button').trigger('click');
    await eventually(() => expect(wrapper.find('.affected .problem[role="alert"]').exists()).toBe(true));
    expect(wrapper.get('.affected .problem').text()).not.toBe('');
  });

  it('shows a print view alone, without the sidebar', async () => {
    const workspace = await practiceWithClients();
    const printView = defineComponent({ render: () => h('p', { class: 'printed' }, 'Agenda') });
    const { wrapper, pinia } = await mountApp(workspace, '/print/test', [
      { path: '/print/test', component: printView, meta: { print: true } },
    ]);

    expect(wrapper.get('.printed').text()).toBe('Agenda');
    expect(wrapper.find('.app-chrome').exists()).toBe(false);
    expect(wrapper.find('nav').exists()).toBe(false);
    expect(useClientsStore(pinia).loaded).toBe(false);
  });
  it('opens a client from the sidebar and marks whose file is open', async () => {
    const workspace = await practiceWithClients();
    const { wrapper, router } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(3));
    const link = () => wrapper.findAll('nav[aria-label="Clients"] a').find((candidate) => candidate.text() === 'Bo Lindqvist')!;
    const bo = (await workspace.clients.list()).find((client) => client.name === 'Bo Lindqvist')!;
    expect(link().attributes('href')).toBe(router.resolve(`/clients/${bo.id}`).href);
    expect(wrapper.find('nav[aria-label="Clients"] [aria-current]').exists()).toBe(false);

    await link().trigger('click', { button: 0 });
    await eventually(() => expect(router.currentRoute.value.fullPath).toBe(`/clients/${bo.id}`));
    await eventually(() => expect(link().attributes('aria-current')).toBe('page'));
    expect(link().element.closest('li')?.classList.contains('open')).toBe(true);
    expect(wrapper.findAll('nav[aria-label="Clients"] [aria-current]')).toHaveLength(1);
  });

  it('leaves a modified click on a client link to the browser', async () => {
    const workspace = await practiceWithClients();
    const { wrapper, router } = await mountApp(workspace, '/');
    await eventually(() => expect(listedNames(wrapper)).toHaveLength(3));
    const event = new MouseEvent('click', { button: 0, ctrlKey: true, bubbles: true, cancelable: true });
    wrapper.get('nav[aria-label="Clients"] a').element.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(router.currentRoute.value.fullPath).toBe('/');
  });

  it('asks for the client list before the start page’s data', async () => {
    const workspace = await practiceWithClients();
    const asked: string[] = [];
    const api = rendererApiFor(workspace);
    const recording = Object.fromEntries(
      Object.entries(api).map(([namespace, methods]) => [
        namespace,
        Object.fromEntries(
          Object.entries(methods as Record<string, (...args: unknown[]) => Promise<unknown>>).map(([method, call]) => [
            method,
            (...args: unknown[]) => {
              asked.push(`${namespace}.${method}`);
              return call(...args);
            },
          ]),
        ),
      ]),
    );
    const router = routerFor();
    await router.push('/');
    mount(App, {
      attachTo: document.body,
      global: {
        plugins: [createPinia(), router],
        provide: { [API_KEY as symbol]: recording, [DESKTOP_KEY as symbol]: recordingDesktop().desktop },
      },
    });
    await eventually(() => expect(asked).toContain('today.get'));
    expect(asked.indexOf('clients.list')).toBe(0);
  });
});
