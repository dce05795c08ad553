// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import GoalsPrintView from '../../../renderer/src/views/print/GoalsPrintView.vue';
import { API_KEY } from '../../../renderer/src/api/client';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

afterEach(() => {
  delete document.body.dataset.printReady;
});

async function mountGoalsSheet(props: { goalId?: string }) {
  const workspace = await testWorkspace();
  await workspace.settings.update({ coachName: 'Sam Coach' });
  const client = await workspace.clients.create({ name: 'Ada Lovelace' });
  const wrapper = mount(GoalsPrintView, { props: { clientId: client.id, ...props }, global: { provide: { [API_KEY as symbol]: rendererApiFor(workspace) } } });
  for (let turn = 0; turn < 20 && document.body.dataset.printReady !== 'true'; turn += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await flushPromises();
  return wrapper;
}

describe('printed sheets', () => {
  it('show the coach letterhead and tell the print window they are ready', async () => {
    const wrapper = await mountGoalsSheet({});
    expect(document.body.dataset.printReady).toBe('true');
    expect(wrapper.find('.sheet-header .coach-name').text()).toBe('Sam Coach');
    expect(wrapper.text()).toContain('Goal checklists for Ada Lovelace');
    wrapper.unmount();
    expect(document.body.dataset.printReady).toBeUndefined();
  });

  it('say what went wrong, and are still ready, when their data cannot be loaded', async () => {
    const wrapper = await mountGoalsSheet({ goalId: '00000000-0000-4000-8000-000000000000' });
    expect(document.body.dataset.printReady).toBe('true');
    expect(wrapper.get('[role="alert"]').text()).toBe('That goal no longer exists. It may have been deleted.');
  });
});
