import { describe, expect, it } from 'vitest';
import { RECONFIRM_WITHIN_DAYS, sessionActions, sessionPhase } from '../../../renderer/src/components/sessions/next-action';

const now = new Date('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60_000;
const inDays = (days: number) => new Date(now.getTime() + days * DAY).toISOString();

const session = (changes: Partial<Parameters<typeof sessionActions>[0]> = {}): Parameters<typeof sessionActions>[0] => ({
  startsAt: inDays(7),
  status: 'planned',
  notes: '',
  reflection: null,
  materialsSentAt: null,
  reconfirmedAt: null,
  agendaSentAt: null,
  recapSentAt: null,
  ...changes,
});
const reflection = { signs: [], habits: [], text: 'Listened more.', updatedAt: now.toISOString() };
const item = { id: 'i1', title: 'CV', details: '', minutes: 10, proposedBy: 'coach' as const, goalId: null, outcome: '' };
const planned = { items: [item], goals: [], sharedAt: null };
const shared = { ...planned, sharedAt: now.toISOString() };
const stamp = now.toISOString();

describe('sessionActions: the one next action for each state', () => {
  it('planned without an agenda → Plan the agenda', () => {
    expect(sessionActions(session(), null, now).next).toBe('plan-agenda');
    expect(sessionActions(session(), { items: [], goals: [], sharedAt: null }, now).next).toBe('plan-agenda');
  });

  it('agenda planned, not shared → Share the agenda', () => {
    expect(sessionActions(session(), planned, now).next).toBe('share-agenda');
  });

  it('shared by copying, or emailed from Rapport, materials not sent → Send materials', () => {
    expect(sessionActions(session(), shared, now).next).toBe('send-materials');
    expect(sessionActions(session({ agendaSentAt: stamp }), planned, now).next).toBe('send-materials');
  });

  it(`not reconfirmed within ${RECONFIRM_WITHIN_DAYS} days before → Reconfirm; earlier, nothing is waiting`, () => {
    const ready = { materialsSentAt: stamp, agendaSentAt: stamp };
    expect(sessionActions(session({ ...ready, startsAt: inDays(1) }), planned, now).next).toBe('reconfirm');
    expect(sessionActions(session({ ...ready, startsAt: inDays(RECONFIRM_WITHIN_DAYS) }), planned, now).next).toBe('reconfirm');
    const early = sessionActions(session({ ...ready, startsAt: inDays(5) }), planned, now);
    expect(early.next).toBeNull();
    expect(early.more).toContain('reconfirm');
    expect(sessionActions(session({ ...ready, startsAt: inDays(1), reconfirmedAt: stamp }), planned, now).next).toBeNull();
  });

  it('started or held, not written up → Write up', () => {
    expect(sessionActions(session({ startsAt: inDays(-0.01) }), null, now)).toMatchObject({ phase: 'started', next: 'write-up' });
    // Marked held early: it counts as having taken place.
    expect(sessionActions(session({ status: 'held' }), planned, now)).toMatchObject({ phase: 'started', next: 'write-up' });
    expect(sessionActions(session({ status: 'held', notes: '   ' }), planned, now).next).toBe('write-up');
  });

  it('written up, no reflection → Reflect; reflected → nothing waiting', () => {
    expect(sessionActions(session({ startsAt: inDays(-3), status: 'held', notes: 'Talked CV.' }), null, now).next).toBe('reflect');
    expect(sessionActions(session({ startsAt: inDays(-3), status: 'held', notes: 'Talked CV.', reflection }), null, now).next).toBeNull();
  });

  it('cancelled or no-show → no next action, and nothing to prepare or write up', () => {
    for (const status of ['cancelled', 'no-show'] as const) {
      const { phase, next, more } = sessionActions(session({ status }), null, now);
      expect(phase).toBe('closed');
      expect(next).toBeNull();
      expect(more).toEqual(['open-agenda', 'notes', 'back-to-planned', 'edit', 'delete']);
    }
  });
});

describe('sessionActions: what the menu offers', () => {
  it('a past session offers no reconfirming, no materials, no calendar and no cancelling once held', () => {
    const { more } = sessionActions(session({ startsAt: inDays(-3), status: 'held', notes: 'Done.' }), shared, now);
    expect(more).not.toEqual(expect.arrayContaining(['reconfirm']));
    for (const gone of ['reconfirm', 'mark-reconfirmed', 'send-materials', 'mark-materials', 'add-to-calendar', 'cancel', 'mark-held'])
      expect(more).not.toContain(gone);
    expect(more).toEqual([
      'open-agenda',
      'notes',
      'send-recap',
      'print-recap',
      'save-recap',
      'add-commitment',
      'back-to-planned',
      'edit',
      'delete',
    ]);
  });

  it('a past session not marked yet offers Mark held and No-show; the recap waits until it is held', () => {
    const { more } = sessionActions(session({ startsAt: inDays(-1) }), null, now);
    expect(more).toEqual(expect.arrayContaining(['mark-held', 'no-show', 'reflect']));
    expect(more).not.toContain('send-recap');
    expect(more).not.toContain('notes');
  });

  it('an upcoming session offers no write-up, reflection, held or recap', () => {
    const { next, more } = sessionActions(session(), null, now);
    expect(next).toBe('plan-agenda');
    for (const gone of ['write-up', 'reflect', 'mark-held', 'no-show', 'send-recap', 'print-recap', 'back-to-planned', 'open-agenda'])
      expect(more).not.toContain(gone);
    expect(more).toEqual([
      'send-materials',
      'mark-materials',
      'reconfirm',
      'mark-reconfirmed',
      'add-to-calendar',
      'notes',
      'add-commitment',
      'cancel',
      'edit',
      'delete',
    ]);
  });

  it('never lists the next action in the menu as well', () => {
    const { next, more } = sessionActions(session({ agendaSentAt: stamp }), planned, now);
    expect(next).toBe('send-materials');
    expect(more).not.toContain('send-materials');
    expect(more).toContain('mark-materials');
  });

  it('the phase turns at the start time', () => {
    expect(sessionPhase({ startsAt: now.toISOString(), status: 'confirmed' }, now)).toBe('started');
    expect(sessionPhase({ startsAt: inDays(0.001), status: 'confirmed' }, now)).toBe('upcoming');
  });
});
