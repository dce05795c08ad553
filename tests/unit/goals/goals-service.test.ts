import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientDocument } from '../../../shared/model/documents';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID, addDiscussion, editClientFile, movableClock, workspaceWithClient } from './fixtures';

describe('goals: create and list', () => {
  it('creates goals with defaults, keeps them in creation order and after reopening', async () => {
    const { workspace, clientId, clock } = await workspaceWithClient();
    const first = await workspace.goals.create(clientId, {
      title: '  Land a head-of-data role ',
      why: 'I want to lead.',
      targetDate: '2026-09-30',
    });
    const second = await workspace.goals.create(clientId, { title: 'Rebuild my network', status: 'on-hold' });
    expect(first).toMatchObject({
      title: 'Land a head-of-data role',
      why: 'I want to lead.',
      targetDate: '2026-09-30',
      status: 'active',
      steps: [],
      createdAt: '2026-03-02T12:00:00.000Z',
    });
    expect(second).toMatchObject({ why: '', targetDate: null, status: 'on-hold' });
    await workspace.close();
    const reopened = await testWorkspace({ dir: workspace.dataDir, now: clock.now });
    expect(await reopened.goals.list(clientId)).toEqual([first, second]);
  });

  it('refuses an empty title, a bad date, an unknown status and unknown fields', async () => {
    const { workspace, clientId } = await workspaceWithClient();
    await expect(workspace.goals.create(clientId, { title: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.create(clientId, { title: 'A', targetDate: '30/09/2026' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.goals.create(clientId, { title: 'A', status: 'done' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.goals.create(clientId, { title: 'A', progress: 3 } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.list('not-an-id')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.goals.list(clientId)).toEqual([]);
  });

  it('reports NOT_FOUND for an unknown client', async () => {
    const { workspace } = await workspaceWithClient();
    await expect(workspace.goals.list(MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.create(MISSING_ID, { title: 'A' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('goals: update and setStatus', () => {
  it('updates fields and stamps updatedAt', async () => {
    const { workspace, clientId, clock } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion', targetDate: '2026-12-01' });
    clock.set('2026-03-05T08:00:00.000Z');
    const updated = await workspace.goals.update(clientId, goal.id, { why: 'Recognition for my work.', targetDate: null });
    expect(updated).toMatchObject({
      title: 'Promotion',
      why: 'Recognition for my work.',
      targetDate: null,
      updatedAt: '2026-03-05T08:00:00.000Z',
    });
    expect(updated.createdAt).toBe('2026-03-02T12:00:00.000Z');
    expect((await workspace.goals.list(clientId))[0]).toEqual(updated);
  });

  it('changes status', async () => {
    const { workspace, clientId } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    expect((await workspace.goals.setStatus(clientId, goal.id, 'achieved')).status).toBe('achieved');
    expect((await workspace.goals.list(clientId))[0].status).toBe('achieved');
  });

  it('refuses invalid changes and leaves the goal as it was', async () => {
    const { workspace, clientId } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    await expect(workspace.goals.update(clientId, goal.id, { title: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.update(clientId, goal.id, { steps: [] } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.setStatus(clientId, goal.id, 'finished' as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.goals.list(clientId)).toEqual([goal]);
  });

  it('reports NOT_FOUND for an unknown goal or client', async () => {
    const { workspace, clientId } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Promotion' });
    await expect(workspace.goals.update(clientId, MISSING_ID, { title: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.update(MISSING_ID, goal.id, { title: 'X' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.setStatus(clientId, MISSING_ID, 'dropped')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('goals: move and remove', () => {
  async function threeGoals() {
    const setup = await workspaceWithClient();
    const titles = ['First', 'Second', 'Third'];
    const goals = [];
    for (const title of titles) goals.push(await setup.workspace.goals.create(setup.clientId, { title }));
    return { ...setup, goals };
  }

  it('moves a goal to a new position and keeps the order', async () => {
    const { workspace, clientId, goals } = await threeGoals();
    const moved = await workspace.goals.move(clientId, goals[2].id, 0);
    expect(moved.map((goal) => goal.title)).toEqual(['Third', 'First', 'Second']);
    await workspace.goals.move(clientId, goals[2].id, 2);
    expect((await workspace.goals.list(clientId)).map((goal) => goal.title)).toEqual(['First', 'Second', 'Third']);
  });

  it('refuses a position outside the list or not a whole number', async () => {
    const { workspace, clientId, goals } = await threeGoals();
    await expect(workspace.goals.move(clientId, goals[0].id, 3)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.move(clientId, goals[0].id, -1)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.move(clientId, goals[0].id, 1.5)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.move(clientId, MISSING_ID, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await workspace.goals.list(clientId)).map((goal) => goal.title)).toEqual(['First', 'Second', 'Third']);
  });

  it('removes a goal and unlinks agenda items that pointed at it', async () => {
    const { workspace, clientId, clock, goals } = await threeGoals();
    const reopened = await editClientFile(workspace, clientId, clock.now, (document) => {
      addDiscussion(document, '2026-03-01T10:00:00.000Z', [{ title: 'CV review', goalId: goals[1].id }]);
    });
    expect(await reopened.goals.discussedIn(clientId, goals[1].id)).toHaveLength(1);
    await reopened.goals.remove(clientId, goals[1].id);
    expect((await reopened.goals.list(clientId)).map((goal) => goal.title)).toEqual(['First', 'Third']);
    await expect(reopened.goals.discussedIn(clientId, goals[1].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const saved = JSON.parse(await readFile(join(reopened.dataDir, 'clients', `${clientId}.json`), 'utf8')) as ClientDocument;
    expect(saved.agendas[0].items[0]).toMatchObject({ title: 'CV review', goalId: null });
    await expect(reopened.goals.remove(clientId, goals[1].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to remove with a malformed id', async () => {
    const { workspace, clientId } = await threeGoals();
    await expect(workspace.goals.remove(clientId, 'first')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.goals.list(clientId)).toHaveLength(3);
  });

  it('keeps every change when goals are added at the same time', async () => {
    const clock = movableClock();
    const { workspace, clientId } = await workspaceWithClient(clock);
    await Promise.all(Array.from({ length: 10 }, (_, i) => workspace.goals.create(clientId, { title: `Goal ${i}` })));
    expect(await workspace.goals.list(clientId)).toHaveLength(10);
  });
});
