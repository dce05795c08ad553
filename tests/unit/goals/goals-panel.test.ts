// @vitest-environment happy-dom
import { flushPromises, type DOMWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import GoalsPanel from '../../../renderer/src/components/goals/GoalsPanel.vue';
import { testWorkspace } from '../../helpers/workspace-api';
import { addDiscussion, editClientFile } from './fixtures';
import { mountWithWorkspace } from '../../helpers/mount';

async function setup() {
  const workspace = await testWorkspace();
  const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
  return { workspace, clientId: client.id };
}

async function mountPanel(workspace: Awaited<ReturnType<typeof testWorkspace>>, clientId: string) {
  const mounted = await mountWithWorkspace(GoalsPanel, workspace, { clientId });
  await vi.waitFor(() => expect(mounted.wrapper.text()).not.toContain('Loading goals'));
  return mounted;
}

async function fill(input: DOMWrapper<Element>, value: string) {
  await input.setValue(value);
}

const stepTexts = (wrapper: { findAll: (selector: string) => DOMWrapper<Element>[] }) =>
  wrapper.findAll('.step .step-text').map((label) => label.text());

describe('GoalsPanel', () => {
  it('creates a goal, adds steps, ticks one and shows progress', async () => {
    const { workspace, clientId } = await setup();
    const { wrapper } = await mountPanel(workspace, clientId);
    expect(wrapper.text()).toContain('No goals yet');

    await wrapper.find('button.primary').trigger('click');
    const form = wrapper.find('form.goal-form');
    await fill(form.find('input[type="text"]'), 'Land a head-of-data role');
    await fill(form.find('textarea'), 'I want to lead the team I grew up in.');
    await form.trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('article h3').text()).toBe('Land a head-of-data role'));
    expect(wrapper.find('blockquote').text()).toBe('I want to lead the team I grew up in.');

    for (const text of ['Ask for a stretch project', 'Write a leadership story']) {
      const stepForm = wrapper.find('.step-list > form.step-form');
      await fill(stepForm.find('input[type="text"]'), text);
      await stepForm.trigger('submit');
      await vi.waitFor(() => expect(stepTexts(wrapper)).toContain(text));
    }
    expect(wrapper.find('.goal-progress').text()).toBe('0 of 2 steps');

    await wrapper.find('.step input[type="checkbox"]').setValue(true);
    await vi.waitFor(() => expect(wrapper.find('.goal-progress').text()).toBe('1 of 2 steps'));
    expect(wrapper.find('progress').attributes()).toMatchObject({ value: '1', max: '2' });
    const [saved] = await workspace.goals.list(clientId);
    expect(saved.steps.map((step) => step.done)).toEqual([true, false]);
    expect(saved.steps[0].doneAt).not.toBeNull();
  });

  it('shows the field message when the workspace refuses a goal', async () => {
    const { workspace, clientId } = await setup();
    const { wrapper } = await mountPanel(workspace, clientId);
    await wrapper.find('button.primary').trigger('click');
    await wrapper.find('form.goal-form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('.field-error').text()).toBe('Please give the goal a title.'));
    const title = wrapper.find('form.goal-form input[type="text"]');
    expect(title.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find(`#${title.attributes('aria-describedby')}`).text()).toBe('Please give the goal a title.');
    expect(await workspace.goals.list(clientId)).toEqual([]);
  });

  it('highlights overdue steps and says when the goal is on no agenda yet', async () => {
    const { workspace, clientId } = await setup();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    await workspace.goals.createStep(clientId, goal.id, { text: 'Book a talk with my manager', owner: 'client', dueDate: '2020-01-06' });
    await workspace.goals.createStep(clientId, goal.id, { text: 'Later', owner: 'client', dueDate: '2999-01-01' });
    const { wrapper } = await mountPanel(workspace, clientId);
    const steps = wrapper.findAll('.step');
    expect(steps[0].classes()).toContain('overdue');
    expect(steps[0].text()).toContain('Overdue since');
    expect(steps[1].classes()).not.toContain('overdue');
    expect(wrapper.text()).toContain('1 overdue step');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Not on any session agenda yet.'));
  });

  it('lists the sessions whose agenda links an item to the goal', async () => {
    const setupResult = await setup();
    const { clientId } = setupResult;
    const goal = await setupResult.workspace.goals.create(clientId, { title: 'Promotion' });
    const at = '2026-02-10T10:00:00.000Z';
    const workspace = await editClientFile(
      setupResult.workspace,
      clientId,
      () => new Date(),
      (document) => {
        addDiscussion(document, at, [{ title: 'Plan the talk with the manager', goalId: goal.id }]);
      },
    );
    const { wrapper } = await mountPanel(workspace, clientId);
    await vi.waitFor(() => expect(wrapper.find('.discussions').text()).toContain('Discussed in sessions:'));
    expect(wrapper.find('.discussions time').attributes('datetime')).toBe(at);
    expect(wrapper.find('.discussions li').text()).toContain('Plan the talk with the manager');
  });

  it('deletes a step and puts it back with Undo', async () => {
    const { workspace, clientId } = await setup();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    for (const text of ['One', 'Two', 'Three']) await workspace.goals.createStep(clientId, goal.id, { text, owner: 'client' });
    const { wrapper } = await mountPanel(workspace, clientId);
    await wrapper.find('button[aria-label="Delete step “Two”"]').trigger('click');
    await vi.waitFor(() => expect(stepTexts(wrapper)).toEqual(['One', 'Three']));
    expect(wrapper.find('.undo').text()).toContain('Deleted “Two”.');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    await wrapper.find('.undo button').trigger('click');
    await vi.waitFor(() => expect(stepTexts(wrapper)).toEqual(['One', 'Two', 'Three']));
    expect(wrapper.find('.undo').exists()).toBe(false);
    expect((await workspace.goals.list(clientId))[0].steps.map((step) => step.text)).toEqual(['One', 'Two', 'Three']);
  });

  it('reorders steps with Alt+ArrowDown and announces the new position', async () => {
    const { workspace, clientId } = await setup();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    for (const text of ['One', 'Two']) await workspace.goals.createStep(clientId, goal.id, { text, owner: 'client' });
    const { wrapper } = await mountPanel(workspace, clientId);
    await wrapper.find('.step input[type="checkbox"]').trigger('keydown', { key: 'ArrowDown', altKey: true });
    await vi.waitFor(() => expect(stepTexts(wrapper)).toEqual(['Two', 'One']));
    await vi.waitFor(() => expect(wrapper.find('[role="status"][aria-live="polite"]').text()).toBe('Step moved to position 2 of 2.'));
    expect((await workspace.goals.list(clientId))[0].steps.map((step) => step.text)).toEqual(['Two', 'One']);
    expect(document.activeElement?.getAttribute('aria-label')).toContain('Move step “One”, position 2 of 2');
  });

  it('reorders goals by keyboard on the handle and steps by drag and drop', async () => {
    const { workspace, clientId } = await setup();
    const first = await workspace.goals.create(clientId, { title: 'First' });
    await workspace.goals.create(clientId, { title: 'Second' });
    for (const text of ['One', 'Two', 'Three']) await workspace.goals.createStep(clientId, first.id, { text, owner: 'coach' });
    const { wrapper } = await mountPanel(workspace, clientId);

    await wrapper.find('.step-list > form.step-form input[type="text"]').trigger('keydown', { key: 'ArrowDown', altKey: true });
    await wrapper.find('.status select').trigger('keydown', { key: 'ArrowDown', altKey: true });
    // A move the panel had started would be written before this no-op edit of the same file.
    await flushPromises();
    await workspace.goals.update(clientId, first.id, {});
    expect((await workspace.goals.list(clientId)).map((goal) => goal.title)).toEqual(['First', 'Second']);
    await wrapper.find(`[data-goal-handle="${first.id}"]`).trigger('keydown', { key: 'ArrowDown' });
    await vi.waitFor(() => expect(wrapper.findAll('article h3').map((h) => h.text())).toEqual(['Second', 'First']));

    const steps = wrapper.findAll('.step');
    await steps[2].find('.handle').trigger('dragstart');
    await steps[0].trigger('dragover');
    await steps[0].trigger('drop');
    await vi.waitFor(() => expect(stepTexts(wrapper)).toEqual(['Three', 'One', 'Two']));
    const saved = await workspace.goals.list(clientId);
    expect(saved.map((goal) => goal.title)).toEqual(['Second', 'First']);
    expect(saved[1].steps.map((step) => step.text)).toEqual(['Three', 'One', 'Two']);
  });

  it('changes status, edits a step and prints', async () => {
    const { workspace, clientId } = await setup();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    await workspace.goals.createStep(clientId, goal.id, { text: 'Draft', owner: 'client' });
    const { wrapper, desktopCalls } = await mountPanel(workspace, clientId);

    await wrapper.find('.status select').setValue('on-hold');
    await vi.waitFor(async () => expect((await workspace.goals.list(clientId))[0].status).toBe('on-hold'));

    await wrapper.find('button[aria-label="Edit step “Draft”"]').trigger('click');
    const edit = wrapper.find('.step form.step-form');
    await edit.find('input[type="text"]').setValue('Draft a one-page CV');
    await edit.find('input[type="date"]').setValue('2026-05-01');
    await edit.trigger('submit');
    await vi.waitFor(() => expect(stepTexts(wrapper)).toEqual(['Draft a one-page CV']));
    expect((await workspace.goals.list(clientId))[0].steps[0]).toMatchObject({ text: 'Draft a one-page CV', dueDate: '2026-05-01' });

    const goalButton = (name: string) => wrapper.findAll('article footer button').find((button) => button.text() === name)!;
    await goalButton('Print… (the checklist for “Promotion”)').trigger('click');
    await goalButton('Save as PDF… (the checklist for “Promotion”)').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Saved as /home/coach/Goals.pdf'));
    expect(desktopCalls).toEqual([
      { method: 'print', args: [`/print/goals/${clientId}/${goal.id}`] },
      { method: 'saveAsPdf', args: [`/print/goals/${clientId}/${goal.id}`, 'Promotion – Amara Okafor.pdf'] },
    ]);
  });

  it('deletes a goal after confirmation', async () => {
    const { workspace, clientId } = await setup();
    await workspace.goals.create(clientId, { title: 'Promotion' });
    const { wrapper } = await mountPanel(workspace, clientId);
    await wrapper.find('button.danger').trigger('click');
    expect(wrapper.text()).toContain('Delete “Promotion” and its 0 steps?');
    await wrapper
      .findAll('button.danger')
      .find((button) => button.text() === 'Delete goal')!
      .trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('No goals yet'));
    expect(await workspace.goals.list(clientId)).toEqual([]);
  });
});
