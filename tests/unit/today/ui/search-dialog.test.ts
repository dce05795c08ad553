// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import SearchDialog from '../../../../renderer/src/components/search/SearchDialog.vue';
import { useSearchDialog } from '../../../../renderer/src/components/search/useSearchDialog';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace, settle } from './mount-with-workspace';

afterEach(() => {
  useSearchDialog().close();
  document.body.innerHTML = '';
});

async function practice() {
  const workspace = await testWorkspace();
  const zoe = await workspace.clients.create({ name: 'Zoë Martin' });
  const note = await workspace.notes.add(zoe.id, 'Wants to move into finance.');
  await workspace.clients.create({ name: 'Marta Nowak', tags: ['finance'] });
  return { workspace, zoe, note };
}

describe('SearchDialog', () => {
  it('opens with Ctrl+K and closes with Escape', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountWithWorkspace(SearchDialog, workspace);
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    await vi.waitFor(async () => expect(wrapper.find('[role="dialog"]').exists()).toBe(true));
    expect(document.activeElement?.id).toBe('search-input');
    await wrapper.find('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
  });

  it('updates results as you type, says where each hit is, and opens one with Enter', async () => {
    const { workspace, zoe, note } = await practice();
    const { wrapper, router } = await mountWithWorkspace(SearchDialog, workspace);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', metaKey: true }));
    await settle();

    const input = wrapper.find('#search-input');
    await input.setValue('zoe');
    await vi.waitFor(async () => expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toEqual([expect.stringContaining('Zoë Martin')]));

    await input.setValue('finance');
    await settle();
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((option) => option.text())).toEqual([
      expect.stringMatching(/Marta Nowak\s*Tag/),
      expect.stringMatching(/Zoë Martin\s*Note\s*Wants to move into finance\./),
    ]);
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(input.attributes('aria-activedescendant')).toBe('search-hit-0');
    expect(options[0].attributes('aria-selected')).toBe('true');

    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe('search-hit-1');
    await input.trigger('keydown', { key: 'Enter' });
    await vi.waitFor(async () => expect(router.currentRoute.value.fullPath).toBe(`/clients/${zoe.id}?tab=notes&focus=${note.id}`));
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
  });

  it('says when nothing matches', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountWithWorkspace(SearchDialog, workspace);
    useSearchDialog().open();
    await settle();
    await wrapper.find('#search-input').setValue('qqq');
    await vi.waitFor(async () => expect(wrapper.findAll('[role="option"]')).toHaveLength(0));
    expect(wrapper.text()).toContain('Nothing matches “qqq”.');
  });
});
