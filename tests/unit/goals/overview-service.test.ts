import { describe, expect, it } from 'vitest';
import type { ClientDocument } from '../../../shared/model/documents';
import type { Session } from '../../../shared/model/session';
import { MISSING_ID, addDiscussion, editClientFile, movableClock, workspaceWithClient } from './fixtures';

/**
 * A practice on 2026-03-02: Amara's goal is stalled and has an overdue step, Ben's goal is due
 * soon, Chen's goal is past its target date, Dana is archived, and there are goals that are
 * not active.
 */
async function practice() {
  const clock = movableClock('2026-01-05T12:00:00.000Z');
  const { workspace, clientId: amaraId } = await workspaceWithClient(clock, 'Amara Okafor');
  const { goals } = workspace;
  const stalled = await goals.create(amaraId, { title: 'Head of data', targetDate: '2026-06-30' });
  const withSteps = await goals.createStep(amaraId, stalled.id, {
    text: 'Ask for a stretch project',
    owner: 'client',
    dueDate: '2026-02-20',
  });
  await goals.createStep(amaraId, stalled.id, { text: 'Write a leadership story', owner: 'client', dueDate: '2026-03-10' });
  await goals.setStepDone(amaraId, stalled.id, withSteps.steps[0].id, true);
  await goals.setStepDone(amaraId, stalled.id, withSteps.steps[0].id, false);
  await goals.createStep(amaraId, stalled.id, { text: 'Send CV', owner: 'coach', dueDate: '2026-01-10' });
  const onHold = await goals.create(amaraId, { title: 'Sabbatical', status: 'on-hold', targetDate: '2026-03-05' });
  await goals.createStep(amaraId, onHold.id, { text: 'Overdue but on hold', owner: 'client', dueDate: '2026-01-06' });

  clock.set('2026-03-02T12:00:00.000Z');
  const ben = await workspace.clients.create({ name: 'Ben Adeyemi', status: 'active' });
  const dueSoon = await goals.create(ben.id, { title: 'Pass the interview', targetDate: '2026-03-10' });
  const benStep = await goals.createStep(ben.id, dueSoon.id, { text: 'Mock interview', owner: 'coach', dueDate: '2026-03-01' });
  await goals.setStepDone(ben.id, dueSoon.id, benStep.steps[0].id, true);
  const chen = await workspace.clients.create({ name: 'Chen Wei', status: 'active' });
  const pastTarget = await goals.create(chen.id, { title: 'Move to product', targetDate: '2026-02-28' });
  const noDate = await goals.create(chen.id, { title: 'Speak at a meetup' });
  const dana = await workspace.clients.create({ name: 'Dana Lee' });
  const archivedGoal = await goals.create(dana.id, { title: 'Archived client goal', targetDate: '2026-03-03' });
  await goals.createStep(dana.id, archivedGoal.id, { text: 'Hidden', owner: 'client', dueDate: '2026-01-01' });
  await workspace.clients.archive(dana.id);
  return { workspace, clock, amaraId, benId: ben.id, chenId: chen.id, stalled, dueSoon, pastTarget, noDate };
}

