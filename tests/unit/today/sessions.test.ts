import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID, movableClock } from './support';

const plan = { startsAt: '2026-03-10T14:00:00.000Z', mode: 'video' as const, location: 'https://meet.example/abc' };

const fixedNow = () => new Date('2026-03-02T09:00:00.000Z');

async function clientWithSession(options: Parameters<typeof testWorkspace>[0] = {}) {
  const workspace = await testWorkspace({ now: fixedNow, ...options });
  const client = await workspace.clients.create({ name: 'Amara' });
  const session = await workspace.sessions.create(client.id, plan);
  return { workspace, clientId: client.id, session };
}

describe('sessions', () => {
  it('schedules a planned session with the practice’s default length', async () => {
    const workspace = await testWorkspace();
    await workspace.settings.update({ defaultSessionMinutes: 75 });
    const client = await workspace.clients.create({ name: 'Amara' });
    const session = await workspace.sessions.create(client.id, { startsAt: plan.startsAt, mode: 'phone' });
    expect(session).toMatchObject({
      durationMinutes: 75,
      mode: 'phone',
      location: '',
      status: 'planned',
      reconfirmedAt: null,
      materialsSentAt: null,
      notes: '',
      reflection: null,
      agendaSentAt: null,
      recapSentAt: null,
      billing: null,
      groupSize: 1,
      calendarUid: null,
    });
    const explicit = await workspace.sessions.create(client.id, { ...plan, startsAt: '2026-03-01T09:00:00.000Z', durationMinutes: 45 });
    expect(explicit.durationMinutes).toBe(45);
    expect((await workspace.sessions.list(client.id)).map((s) => s.id)).toEqual([explicit.id, session.id]);
  });

  it('edits the plan and notes, and sets the status', async () => {
    const { workspace, clientId, session } = await clientWithSession();
    const moved = await workspace.sessions.update(clientId, session.id, {
      startsAt: '2026-03-11T15:30:00.000Z',
      mode: 'in-person',
      location: 'Café Nord',
      notes: 'Bring CV',
    });
    expect(moved).toMatchObject({
      startsAt: '2026-03-11T15:30:00.000Z',
      mode: 'in-person',
      location: 'Café Nord',
      notes: 'Bring CV',
      durationMinutes: 60,
    });
    for (const status of ['confirmed', 'held', 'no-show', 'cancelled', 'planned'] as const) {
      expect((await workspace.sessions.setStatus(clientId, session.id, status)).status).toBe(status);
    }
  });

  it('stamps reconfirmed and materials sent with the time, and undoes them', async () => {
    const clock = movableClock(new Date('2026-03-08T09:00:00.000Z'));
    const { workspace, clientId, session } = await clientWithSession({ now: clock.now });
    clock.set(new Date('2026-03-08T10:00:00.000Z'));
    expect((await workspace.sessions.stampReconfirmed(clientId, session.id, true)).reconfirmedAt).toBe('2026-03-08T10:00:00.000Z');
    expect((await workspace.sessions.stampMaterialsSent(clientId, session.id, true)).materialsSentAt).toBe('2026-03-08T10:00:00.000Z');
    clock.set(new Date('2026-03-09T10:00:00.000Z'));
    expect((await workspace.sessions.stampReconfirmed(clientId, session.id, true)).reconfirmedAt).toBe('2026-03-08T10:00:00.000Z');
    expect((await workspace.sessions.stampReconfirmed(clientId, session.id, false)).reconfirmedAt).toBeNull();
    const undone = await workspace.sessions.stampMaterialsSent(clientId, session.id, false);
    expect(undone).toMatchObject({ materialsSentAt: null, reconfirmedAt: null });
  });

  it('saves a reflection with signs, habits and free text', async () => {
    const { workspace, clientId, session } = await clientWithSession();
    const saved = await workspace.sessions.saveReflection(clientId, session.id, {
      signs: ['filled-silences', 'filled-silences'],
      habits: ['asked-open-questions'],
      text: 'Talked too much in the first half.',
    });
    expect(saved.reflection).toEqual({
      signs: ['filled-silences'],
      habits: ['asked-open-questions'],
      text: 'Talked too much in the first half.',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('removes a session with its agenda and unlinks its commitments', async () => {
    const { workspace, clientId, session } = await clientWithSession();
    const other = await workspace.sessions.create(clientId, { ...plan, startsAt: '2026-03-17T14:00:00.000Z' });
    const commitment = await workspace.commitments.create(clientId, { text: 'Send the article', owner: 'coach', sessionId: session.id });
    await workspace.sessions.remove(clientId, session.id);
    expect((await workspace.sessions.list(clientId)).map((s) => s.id)).toEqual([other.id]);
    expect(await workspace.commitments.list(clientId)).toEqual([expect.objectContaining({ id: commitment.id, sessionId: null })]);
  });

  it('rejects invalid input and changes nothing', async () => {
    const { workspace, clientId, session } = await clientWithSession();
    const bad = [
      workspace.sessions.create(clientId, { ...plan, startsAt: 'next tuesday' }),
      workspace.sessions.create(clientId, { ...plan, mode: 'carrier pigeon' as never }),
      workspace.sessions.create(clientId, { ...plan, durationMinutes: 2 }),
      workspace.sessions.update(clientId, session.id, { status: 'held' } as never),
      workspace.sessions.setStatus(clientId, session.id, 'done' as never),
      workspace.sessions.stampReconfirmed(clientId, session.id, 'yes' as never),
      workspace.sessions.saveReflection(clientId, session.id, { signs: ['bragging' as never], habits: [], text: '' }),
    ];
    for (const call of bad) await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await workspace.sessions.list(clientId)).toEqual([session]);
  });

  it('reports NOT_FOUND for an unknown client or session', async () => {
    const { workspace, clientId } = await clientWithSession();
    await expect(workspace.sessions.list(MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.sessions.create(MISSING_ID, plan)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const calls = [
      workspace.sessions.update(clientId, MISSING_ID, { notes: 'x' }),
      workspace.sessions.setStatus(clientId, MISSING_ID, 'held'),
      workspace.sessions.stampReconfirmed(clientId, MISSING_ID, true),
      workspace.sessions.stampMaterialsSent(clientId, MISSING_ID, true),
      workspace.sessions.saveReflection(clientId, MISSING_ID, { signs: [], habits: [], text: '' }),
      workspace.sessions.remove(clientId, MISSING_ID),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
