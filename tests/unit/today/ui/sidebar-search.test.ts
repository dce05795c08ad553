// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import SidebarSearch from '../../../../renderer/src/components/search/SidebarSearch.vue';
import { testWorkspace } from '../../../helpers/workspace-api';
import { mountWithWorkspace, settle } from '../../../helpers/mount';
import { RapportError } from '../../../../shared/errors';

afterEach(() => {
  document.body.innerHTML = '';
});

async function practice() {
  const workspace = await testWorkspace();
  const zoe = await workspace.clients.create({ name: 'Zoë Martin' });
  const note = await workspace.notes.create(zoe.id, 'Wants to move into finance.');
  await workspace.clients.create({ name: 'Marta Nowak', tags: ['finance'] });
  return { workspace, zoe, note };
}

describe('the sidebar search', () => {
  it('takes the cursor on Ctrl+K and clears with Escape', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountWithWorkspace(SidebarSearch, workspace);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }));
    await vi.waitFor(async () => expect(document.activeElement?.id).toBe('search-input'));
    const input = wrapper.find('#search-input');
    await input.setValue('zoe');
    await vi.waitFor(async () => expect(wrapper.findAll('[role="option"]')).toHaveLength(1));
    await input.trigger('keydown', { key: 'Escape' });
    await vi.waitFor(async () => expect(wrapper.findAll('[role="option"]')).toHaveLength(0));
    expect((input.element as HTMLInputElement).value).toBe('');
  });

  it('updates results as you type, says where each hit is, and opens one with Enter', async () => {
    const { workspace, zoe, note } = await practice();
    const { wrapper, router } = await mountWithWorkspace(SidebarSearch, workspace);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', metaKey: true }));
    await settle();

    const input = wrapper.find('#search-input');
    await input.setValue('zoe');
    await vi.waitFor(async () =>
      expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toEqual([expect.stringContaining('Zoë Martin')]),
    );

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
    // The first navigation to a client imports the client view lazily: seconds on a busy machine.
    await vi.waitFor(async () => expect(router.currentRoute.value.fullPath).toBe(`/clients/${zoe.id}?tab=notes&focus=${note.id}`), {
      timeout: 10_000,
    });
  });

  it('says when nothing matches', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountWithWorkspace(SidebarSearch, workspace);
    await wrapper.find('#search-input').setValue('qqq');
    await vi.waitFor(async () => expect(wrapper.findAll('[role="option"]')).toHaveLength(0));
    expect(wrapper.text()).toContain('Nothing matches “qqq”.');
  });
});

describe('the sidebar search loads one way', () => {
  it('ignores the answer to a query the coach has already changed', async () => {
    const { workspace } = await practice();
    const query = workspace.search.query.bind(workspace.search);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A failing assertion must not leave the call held: later tests wait for every call to settle.
    onTestFinished(() => release());
    let lateAnswer: Promise<unknown> | undefined;
    workspace.search.query = (text) => {
      if (text !== 'zoe') return query(text);
      lateAnswer = gate.then(() => query(text));
      return lateAnswer as ReturnType<typeof query>;
    };
    const { wrapper } = await mountWithWorkspace(SidebarSearch, workspace);
    const input = wrapper.find('#search-input');
    await input.setValue('zoe');
    await input.setValue('marta');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toEqual([expect.stringContaining('Marta Nowak')]),
    );

    release();
    await lateAnswer;
    await settle();
    expect(wrapper.findAll('[role="option"]').map((option) => option.text())).toEqual([expect.stringContaining('Marta Nowak')]);
  });

  it('shows a failed search through the error message', async () => {
    const { workspace } = await practice();
    const message = 'Rapport could not search your practice.';
    workspace.search.query = () => Promise.reject(new RapportError('IO_ERROR', message));
    const { wrapper } = await mountWithWorkspace(SidebarSearch, workspace);
    await wrapper.find('#search-input').setValue('zoe');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe(message));
  });
});
