import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';

/** Wednesday 11 March 2026, mid-morning: far from midnight in any zone the tests run in. */
const NOW = new Date('2026-03-11T10:00:00.000Z');

async function practice() {
  let clock = NOW;
  const workspace = await testWorkspace({ now: () => clock });
  const setClock = (at: string) => {
    clock = new Date(at);
  };
  return { workspace, setClock };
}

const rating = { credibility: 6, reliability: 5, intimacy: 4, selfOrientation: 5 };

describe('clients.overview', () => {
  it('picks the next session that is still to come: not held, not cancelled, not over', async () => {
    const { workspace } = await practice();
    const { id } = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const held = await workspace.sessions.create(id, { startsAt: '2026-03-04T10:00:00.000Z', mode: 'video' });
    await workspace.sessions.setStatus(id, held.id, 'held');
    const cancelled = await workspace.sessions.create(id, { startsAt: '2026-03-12T09:00:00.000Z', mode: 'video' });
    await workspace.sessions.setStatus(id, cancelled.id, 'cancelled');
    // Planned for an hour ago and never marked: it is over, so not "next".
    await workspace.sessions.create(id, { startsAt: '2026-03-11T08:00:00.000Z', mode: 'phone', durationMinutes: 60 });
    await workspace.sessions.create(id, { startsAt: '2026-03-20T09:00:00.000Z', mode: 'video' });
    const next = await workspace.sessions.create(id, { startsAt: '2026-03-13T14:00:00.000Z', mode: 'in-person', location: 'Café Rosa' });
    await workspace.agendas.save(id, next.id, {
      goals: [],
      items: [{ title: 'Salary benchmarks', details: '', minutes: 15, proposedBy: 'client' }],
    });
    await workspace.sessions.stampReconfirmed(id, next.id, true);

    const overview = await workspace.clients.overview(id);
    expect(overview.nextSession).toMatchObject({
      id: next.id,
      location: 'Café Rosa',
      agendaItems: 1,
      agendaRoute: `/clients/${id}/sessions/${next.id}/agenda`,
      ready: false,
      readiness: { agendaDrafted: true, agendaReviewed: false, materialsSent: false, reconfirmed: true },
    });
    expect(overview.sessionsHeld).toBe(1);
    expect(overview.lastContactAt).toBe(held.startsAt);

    const [summary] = await workspace.clients.list();
    expect(summary).toMatchObject({ nextSessionAt: next.startsAt, lastContactAt: held.startsAt });
  });

  it('keeps a session under way as the next one, with its agenda', async () => {
    const { workspace } = await practice();
    const { id } = await workspace.clients.create({ name: 'Bruno Silva' });
    const now = await workspace.sessions.create(id, { startsAt: '2026-03-11T09:30:00.000Z', mode: 'video', durationMinutes: 60 });
    expect((await workspace.clients.overview(id)).nextSession?.id).toBe(now.id);
  });

  it('lists the open commitments of both sides, overdue ones first and marked', async () => {
    const { workspace } = await practice();
    const { id } = await workspace.clients.create({ name: 'Chen Wei', status: 'active' });
    await workspace.commitments.create(id, { text: 'Send the salary survey', owner: 'coach', dueDate: '2026-03-09' });
    await workspace.commitments.create(id, { text: 'Introduce Chen to Priya', owner: 'coach' });
    const done = await workspace.commitments.create(id, { text: 'Share the CV template', owner: 'coach', dueDate: '2026-03-01' });
    await workspace.commitments.setDone(id, done.id, true);
    await workspace.commitments.create(id, { text: 'Draft the brag document', owner: 'client', dueDate: '2026-03-18' });
    await workspace.commitments.create(id, { text: 'Call two former colleagues', owner: 'client', dueDate: '2026-03-11' });

    const { commitments } = await workspace.clients.overview(id);
    expect(commitments.coach.total).toBe(2);
    expect(commitments.coach.items).toEqual([
      expect.objectContaining({ text: 'Send the salary survey', dueDate: '2026-03-09', overdue: true, dueToday: false }),
      expect.objectContaining({ text: 'Introduce Chen to Priya', dueDate: null, overdue: false }),
    ]);
    expect(commitments.client.items).toEqual([
      expect.objectContaining({ text: 'Call two former colleagues', overdue: false, dueToday: true }),
      expect.objectContaining({ text: 'Draft the brag document', overdue: false, dueToday: false }),
    ]);
  });

  it('shows active goals with their progress and the trust trend from two assessments', async () => {
    const { workspace, setClock } = await practice();
    const { id } = await workspace.clients.create({ name: 'Dana Levi', preferredName: 'Dana', status: 'active' });
    const goal = await workspace.goals.create(id, { title: 'Land a staff role', targetDate: '2026-06-30' });
    await workspace.goals.createStep(id, goal.id, { text: 'Book a mock interview', owner: 'client', dueDate: '2026-03-02' });
    const withSteps = await workspace.goals.createStep(id, goal.id, { text: 'Update the CV', owner: 'client' });
    await workspace.goals.setStepDone(id, goal.id, withSteps.steps[1].id, true);
    const dropped = await workspace.goals.create(id, { title: 'Move to Berlin' });
    await workspace.goals.setStatus(id, dropped.id, 'dropped');
    await workspace.assessments.create(id, { date: '2026-02-01', source: 'coach', ...rating });
    await workspace.assessments.create(id, { date: '2026-03-01', source: 'coach', ...rating, intimacy: 7 });
    setClock('2026-03-05T10:00:00.000Z');
    await workspace.notes.create(id, 'Older note');
    setClock('2026-03-10T10:00:00.000Z');
    await workspace.notes.create(id, 'She wants to **lead** a team.');
    await workspace.terminology.create(id, { term: 'my crew', meaning: 'her team' });
    setClock(NOW.toISOString());

    const overview = await workspace.clients.overview(id);
    expect(overview.goals).toEqual([
      expect.objectContaining({
        title: 'Land a staff role',
        progress: { done: 1, total: 2, ratio: 0.5 },
        overdueSteps: 1,
        pastTarget: false,
      }),
    ]);
    expect(overview.trust.trend.map((point) => point.date)).toEqual(['2026-02-01', '2026-03-01']);
    expect(overview.trust.latest).toMatchObject({ date: '2026-03-01', source: 'coach', quotient: 18 / 5 });
    expect(overview.trust.change).toBeCloseTo(3 / 5);
    expect(overview.trust.focus?.component).toBeDefined();
    expect(overview.lastNote?.text).toBe('She wants to **lead** a team.');
    expect(overview.lastContactAt).toBe('2026-03-10T10:00:00.000Z');
    expect(overview.terms).toEqual([expect.objectContaining({ term: 'my crew', meaning: 'her team' })]);
    expect(overview.termsTotal).toBe(1);
  });

  it('answers a brand-new client with empty blocks, and a clear error for an unknown one', async () => {
    const { workspace } = await practice();
    const { id } = await workspace.clients.create({ name: 'Eve Martin' });
    expect(await workspace.clients.overview(id)).toEqual({
      clientId: id,
      nextSession: null,
      sessionsHeld: 0,
      lastContactAt: null,
      commitments: { coach: { items: [], total: 0 }, client: { items: [], total: 0 } },
      goals: [],
      trust: { latest: null, change: null, trend: [], focus: null },
      lastNote: null,
      terms: [],
      termsTotal: 0,
    });
    expect((await workspace.clients.list())[0]).toMatchObject({ nextSessionAt: null, lastContactAt: null });
    await expect(workspace.clients.overview('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.clients.overview('not an id')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
