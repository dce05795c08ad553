import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgendaDraft } from '../../../shared/api/agendas';
import { workspaceWithSession } from './agenda-workspace';
import { rejection } from '../../helpers/rejection';

const MISSING = randomUUID();

const draft: AgendaDraft = {
  goals: [{ text: 'Agree on three target employers' }, { text: 'Plan the CV rewrite' }],
  items: [
    { title: 'Check-in', minutes: 10, proposedBy: 'coach' },
    { title: 'Review the CV draft', details: 'Summary first.', minutes: 20, proposedBy: 'coach' },
    { title: 'Shortlist employers', minutes: 15, proposedBy: 'client' },
  ],
};

describe('agendas.get, save and context', () => {
  it('has no agenda until one is saved, then creates it with a history entry', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    expect(await workspace.agendas.get(clientId, sessionId)).toBeNull();
    const agenda = await workspace.agendas.save(clientId, sessionId, draft);
    expect(agenda).toMatchObject({ sessionId, sharedAt: null, reviewedWithClientAt: null, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(agenda.items.map((item) => [item.title, item.minutes, item.proposedBy, item.goalId, item.outcome])).toEqual([
      ['Check-in', 10, 'coach', null, ''],
      ['Review the CV draft', 20, 'coach', null, ''],
      ['Shortlist employers', 15, 'client', null, ''],
    ]);
    expect(agenda.goals.map((goal) => goal.met)).toEqual(['unset', 'unset']);
    expect(agenda.history).toEqual([
      { id: expect.any(String), at: '2026-03-02T09:00:00.000Z', author: 'coach', summary: 'Drafted the agenda: 2 goals, 3 items' },
    ]);
    expect(await workspace.agendas.get(clientId, sessionId)).toEqual(agenda);
    const file = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8'));
    expect(file.agendas).toEqual([agenda]);
  });

  it('records what each later save changed: added, removed, edited, reordered', async () => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const { workspace, clientId, sessionId, clientGoalId } = await workspaceWithSession({ now: () => clock });
    const first = await workspace.agendas.save(clientId, sessionId, draft);
    const [checkIn, review, shortlist] = first.items;
    clock = new Date('2026-03-03T12:00:00.000Z');
    const second = await workspace.agendas.save(clientId, sessionId, {
      goals: first.goals.map(({ id, text }) => ({ id, text })),
      items: [
        { id: review.id, title: review.title, minutes: 25, proposedBy: 'coach', goalId: clientGoalId },
        { id: checkIn.id, title: checkIn.title, minutes: 10, proposedBy: 'coach' },
        { title: 'Salary', minutes: 5, proposedBy: 'client' },
      ],
    });
    expect(second.items.map((item) => item.title)).toEqual(['Review the CV draft', 'Check-in', 'Salary']);
    expect(second.items[0]).toMatchObject({ id: review.id, details: 'Summary first.', goalId: clientGoalId, minutes: 25 });
    expect(second.updatedAt).toBe('2026-03-03T12:00:00.000Z');
    expect(second.history.at(-1)).toMatchObject({
      author: 'coach',
      at: '2026-03-03T12:00:00.000Z',
      summary: `Added “Salary”; removed “${shortlist.title}”; edited “Review the CV draft”; reordered the items`,
    });
  });

  it('does not record a save that changes nothing', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const first = await workspace.agendas.save(clientId, sessionId, draft);
    const again = await workspace.agendas.save(clientId, sessionId, {
      goals: first.goals.map(({ id, text }) => ({ id, text })),
      items: first.items.map(({ id, title, minutes, proposedBy }) => ({ id, title, minutes, proposedBy })),
    });
    expect(again).toEqual(first);
  });

  it('refuses unknown ids, links to goals the client does not have, and invalid fields', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, draft);
    const unknownItem = await rejection(
      workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ id: MISSING, title: 'X', minutes: 5, proposedBy: 'coach' }] }),
      'INVALID_INPUT',
    );
    expect(unknownItem.issues[0].path).toEqual(['items', 0, 'id']);
    const badGoal = await rejection(
      workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'X', minutes: 5, proposedBy: 'coach', goalId: MISSING }] }),
      'INVALID_INPUT',
    );
    expect(badGoal.message).toContain('no longer in the client’s file');
    const empty = await rejection(
      workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: '  ', minutes: 5, proposedBy: 'coach' }] }),
      'INVALID_INPUT',
    );
    expect(empty.message).toBe('An agenda item needs a title.');
    await expect(
      workspace.agendas.save(clientId, sessionId, { goals: [], items: [{ title: 'X', minutes: -1, proposedBy: 'coach' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      workspace.agendas.save(clientId, sessionId, { goals: [], items: [], extra: true } as unknown as AgendaDraft),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.agendas.get(clientId, sessionId))?.items).toHaveLength(3);
  });

  it('says NOT_FOUND for an unknown client or session, and INVALID_INPUT for malformed ids', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await expect(workspace.agendas.get(MISSING, sessionId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.get(clientId, MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.get('nope', sessionId)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.agendas.save(clientId, MISSING, draft)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.save(MISSING, sessionId, draft)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.context(clientId, MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.context(clientId, 'nope')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('gives the editor the session, the client’s words and goals, and the session length', async () => {
    const { workspace, clientId, sessionId, clientGoalId } = await workspaceWithSession();
    const context = await workspace.agendas.context(clientId, sessionId);
    expect(context).toMatchObject({
      clientName: 'Amara Okafor',
      sessionMinutes: 60,
      terminology: [{ term: 'my crew', meaning: 'the team she leads' }],
      goals: [{ id: clientGoalId, title: 'Move into a team lead role' }],
    });
    expect(context.session.id).toBe(sessionId);
  });
});

describe('agendas.fromTemplate', () => {
  it('starts an agenda from a starter template, all items proposed by the coach', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const [, regular] = await workspace.templates.list();
    const agenda = await workspace.agendas.fromTemplate(clientId, sessionId, regular.id);
    expect(agenda.items.map((item) => item.title)).toEqual(regular.items.map((item) => item.title));
    expect(agenda.items.every((item) => item.proposedBy === 'coach')).toBe(true);
    expect(agenda.goals.map((goal) => goal.text)).toEqual(regular.goals);
    expect(agenda.history.map((entry) => entry.summary)).toEqual(['Started from the template “Regular session”']);
  });

  it('replaces an existing draft and says so in the history', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await workspace.agendas.save(clientId, sessionId, draft);
    const [first] = await workspace.templates.list();
    const agenda = await workspace.agendas.fromTemplate(clientId, sessionId, first.id);
    expect(agenda.items).toHaveLength(first.items.length);
    expect(agenda.history.map((entry) => entry.summary)).toEqual([
      'Drafted the agenda: 2 goals, 3 items',
      'Replaced the agenda with the template “First session”',
    ]);
  });

  it('says NOT_FOUND for an unknown template, session or client, INVALID_INPUT for a malformed id', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const [first] = await workspace.templates.list();
    await expect(workspace.agendas.fromTemplate(clientId, sessionId, MISSING)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.fromTemplate(clientId, MISSING, first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.fromTemplate(MISSING, sessionId, first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.fromTemplate(clientId, sessionId, 'first')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('agendas.setReviewed, setGoalMet, setOutcome', () => {
  it('stamps and clears "reviewed with client", recording both', async () => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const { workspace, clientId, sessionId } = await workspaceWithSession({ now: () => clock });
    await workspace.agendas.save(clientId, sessionId, draft);
    clock = new Date('2026-03-06T16:00:00.000Z');
    const reviewed = await workspace.agendas.setReviewed(clientId, sessionId, true);
    expect(reviewed.reviewedWithClientAt).toBe('2026-03-06T16:00:00.000Z');
    clock = new Date('2026-03-07T16:00:00.000Z');
    expect((await workspace.agendas.setReviewed(clientId, sessionId, true)).reviewedWithClientAt).toBe('2026-03-06T16:00:00.000Z');
    const cleared = await workspace.agendas.setReviewed(clientId, sessionId, false);
    expect(cleared.reviewedWithClientAt).toBeNull();
    expect(cleared.history.slice(1).map((entry) => entry.summary)).toEqual([
      'Marked as reviewed with the client',
      'Marked as not yet reviewed with the client',
    ]);
  });

  it('marks goals met, partly or not, and notes item outcomes', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    const agenda = await workspace.agendas.save(clientId, sessionId, draft);
    await workspace.agendas.setGoalMet(clientId, sessionId, agenda.goals[0].id, 'yes');
    await workspace.agendas.setGoalMet(clientId, sessionId, agenda.goals[1].id, 'partly');
    const result = await workspace.agendas.setOutcome(clientId, sessionId, agenda.items[1].id, 'Summary rewritten together.');
    expect(result.goals.map((goal) => goal.met)).toEqual(['yes', 'partly']);
    expect(result.items[1].outcome).toBe('Summary rewritten together.');
    expect(result.history.slice(1).map((entry) => entry.summary)).toEqual([
      'Marked the goal “Agree on three target employers” as met',
      'Marked the goal “Plan the CV rewrite” as partly met',
      'Noted the outcome of “Review the CV draft”',
    ]);
    const resaved = await workspace.agendas.save(clientId, sessionId, {
      goals: result.goals.map(({ id, text }) => ({ id, text })),
      items: result.items.map(({ id, title, minutes, proposedBy }) => ({ id, title, minutes, proposedBy })),
    });
    expect(resaved.items[1].outcome).toBe('Summary rewritten together.');
    expect(resaved.goals.map((goal) => goal.met)).toEqual(['yes', 'partly']);
  });

  it('says NOT_FOUND without an agenda, goal or item, and INVALID_INPUT for bad values', async () => {
    const { workspace, clientId, sessionId } = await workspaceWithSession();
    await expect(workspace.agendas.setReviewed(clientId, sessionId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.setGoalMet(clientId, sessionId, MISSING, 'yes')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.setOutcome(clientId, sessionId, MISSING, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const agenda = await workspace.agendas.save(clientId, sessionId, draft);
    await expect(workspace.agendas.setGoalMet(clientId, sessionId, MISSING, 'yes')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.setOutcome(clientId, sessionId, MISSING, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.setReviewed(clientId, MISSING, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.agendas.setReviewed(clientId, sessionId, 'yes' as unknown as boolean)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.agendas.setGoalMet(clientId, sessionId, agenda.goals[0].id, 'maybe' as 'yes')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(workspace.agendas.setOutcome(clientId, sessionId, agenda.items[0].id, 'x'.repeat(50_001))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
