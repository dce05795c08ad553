import { describe, expect, it } from 'vitest';
import { testWorkspace } from '../../helpers/workspace-api';
import { MISSING_ID, editClientFile } from './api-helpers';
import { commitment, local, session } from './fixtures';

const now = new Date(local(2026, 6, 30, 12));
const clock = () => now;
const ratings = (credibility: number, reliability: number, intimacy: number, selfOrientation: number) => ({
  credibility,
  reliability,
  intimacy,
  selfOrientation,
});

describe('trust API: panel', () => {
  it('shows the latest rating per source, the trend and the focus', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const first = await workspace.assessments.create(client.id, { date: '2026-04-01', source: 'coach', ...ratings(6, 3, 3, 8) });
    const feedback = await workspace.assessments.create(client.id, { date: '2026-05-15', source: 'client', ...ratings(7, 8, 5, 4) });
    const second = await workspace.assessments.create(client.id, { date: '2026-05-01', source: 'coach', ...ratings(7, 6, 4, 6) });

    const panel = await workspace.trust.forClient(client.id);
    expect(panel.latest.coach).toMatchObject({
      assessmentId: second.id,
      components: ratings(7, 6, 4, 6),
      quotient: 17 / 6,
      balance: { spread: 3, label: 'a little uneven' },
    });
    expect(panel.latest.client).toMatchObject({ assessmentId: feedback.id, quotient: 5, balance: { weakest: 'intimacy' } });
    expect(panel.trend).toEqual([
      { assessmentId: first.id, date: '2026-04-01', source: 'coach', quotient: 1.5 },
      { assessmentId: second.id, date: '2026-05-01', source: 'coach', quotient: 17 / 6 },
      { assessmentId: feedback.id, date: '2026-05-15', source: 'client', quotient: 5 },
    ]);
    // The client's feedback is the most recent, and its weakest component is intimacy (5).
    expect(panel.focus).toMatchObject({ component: 'intimacy', source: 'client' });
    expect(panel.focus?.practices).toHaveLength(3);
    expect(panel.evidence).toEqual([]);
    expect(panel.disagreements).toEqual([]);
  });

  it('is empty for a client without assessments', async () => {
    const workspace = await testWorkspace({ now: clock });
    const client = await workspace.clients.create({ name: 'Ben' });
    expect(await workspace.trust.forClient(client.id)).toEqual({ latest: {}, trend: [], evidence: [], disagreements: [], focus: null });
  });

  it('shows evidence from the records and says where a rating disagrees with it', async () => {
    const first = await testWorkspace({ now: clock });
    const client = await first.clients.create({ name: 'Chen', status: 'active' });
    await first.assessments.create(client.id, { date: '2026-06-29', source: 'coach', ...ratings(7, 9, 6, 4) });
    await first.close();
    await editClientFile(first.dataDir, client.id, (document) => {
      document.commitments.push(
        commitment('2026-06-01', local(2026, 6, 1, 9)),
        commitment('2026-06-05', local(2026, 6, 8)),
        commitment('2026-06-12', null),
        commitment('2026-06-19', null),
      );
      document.sessions.push(session(local(2026, 6, 24, 10), { reconfirmedAt: local(2026, 6, 23, 10) }));
    });
    const workspace = await testWorkspace({ now: clock, dir: first.dataDir });
    const panel = await workspace.trust.forClient(client.id);
    expect(panel.evidence.find((entry) => entry.id === 'commitments-on-time')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(panel.evidence.find((entry) => entry.id === 'days-since-contact')).toMatchObject({ numerator: 6 });
    expect(panel.disagreements).toEqual([
      expect.objectContaining({
        source: 'coach',
        component: 'reliability',
        message: 'Your own rating gives reliability 9, but the records show only 1 of 4 commitments on time in the last 90 days.',
      }),
    ]);
    // Evidence never changes the rating itself.
    expect(panel.latest.coach?.components.reliability).toBe(9);
  });

  it('answers NOT_FOUND for an unknown client and INVALID_INPUT for a bad id', async () => {
    const workspace = await testWorkspace({ now: clock });
    await expect(workspace.trust.forClient(MISSING_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.trust.forClient('x')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('trust API: overview', () => {
  it('lists active clients with latest quotient, change, weakest part and staleness', async () => {
    const workspace = await testWorkspace({ now: clock });
    const amara = await workspace.clients.create({ name: 'Amara', status: 'active' });
    const ben = await workspace.clients.create({ name: 'Ben', status: 'active' });
    const cara = await workspace.clients.create({ name: 'Cara', status: 'active' });
    await workspace.clients.create({ name: 'Dev', status: 'paused' });
    await workspace.assessments.create(amara.id, { date: '2026-03-01', source: 'coach', ...ratings(6, 3, 3, 8) });
    await workspace.assessments.create(amara.id, { date: '2026-05-01', source: 'client', ...ratings(9, 9, 9, 2) });
    await workspace.assessments.create(amara.id, { date: '2026-06-20', source: 'coach', ...ratings(7, 8, 5, 4) });
    await workspace.assessments.create(ben.id, { date: '2026-04-30', source: 'coach', ...ratings(5, 5, 5, 5) });

    expect(await workspace.trust.overview()).toEqual([
      {
        clientId: amara.id,
        name: 'Amara',
        latest: { date: '2026-06-20', source: 'coach', quotient: 5 },
        // Compared with the previous coach rating (1.5), not with the client's 13.5.
        change: 3.5,
        weakest: 'intimacy',
        stale: false,
      },
      {
        clientId: ben.id,
        name: 'Ben',
        latest: { date: '2026-04-30', source: 'coach', quotient: 3 },
        change: null,
        // Credibility, reliability and intimacy level: the part the suggested focus starts with,
        // not simply the first in the usual order.
        weakest: 'reliability',
        stale: true,
      },
      { clientId: cara.id, name: 'Cara', latest: null, change: null, weakest: null, stale: true },
    ]);
  });

  it('refuses arguments it does not take', async () => {
    const workspace = await testWorkspace({ now: clock });
    await expect((workspace.trust.overview as (...args: unknown[]) => Promise<unknown>)('extra')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
