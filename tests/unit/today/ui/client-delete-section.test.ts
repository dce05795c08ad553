// @vitest-environment happy-dom
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ClientDeleteSection from '../../../../renderer/src/components/clients/ClientDeleteSection.vue';
import { tempDir } from '../../../helpers/temp-dir';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace, settle } from '../../../helpers/mount';

afterEach(() => {
  document.body.innerHTML = '';
});

async function workspaceWithBackups() {
  const root = await tempDir();
  return testWorkspace({ dir: join(root, 'data'), backupsDir: join(root, 'backups') });
}

function button(wrapper: { findAll(selector: string): { text(): string; trigger(event: string): Promise<void> }[] }, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

describe('ClientDeleteSection', () => {
  // Two real backups are written and read in a worker, and the client route's views are loaded: on
  // a loaded machine (average 8 on two cores) that took 16 s, beyond the default time.
  it(
    'says how many automatic backups still hold the client, then deletes only that client, after the typed name',
    { timeout: 60_000 },
    async () => {
      const workspace = await workspaceWithBackups();
      const ada = await workspace.clients.create({ name: 'Ada Lovelace' });
      const grace = await workspace.clients.create({ name: 'Grace Hopper' });
      await workspace.notes.create(grace.id, 'Keynote about the first compiler.');
      expect((await workspace.backup.runAutomatic('quit')).created).not.toBeNull();
      expect((await workspace.backup.runAutomatic('quit')).created).not.toBeNull();

      const { wrapper, router } = await mountWithWorkspace(ClientDeleteSection, workspace, { client: ada });
      await router.push({ name: 'client', params: { id: ada.id } });
      await button(wrapper, 'Delete client permanently…').trigger('click');
      // Reading two real backups can take longer than one settle on a busy machine.
      await vi.waitFor(
        () =>
          expect(wrapper.find('[role="status"]').text()).toBe(
            '2 automatic backups still contain this client; they are removed as they age out.',
          ),
        { timeout: 15_000 },
      );

      const typed = wrapper.find('input');
      await typed.setValue('ada lovelace');
      await wrapper.find('form').trigger('submit');
      await settle();
      expect(typed.attributes('aria-invalid')).toBe('true');
      expect(wrapper.find('.field-error').text()).toBe('Type the name exactly as shown: Ada Lovelace');
      expect(await workspace.clients.list()).toHaveLength(2);

      await typed.setValue('Ada Lovelace');
      await wrapper.find('form').trigger('submit');
      await settle();
      expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Grace Hopper']);
      expect((await workspace.clients.get(grace.id)).notes.map((note) => note.text)).toEqual(['Keynote about the first compiler.']);
      expect(router.currentRoute.value.name).toBe('home');
    },
  );

  it('says so when no automatic backup holds the client', async () => {
    const workspace = await workspaceWithBackups();
    const ada = await workspace.clients.create({ name: 'Ada Lovelace' });
    const { wrapper } = await mountWithWorkspace(ClientDeleteSection, workspace, { client: ada });
    await button(wrapper, 'Delete client permanently…').trigger('click');
    await settle();
    expect(wrapper.find('[role="status"]').text()).toBe('No automatic backup holds a copy of this client.');
    await button(wrapper, 'Keep this client').trigger('click');
    expect(wrapper.find('form').exists()).toBe(false);
    expect(await workspace.clients.list()).toHaveLength(1);
  });

  it('shows main refusing the delete as an alert and keeps the form open', async () => {
    const workspace = await workspaceWithBackups();
    const ada = await workspace.clients.create({ name: 'Ada Lovelace' });
    const { wrapper } = await mountWithWorkspace(ClientDeleteSection, workspace, { client: ada });
    await button(wrapper, 'Delete client permanently…').trigger('click');
    await settle();
    // Renamed elsewhere while this form was open: main checks the typed name against the stored one.
    await workspace.clients.update(ada.id, { name: 'Ada King' });
    await wrapper.find('input').setValue('Ada Lovelace');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).not.toBe(''));
    expect(wrapper.find('form').exists()).toBe(true);
    expect(await workspace.clients.list()).toHaveLength(1);
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
  });
});
