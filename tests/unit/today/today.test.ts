import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../electron/core/workspace';
import type { ClientDocument } from '../../../shared/model/documents';
import { testWorkspace } from '../../helpers/workspace-api';
import { local } from './support';

// Monday 2 February 2026, 09:00 local time; no daylight-saving change in the week ahead.
const now = () => local(2026, 2, 2, 9);
const at = (day: number, hour: number) => local(2026, 2, day, hour).toISOString();

/** Adds an agenda straight into the client's file (the agenda API belongs to another feature). */
async function writeAgenda(dir: string, clientId: string, sessionId: string, reviewed: boolean) {
  const file = join(dir, 'clients', `${clientId}.json`);
  const document = JSON.parse(await readFile(file, 'utf8')) as ClientDocument;
  document.agendas.push({
    id: randomUUID(),
    createdAt: at(1, 9),
    updatedAt: at(1, 9),
    sessionId,
    goals: [],
    items: [{ id: randomUUID(), title: 'Review CV', details: '', minutes: 20, proposedBy: 'client', goalId: null, outcome: '' }],
    sharedAt: null,
    reviewedWithClientAt: reviewed ? at(1, 10) : null,
    history: [],
  });
  await writeFile(file, JSON.stringify(document));
}

async function reopen(workspace: Workspace) {
  const dir = workspace.dataDir;
  await workspace.close();
  return testWorkspace({ dir, now });
}

