import { describe, expect, it } from 'vitest';
import { progress } from '../../../shared/goals/derive';
import { MISSING_ID, workspaceWithClient } from './fixtures';

async function goalWithSteps(texts: string[] = []) {
  const setup = await workspaceWithClient();
  let goal = await setup.workspace.goals.create(setup.clientId, { title: 'Career change into UX' });
  for (const text of texts) goal = await setup.workspace.goals.createStep(setup.clientId, goal.id, { text, owner: 'client' });
  return { ...setup, goal, goalId: goal.id };
}

const texts = (goal: { steps: { text: string }[] }) => goal.steps.map((step) => step.text);

describe('steps: add and update', () => {
  it('adds open steps in order and stamps the goal', async () => {
    const { workspace, clientId, clock, goalId } = await goalWithSteps();
    clock.set('2026-03-03T09:00:00.000Z');
    const goal = await workspace.goals.createStep(clientId, goalId, { text: ' Take a UX course ', owner: 'client', dueDate: '2026-04-01' });
    expect(goal.steps).toEqual([
      expect.objectContaining({
        text: 'Take a UX course',
        owner: 'client',
        dueDate: '2026-04-01',
        done: false,
        doneAt: null,
        createdAt: '2026-03-03T09:00:00.000Z',
      }),
    ]);
    expect(goal.updatedAt).toBe('2026-03-03T09:00:00.000Z');
    const next = await workspace.goals.createStep(clientId, goalId, { text: 'Introduce to a UX lead', owner: 'coach' });
    expect(texts(next)).toEqual(['Take a UX course', 'Introduce to a UX lead']);
    expect(next.steps[1].dueDate).toBeNull();
  });

  it('refuses an empty step, an unknown owner or a bad date', async () => {
    const { workspace, clientId, goalId } = await goalWithSteps();
    await expect(workspace.goals.createStep(clientId, goalId, { text: ' ', owner: 'client' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.goals.createStep(clientId, goalId, { text: 'A', owner: 'both' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.goals.createStep(clientId, goalId, { text: 'A', owner: 'coach', dueDate: '2026-02-30x' })).rejects.toMatchObject(
      { code: 'INVALID_INPUT' },
    );
    expect((await workspace.goals.list(clientId))[0].steps).toEqual([]);
  });

  it('reports NOT_FOUND for an unknown goal or step', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One']);
    await expect(workspace.goals.createStep(clientId, MISSING_ID, { text: 'A', owner: 'coach' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(workspace.goals.updateStep(clientId, goal.id, MISSING_ID, { text: 'B' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.setStepDone(clientId, goal.id, MISSING_ID, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.moveStep(clientId, goal.id, MISSING_ID, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.removeStep(clientId, goal.id, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('edits text, due date and owner but not done', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['Draft CV']);
    const stepId = goal.steps[0].id;
    const updated = await workspace.goals.updateStep(clientId, goal.id, stepId, {
      text: 'Draft a UX CV',
      dueDate: '2026-03-20',
      owner: 'coach',
    });
    expect(updated.steps[0]).toMatchObject({ text: 'Draft a UX CV', dueDate: '2026-03-20', owner: 'coach', done: false });
    await expect(workspace.goals.updateStep(clientId, goal.id, stepId, { done: true } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.goals.updateStep(clientId, goal.id, stepId, { text: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.goals.list(clientId))[0].steps[0].text).toBe('Draft a UX CV');
  });
});

describe('steps: tick', () => {
  it('stamps doneAt when ticked, keeps it when ticked again, clears it when unticked', async () => {
    const { workspace, clientId, clock, goal } = await goalWithSteps(['One', 'Two', 'Three']);
    const stepId = goal.steps[1].id;
    clock.set('2026-03-10T15:00:00.000Z');
    let updated = await workspace.goals.setStepDone(clientId, goal.id, stepId, true);
    expect(updated.steps[1]).toMatchObject({ done: true, doneAt: '2026-03-10T15:00:00.000Z' });
    expect(progress(updated)).toEqual({ done: 1, total: 3, ratio: 1 / 3 });
    clock.set('2026-03-11T15:00:00.000Z');
    updated = await workspace.goals.setStepDone(clientId, goal.id, stepId, true);
    expect(updated.steps[1].doneAt).toBe('2026-03-10T15:00:00.000Z');
    updated = await workspace.goals.setStepDone(clientId, goal.id, stepId, false);
    expect(updated.steps[1]).toMatchObject({ done: false, doneAt: null });
  });

  it('refuses a value that is not true or false', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One']);
    await expect(workspace.goals.setStepDone(clientId, goal.id, goal.steps[0].id, 'yes' as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('steps: reorder, remove and restore', () => {
  it('moves a step within the checklist', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One', 'Two', 'Three']);
    expect(texts(await workspace.goals.moveStep(clientId, goal.id, goal.steps[0].id, 2))).toEqual(['Two', 'Three', 'One']);
    expect(texts(await workspace.goals.moveStep(clientId, goal.id, goal.steps[0].id, 1))).toEqual(['Two', 'One', 'Three']);
    await expect(workspace.goals.moveStep(clientId, goal.id, goal.steps[0].id, 3)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('removes a step and restores it where it was', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One', 'Two', 'Three']);
    await workspace.goals.setStepDone(clientId, goal.id, goal.steps[1].id, true);
    const removed = await workspace.goals.removeStep(clientId, goal.id, goal.steps[1].id);
    expect(removed.index).toBe(1);
    expect(removed.step).toMatchObject({ text: 'Two', done: true });
    expect(texts(removed.goal)).toEqual(['One', 'Three']);
    const restored = await workspace.goals.restoreStep(clientId, goal.id, removed.step, removed.index);
    expect(restored.steps[1]).toEqual(removed.step);
    expect(texts(restored)).toEqual(['One', 'Two', 'Three']);
  });

  it('restores at the end when the checklist got shorter meanwhile', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One', 'Two', 'Three']);
    const removed = await workspace.goals.removeStep(clientId, goal.id, goal.steps[2].id);
    await workspace.goals.removeStep(clientId, goal.id, goal.steps[1].id);
    expect(texts(await workspace.goals.restoreStep(clientId, goal.id, removed.step, removed.index))).toEqual(['One', 'Three']);
  });

  it('refuses to restore a step that is still there or is malformed', async () => {
    const { workspace, clientId, goal } = await goalWithSteps(['One']);
    await expect(workspace.goals.restoreStep(clientId, goal.id, goal.steps[0], 0)).rejects.toMatchObject({ code: 'CONFLICT' });
    const { id: _id, ...withoutId } = goal.steps[0];
    await expect(workspace.goals.restoreStep(clientId, goal.id, withoutId as never, 0)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.restoreStep(clientId, MISSING_ID, goal.steps[0], 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await workspace.goals.list(clientId))[0].steps).toHaveLength(1);
  });
});
