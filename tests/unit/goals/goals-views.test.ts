// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OverdueStepsList from '../../../renderer/src/components/goals/OverdueStepsList.vue';
import GoalsView from '../../../renderer/src/views/GoalsView.vue';
import GoalsPrintView from '../../../renderer/src/views/print/GoalsPrintView.vue';
import { testWorkspace } from '../../helpers/workspace-api';
import { mountWithWorkspace } from '../../helpers/mount';

afterEach(() => {
  delete document.body.dataset.printReady;
  delete document.body.dataset.printFailure;
});

/** Two clients: Amara has an overdue step on an active goal, Ben a goal due in two days. */
async function practice() {
  const workspace = await testWorkspace();
  const amara = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  const ben = await workspace.clients.create({ name: 'Ben Adeyemi', status: 'active' });
  const promotion = await workspace.goals.create(amara.id, {
    title: 'Promotion',
    why: 'Recognition for my work.',
    targetDate: '2999-12-31',
  });
  await workspace.goals.createStep(amara.id, promotion.id, { text: 'Book a talk with my manager', owner: 'client', dueDate: '2020-01-06' });
  const ticked = await workspace.goals.createStep(amara.id, promotion.id, { text: 'Collect wins', owner: 'coach' });
  await workspace.goals.setStepDone(amara.id, promotion.id, ticked.steps[1].id, true);
  const dropped = await workspace.goals.create(amara.id, { title: 'Dropped goal', status: 'dropped' });
  const inTwoDays = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const soon = `${inTwoDays.getFullYear()}-${String(inTwoDays.getMonth() + 1).padStart(2, '0')}-${String(inTwoDays.getDate()).padStart(2, '0')}`;
  await workspace.goals.create(ben.id, { title: 'Pass the interview', targetDate: soon });
  return { workspace, amara, ben, promotion, dropped };
}

describe('GoalsView', () => {
  it('lists active goals across clients and filters them', async () => {
    const { workspace, amara } = await practice();
    const { wrapper } = await mountWithWorkspace(GoalsView, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2));
    const rows = wrapper.findAll('tbody tr').map((row) => row.text());
    expect(rows[0]).toContain('Ben Adeyemi');
    expect(rows[1]).toContain('Amara Okafor');
    expect(rows[1]).toContain('1 of 2 steps');
    expect(rows[1]).toContain('1 overdue step');
    expect(wrapper.text()).not.toContain('Dropped goal');
    expect(wrapper.find('tbody tr:nth-child(2) a').attributes('href')).toBe(`/clients/${amara.id}?tab=goals`);

    const filterButton = (label: string) => wrapper.findAll('[role="group"] button').find((button) => button.text() === label)!;
    await filterButton('Due soon').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Ben Adeyemi']));
    expect(filterButton('Due soon').attributes('aria-pressed')).toBe('true');
    await filterButton('Overdue').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Amara Okafor']));
    await filterButton('Stalled').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No goal has gone 30 days without a step done.'));
  });

  it('loads again when the filter changes and drops an answer for a filter already left', async () => {
    const { workspace } = await practice();
    const overview = workspace.goals.overview.bind(workspace.goals);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: { lateAnswer?: Promise<unknown> } = {};
    // The first "All" answer is held back until after the coach has moved on to "Overdue".
    workspace.goals.overview = (query) => {
      if (held.lateAnswer || query.filter !== 'all') return overview(query);
      const late = gate.then(() => overview(query));
      held.lateAnswer = late;
      return late;
    };
    const { wrapper } = await mountWithWorkspace(GoalsView, workspace, {}, { settle: false });
    const filterButton = (label: string) => wrapper.findAll('[role="group"] button').find((button) => button.text() === label)!;
    await filterButton('Overdue').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Amara Okafor']));

    release();
    await held.lateAnswer;
    await flushPromises();
    expect(wrapper.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Amara Okafor']);
    expect(filterButton('Overdue').attributes('aria-pressed')).toBe('true');
  });
});