describe('today.get', () => {
  it('is empty for a new practice', async () => {
    const workspace = await testWorkspace({ now });
    expect(await workspace.today.get()).toEqual({
      sessions: [],
      commitments: [],
      commitmentsTotal: 0,
      beforeSession: [],
      toWriteUp: [],
      noContact: [],
      noContactDays: 21,
      overdueStepsCount: 0,
      nextActionsDueCount: 0,
      hasClients: false,
    });
  });

  it('lists this week’s sessions in order with their readiness', async () => {
    let workspace = await testWorkspace({ now });
    const amara = await workspace.clients.create({ name: 'Amara', status: 'active' });
    const ben = await workspace.clients.create({ name: 'Ben', status: 'active' });
    const thursday = await workspace.sessions.create(amara.id, { startsAt: at(5, 14), mode: 'video' });
    const todayEarlier = await workspace.sessions.create(ben.id, { startsAt: at(2, 8), mode: 'phone' });
    const nextMonday = await workspace.sessions.create(ben.id, { startsAt: at(9, 0), mode: 'phone' });
    const lastWeek = await workspace.sessions.create(ben.id, { startsAt: at(1, 23), mode: 'phone' });
    const cancelled = await workspace.sessions.create(amara.id, { startsAt: at(3, 10), mode: 'video' });
    await workspace.sessions.setStatus(amara.id, cancelled.id, 'cancelled');
    await workspace.sessions.stampMaterialsSent(amara.id, thursday.id, true);
    await workspace.sessions.stampReconfirmed(amara.id, thursday.id, true);
    await writeAgenda(workspace.dataDir, amara.id, thursday.id, true);
    workspace = await reopen(workspace);

    const { sessions } = await workspace.today.get();
    expect(sessions.map((entry) => entry.session.id)).toEqual([todayEarlier.id, thursday.id]);
    expect(sessions.map((entry) => entry.session.id)).not.toContain(nextMonday.id);
    expect(sessions.map((entry) => entry.session.id)).not.toContain(lastWeek.id);
    expect(sessions[0]).toMatchObject({ clientId: ben.id, clientName: 'Ben', readiness: { agendaDrafted: false, reconfirmed: false } });
    expect(sessions[1].readiness).toEqual({
      agendaDrafted: true,
      agendaReviewed: true,
      materialsSent: true,
      materialsSentInAdvance: true,
      reconfirmed: true,
    });
  });

  it('sees a stamp as soon as it is made, and its undo', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Chen', status: 'active' });
    const session = await workspace.sessions.create(client.id, { startsAt: at(2, 15), mode: 'video' });
    await workspace.sessions.stampReconfirmed(client.id, session.id, true);
    expect((await workspace.today.get()).sessions[0].readiness.reconfirmed).toBe(true);
    await workspace.sessions.stampReconfirmed(client.id, session.id, false);
    expect((await workspace.today.get()).sessions[0].readiness.reconfirmed).toBe(false);
  });

  it('lists overdue and due-today commitments, the coach’s first', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Dana', status: 'active' });
    const archived = await workspace.clients.create({ name: 'Old client', status: 'active' });
    const make = (text: string, owner: 'coach' | 'client', dueDate: string, clientId = client.id) =>
      workspace.commitments.create(clientId, { text, owner, dueDate });
    const clientOverdue = await make('Update LinkedIn', 'client', '2026-01-20');
    const coachToday = await make('Send article', 'coach', '2026-02-02');
    const coachOverdue = await make('Intro to Priya', 'coach', '2026-01-30');
    await make('Later', 'coach', '2026-02-03');
    const done = await make('Done already', 'coach', '2026-01-25');
    await workspace.commitments.setDone(client.id, done.id, true);
    await make('Forgotten', 'coach', '2026-01-01', archived.id);
    await workspace.clients.archive(archived.id);

    const { commitments } = await workspace.today.get();
    expect(commitments.map((entry) => [entry.commitment.id, entry.timing])).toEqual([
      [coachOverdue.id, 'overdue'],
      [coachToday.id, 'due-today'],
      [clientOverdue.id, 'overdue'],
    ]);
  });

  it('lists clients not heard from for longer than the threshold from Settings', async () => {
    let clock = local(2026, 1, 1, 9);
    const workspace = await testWorkspace({ now: () => clock });
    const quiet = await workspace.clients.create({ name: 'Quiet', status: 'active' });
    const noted = await workspace.clients.create({ name: 'Noted', status: 'active' });
    const done = await workspace.clients.create({ name: 'Finished', status: 'completed' });
    clock = local(2026, 1, 20, 9);
    await workspace.notes.create(noted.id, 'Caught up by phone.');
    clock = now();

    const defaults = await workspace.today.get();
    expect(defaults.noContact).toEqual([{ clientId: quiet.id, clientName: 'Quiet', status: 'active', lastContactAt: null, days: 32 }]);
    expect(defaults.noContact.map((entry) => entry.clientId)).not.toContain(done.id);

    await workspace.settings.update({ noContactDays: 7 });
    const stricter = await workspace.today.get();
    expect(stricter.noContactDays).toBe(7);
    expect(stricter.noContact.map((entry) => [entry.clientName, entry.days])).toEqual([
      ['Quiet', 32],
      ['Noted', 13],
    ]);
  });
  it('sends what Today shows of a session and a commitment, not their notes', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Eve', status: 'active' });
    const session = await workspace.sessions.create(client.id, { startsAt: at(3, 11), mode: 'in-person', location: 'Café Nord' });
    await workspace.sessions.update(client.id, session.id, { notes: 'Long private notes about the plan.' });
    const commitment = await workspace.commitments.create(client.id, { text: 'Send the CV', owner: 'client', dueDate: '2026-01-31' });

    const overview = await workspace.today.get();
    expect(overview.sessions[0].session).toEqual({
      id: session.id,
      startsAt: at(3, 11),
      durationMinutes: session.durationMinutes,
      mode: 'in-person',
      location: 'Café Nord',
      status: session.status,
      materialsSentAt: null,
      reconfirmedAt: null,
      agendaSentAt: null,
    });
    expect(overview.commitments).toEqual([
      {
        clientId: client.id,
        clientName: 'Eve',
        commitment: { id: commitment.id, text: 'Send the CV', owner: 'client', dueDate: '2026-01-31' },
        timing: 'overdue',
      },
    ]);
  });

  it('sends the first commitments only when asked to, with how many there are in all', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Fay', status: 'active' });
    for (const day of [10, 11, 12, 13, 14]) {
      await workspace.commitments.create(client.id, { text: `Due on the ${day}th`, owner: 'coach', dueDate: `2026-01-${day}` });
    }

    const all = await workspace.today.get();
    expect(all.commitments.map((entry) => entry.commitment.text)).toEqual([
      'Due on the 10th',
      'Due on the 11th',
      'Due on the 12th',
      'Due on the 13th',
      'Due on the 14th',
    ]);
    expect(all.commitmentsTotal).toBe(5);
    const first = await workspace.today.get({ commitmentsLimit: 2 });
    expect(first.commitments).toEqual(all.commitments.slice(0, 2));
    expect(first.commitmentsTotal).toBe(5);
  });

  it('follows every change to a client’s commitments and status', async () => {
    const workspace = await testWorkspace({ now });
    const client = await workspace.clients.create({ name: 'Gus', status: 'active' });
    const first = await workspace.commitments.create(client.id, { text: 'First', owner: 'coach', dueDate: '2026-01-30' });
    const texts = async () => (await workspace.today.get()).commitments.map((entry) => entry.commitment.text);
    expect(await texts()).toEqual(['First']);

    await workspace.commitments.create(client.id, { text: 'Today', owner: 'coach', dueDate: '2026-02-02' });
    await workspace.commitments.create(client.id, { text: 'Tomorrow', owner: 'coach', dueDate: '2026-02-03' });
    expect(await texts()).toEqual(['First', 'Today']);
    await workspace.commitments.setDone(client.id, first.id, true);
    expect(await texts()).toEqual(['Today']);
    await workspace.commitments.setDone(client.id, first.id, false);
    expect(await texts()).toEqual(['First', 'Today']);
    await workspace.clients.archive(client.id);
    expect(await texts()).toEqual([]);
  });

  it('refuses options it does not know', async () => {
    const workspace = await testWorkspace({ now });
    await expect(workspace.today.get({ commitmentsLimit: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.today.get({ limit: 5 } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
