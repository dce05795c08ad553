// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import GoalsPanel from '../../../renderer/src/components/goals/GoalsPanel.vue';
import { mountWithWorkspace } from '../../helpers/mount';
import { testWorkspace } from '../../helpers/workspace-api';

async function mountGoal() {
  const workspace = await testWorkspace();
  const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  const goal = await workspace.goals.create(client.id, { title: 'Land a head-of-data role' });
  const { wrapper } = await mountWithWorkspace(GoalsPanel, workspace, { clientId: client.id });
  await vi.waitFor(() => expect(wrapper.find('article h3').exists()).toBe(true));
  const button = (label: string) => wrapper.findAll('article button').find((candidate) => candidate.text() === label)!;
  return { workspace, client, goal, wrapper, button };
}

describe('GoalCard edits and acts one way', () => {
  it('puts the cursor in the title when editing opens, and back on "Edit goal" when it is cancelled', async () => {
    const { wrapper, button } = await mountGoal();
    await button('Edit goal').trigger('click');
    await vi.waitFor(() => expect(document.activeElement).toBe(wrapper.find('article form input[type="text"]').element));

    await button('Cancel').trigger('click');
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Edit goal'));
  });

  it('returns focus to "Delete goal…" when the coach keeps the goal', async () => {
    const { button } = await mountGoal();
    await button('Delete goal…').trigger('click');
    await button('Keep it').trigger('click');
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Delete goal…'));
  });

  it('shows main refusing a status change through the error message and puts the stored status back', async () => {
    const { workspace, client, goal, wrapper } = await mountGoal();
    // Deleted in another view meanwhile: main answers NOT_FOUND.
    await workspace.goals.remove(client.id, goal.id);
    const select = wrapper.find<HTMLSelectElement>('article select');
    await select.setValue('achieved');
    await vi.waitFor(() => expect(wrapper.find('article [role="alert"]').exists()).toBe(true));
    expect(select.element.value).toBe('active');
  });
});
