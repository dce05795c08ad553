// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { eventually, mountApp } from './support';

const now = () => new Date('2026-03-02T09:00:00.000Z');

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];

async function practice() {
  const workspace = await testWorkspace({ now });
  const amara = await workspace.clients.create({
    name: 'Amara Okafor',
    currentRole: 'Senior designer',
    targetRole: 'Design director',
    background: 'Twelve years in agencies, then a fintech start-up.',
  });
  const bruno = await workspace.clients.create({ name: 'Bruno Silva', organisation: 'Northwind' });
  const goal = await workspace.goals.create(bruno.id, { title: 'Land a product role' });
  await workspace.goals.createStep(bruno.id, goal.id, { text: 'Book a mock interview', owner: 'client' });
  const session = await workspace.sessions.create(amara.id, { startsAt: '2026-03-05T10:00:00.000Z', mode: 'video' });
  await workspace.agendas.save(amara.id, session.id, {
    goals: [{ text: 'Agree on a portfolio story' }],
    items: [{ title: 'Salary benchmarks', details: 'Compare the Lisbon offers', minutes: 15, proposedBy: 'client' }],
  });
  return { workspace, amara, bruno, goal, session };
}

function searchBox(wrapper: Wrapper) {
  return wrapper.get('aside input[role="combobox"]');
}

function results(wrapper: Wrapper): string[] {
  return wrapper.findAll('aside [role="listbox"] [role="option"]').map((option) => option.text());
}

describe('one search, in the sidebar, over everything the coach wrote', () => {
  it('shows its keyboard shortcut on screen, and Ctrl+K puts the cursor in it', async () => {
    const { workspace } = await practice();
    const { wrapper } = await mountApp(workspace, '/');
    const label = wrapper.get(`label[for="${searchBox(wrapper).attributes('id')}"]`);
    expect(wrapper.get('aside').text()).toMatch(/Ctrl\s*\+?\s*K/);
    expect(label.text()).toContain('Search');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
    await eventually(() => expect(document.activeElement).toBe(searchBox(wrapper).element));
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
  });

  it.each([
    ['director', 'Amara Okafor', 'Target role'],
    ['senior designer', 'Amara Okafor', 'Current role'],
    ['fintech', 'Amara Okafor', 'Background'],
    ['northwind', 'Bruno Silva', 'Organisation'],
    ['mock interview', 'Bruno Silva', 'Goal step'],
    ['product role', 'Bruno Silva', 'Goal'],
    ['salary bench', 'Amara Okafor', 'Agenda item'],
    ['lisbon offers', 'Amara Okafor', 'Agenda item'],
    ['portfolio story', 'Amara Okafor', 'Agenda goal'],
  ])('finds “%s” (%s, %s)', async (query, client, place) => {
    const { workspace } = await practice();
    const { wrapper } = await mountApp(workspace, '/');
    await searchBox(wrapper).setValue(query);
    await eventually(() => expect(results(wrapper)).toHaveLength(1));
    expect(wrapper.get('#search-results').isVisible()).toBe(true);
    expect(results(wrapper)[0]).toContain(client);
    expect(results(wrapper)[0]).toContain(place);
  });

  it('finds clients by name in the same list, and opens a goal step hit on the Goals tab', async () => {
    const { workspace, goal } = await practice();
    const { wrapper, router } = await mountApp(workspace, '/');
    await searchBox(wrapper).setValue('bruno');
    await eventually(() => expect(results(wrapper)).toEqual([expect.stringContaining('Bruno Silva')]));

    await searchBox(wrapper).setValue('mock interview');
    await eventually(() => expect(results(wrapper)).toEqual([expect.stringContaining('Goal step')]));
    await searchBox(wrapper).trigger('keydown', { key: 'Enter' });
    await eventually(() => expect(router.currentRoute.value.query).toEqual({ tab: 'goals', focus: goal.id }));
    await eventually(() => expect((document.activeElement as HTMLElement | null)?.dataset.recordId).toBe(goal.id));
  });
});