describe('goals.overview', () => {
  it('lists every active goal of clients who are not archived, soonest target first', async () => {
    const { workspace, amaraId, benId, chenId, stalled, dueSoon, pastTarget, noDate } = await practice();
    const entries = await workspace.goals.overview({ filter: 'all' });
    expect(entries.map((entry) => entry.title)).toEqual(['Move to product', 'Pass the interview', 'Head of data', 'Speak at a meetup']);
    expect(entries[2]).toEqual({
      clientId: amaraId,
      clientName: 'Amara Okafor',
      goalId: stalled.id,
      title: 'Head of data',
      targetDate: '2026-06-30',
      progress: { done: 0, total: 3, ratio: 0 },
      overdueCount: 2,
      stalled: true,
      dueSoon: false,
      pastTarget: false,
    });
    expect(entries[1]).toMatchObject({
      clientId: benId,
      goalId: dueSoon.id,
      progress: { done: 1, total: 1, ratio: 1 },
      stalled: false,
      dueSoon: true,
    });
    expect(entries[0]).toMatchObject({ clientId: chenId, goalId: pastTarget.id, pastTarget: true, overdueCount: 0 });
    expect(entries[3]).toMatchObject({ goalId: noDate.id, targetDate: null, stalled: false });
  });

  it('filters by due soon, overdue and stalled', async () => {
    const { workspace } = await practice();
    const titles = async (filter: 'due-soon' | 'overdue' | 'stalled') =>
      (await workspace.goals.overview({ filter })).map((entry) => entry.title);
    expect(await titles('due-soon')).toEqual(['Pass the interview']);
    expect(await titles('overdue')).toEqual(['Move to product', 'Head of data']);
    expect(await titles('stalled')).toEqual(['Head of data']);
  });

  it('stops counting a goal as stalled once a step is ticked, and again 30 days later', async () => {
    const { workspace, clock, amaraId, stalled } = await practice();
    const [, second] = (await workspace.goals.list(amaraId))[0].steps;
    await workspace.goals.setStepDone(amaraId, stalled.id, second.id, true);
    expect(await workspace.goals.overview({ filter: 'stalled' })).toEqual([]);
    clock.set('2026-04-02T12:00:00.000Z');
    expect((await workspace.goals.overview({ filter: 'stalled' })).map((entry) => entry.title)).toEqual(['Head of data']);
  });

  it('refuses an unknown filter', async () => {
    const { workspace } = await workspaceWithClient();
    await expect(workspace.goals.overview({ filter: 'late' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.goals.overview({} as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('goals.overdueSteps', () => {
  it('lists overdue steps of active goals across the practice, oldest first', async () => {
    const { workspace, amaraId, stalled } = await practice();
    const entries = await workspace.goals.overdueSteps();
    expect(entries.map((entry) => [entry.clientName, entry.text, entry.dueDate])).toEqual([
      ['Amara Okafor', 'Send CV', '2026-01-10'],
      ['Amara Okafor', 'Ask for a stretch project', '2026-02-20'],
    ]);
    expect(entries[0]).toMatchObject({ clientId: amaraId, goalId: stalled.id, goalTitle: 'Head of data', owner: 'coach' });
  });

  it('is empty for a new practice and refuses arguments', async () => {
    const { workspace } = await workspaceWithClient();
    expect(await workspace.goals.overdueSteps()).toEqual([]);
    await expect((workspace.goals.overdueSteps as (...args: unknown[]) => Promise<unknown>)('x')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('goals.discussedIn', () => {
  const at = (day: string) => `2026-${day}T10:00:00.000Z`;
  const addSession = (document: ClientDocument, n: number, day: string, status: Session['status'], goalIds: (string | null)[]) =>
    addDiscussion(
      document,
      at(day),
      goalIds.map((goalId, i) => ({ title: `Item ${n}.${i}`, goalId })),
      { status },
    );

  it('lists sessions whose agenda links an item to the goal, most recent first, leaving out cancelled ones', async () => {
    const { workspace, clientId, clock } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Head of data' });
    const other = await workspace.goals.create(clientId, { title: 'Other' });
    let held = '';
    let planned = '';
    const reopened = await editClientFile(workspace, clientId, clock.now, (document) => {
      held = addSession(document, 1, '02-10', 'held', [goal.id, null, goal.id]);
      planned = addSession(document, 2, '03-20', 'planned', [goal.id]);
      addSession(document, 3, '02-24', 'cancelled', [goal.id]);
      addSession(document, 4, '02-17', 'held', [other.id]);
    });
    expect(await reopened.goals.discussedIn(clientId, goal.id)).toEqual([
      { sessionId: planned, startsAt: at('03-20'), status: 'planned', itemTitles: ['Item 2.0'] },
      { sessionId: held, startsAt: at('02-10'), status: 'held', itemTitles: ['Item 1.0', 'Item 1.2'] },
    ]);
    expect(await reopened.goals.discussedIn(clientId, other.id)).toHaveLength(1);
  });

  it('reports NOT_FOUND for an unknown goal or client and INVALID_INPUT for a malformed id', async () => {
    const { workspace, clientId } = await workspaceWithClient();
    const goal = await workspace.goals.create(clientId, { title: 'Head of data' });
    expect(await workspace.goals.discussedIn(clientId, goal.id)).toEqual([]);
    await expect(workspace.goals.discussedIn(clientId, MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.discussedIn(MISSING_ID, goal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.goals.discussedIn(clientId, 'goal-1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