describe('OverdueStepsList', () => {
  it('lists overdue steps with client, goal and due date', async () => {
    const { workspace, amara } = await practice();
    const { wrapper } = await mountWithWorkspace(OverdueStepsList, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(1));
    expect(wrapper.find('li').text()).toContain('Book a talk with my manager');
    expect(wrapper.find('li').text()).toContain('Amara Okafor: Promotion');
    expect(wrapper.find('li a').attributes('href')).toBe(`/clients/${amara.id}?tab=goals`);
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('shows the first 50 of a long list, and all of them when asked', async () => {
    const workspace = await testWorkspace();
    const client = await workspace.clients.create({ name: 'Busy Client', status: 'active' });
    const goal = await workspace.goals.create(client.id, { title: 'Change careers' });
    for (let day = 1; day <= 52; day++) {
      await workspace.goals.createStep(client.id, goal.id, {
        text: `Step ${day}`,
        owner: 'client',
        dueDate: `2020-03-${String((day % 28) + 1).padStart(2, '0')}`,
      });
    }
    const { wrapper } = await mountWithWorkspace(OverdueStepsList, workspace);
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(50));
    expect(wrapper.get('button').text()).toBe('Show all 52 overdue steps');
    await wrapper.get('button').trigger('click');
    await vi.waitFor(() => expect(wrapper.findAll('li')).toHaveLength(52));
    expect(wrapper.find('button').exists()).toBe(false);
  });
});

describe('GoalsPrintView', () => {
  it('prints every active goal with the practice header, boxes and due dates, then signals ready', async () => {
    const { workspace, amara } = await practice();
    await workspace.settings.update({
      coachName: 'Sam Rivera',
      businessName: 'Rivera Coaching',
      contactLine: 'sam@rivera.example',
      paperSize: 'Letter',
    });
    const { wrapper } = await mountWithWorkspace(GoalsPrintView, workspace, { clientId: amara.id });
    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('true'));
    const header = wrapper.find('.sheet-head').text();
    for (const part of ['Sam Rivera', 'Rivera Coaching', 'sam@rivera.example', 'Goal checklists for Amara Okafor'])
      expect(header).toContain(part);
    expect(wrapper.find('main').classes()).toContain('paper-letter');
    expect(wrapper.findAll('section.goal').map((goal) => goal.find('h2').text())).toEqual(['Promotion']);
    expect(wrapper.find('.why').text()).toBe('Recognition for my work.');
    const steps = wrapper.findAll('.step').map((step) => step.text());
    expect(steps[0]).toMatch(/^☐.*Book a talk with my manager.*You.*by /);
    expect(steps[1]).toMatch(/^☑.*Collect wins.*Sam/);
  });

  it('prints one goal, whatever its status, and refuses an unknown one', async () => {
    const { workspace, amara, dropped } = await practice();
    const { wrapper } = await mountWithWorkspace(GoalsPrintView, workspace, { clientId: amara.id, goalId: dropped.id });
    await vi.waitFor(() => expect(document.body.dataset.printReady).toBe('true'));
    expect(wrapper.find('h1').text()).toBe('Goal checklist for Amara Okafor');
    expect(wrapper.findAll('section.goal h2').map((h) => h.text())).toEqual(['Dropped goal']);
    expect(wrapper.find('main').classes()).toContain('paper-a4');
    wrapper.unmount();
    expect(document.body.dataset.printReady).toBeUndefined();

    const missing = await mountWithWorkspace(GoalsPrintView, workspace, {
      clientId: amara.id,
      goalId: '0b7c1a9e-3d6f-4e8a-9b2c-5d4e3f2a1b0c',
    });
    await vi.waitFor(() => expect(missing.wrapper.find('[role="alert"]').text()).toContain('That goal no longer exists.'));
    expect(document.body.dataset.printReady).toBeUndefined();
  });
});
