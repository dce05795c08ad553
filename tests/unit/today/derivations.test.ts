import { describe, expect, it } from 'vitest';
import type { ClientDocument } from '../../../shared/model/documents';
import { commitmentTiming, isLate } from '../../../shared/today/commitment-timing';
import { lastContactAt, noContact } from '../../../shared/today/no-contact';
import { isReady, readinessSummary, sessionReadiness } from '../../../shared/today/readiness';
import { local } from './support';

const iso = (...parts: Parameters<typeof local>) => local(...parts).toISOString();

describe('sessionReadiness', () => {
  const session = { startsAt: iso(2026, 3, 10, 14), materialsSentAt: null, reconfirmedAt: null };
  const item = { id: 'i', title: 'Warm-up', details: '', minutes: 10, proposedBy: 'coach' as const, goalId: null, outcome: '' };

  it('is all missing without an agenda or stamps', () => {
    const readiness = sessionReadiness(session, undefined);
    expect(readiness).toEqual({
      agendaDrafted: false,
      agendaReviewed: false,
      materialsSent: false,
      materialsSentInAdvance: false,
      reconfirmed: false,
    });
    expect(isReady(readiness)).toBe(false);
  });

  it('sums the four steps up for the session card', () => {
    const none = sessionReadiness(session, undefined);
    expect(readinessSummary(none)).toEqual({ done: 0, total: 4, text: '0 of 4 steps done' });
    const three = { ...none, agendaDrafted: true, agendaReviewed: true, reconfirmed: true };
    expect(readinessSummary(three).text).toBe('3 of 4 steps done');
    // Materials sent late still count as sent, as isReady counts them.
    const all = { ...three, materialsSent: true, materialsSentInAdvance: false };
    expect(readinessSummary(all).text).toBe('Ready');
    expect(isReady(all)).toBe(true);
  });

  it('counts an agenda as drafted only once it has an item', () => {
    expect(sessionReadiness(session, { items: [], reviewedWithClientAt: null }).agendaDrafted).toBe(false);
    expect(sessionReadiness(session, { items: [item], reviewedWithClientAt: null }).agendaDrafted).toBe(true);
  });

  it('knows whether materials went out at least 24 hours before', () => {
    const early = sessionReadiness({ ...session, materialsSentAt: iso(2026, 3, 9, 14) }, undefined);
    expect(early).toMatchObject({ materialsSent: true, materialsSentInAdvance: true });
    const late = sessionReadiness({ ...session, materialsSentAt: iso(2026, 3, 9, 14, 1) }, undefined);
    expect(late).toMatchObject({ materialsSent: true, materialsSentInAdvance: false });
  });

  it('is ready when every step is done', () => {
    const readiness = sessionReadiness(
      { ...session, materialsSentAt: iso(2026, 3, 10, 9), reconfirmedAt: iso(2026, 3, 9, 9) },
      { items: [item], reviewedWithClientAt: iso(2026, 3, 9, 10) },
    );
    expect(readiness).toMatchObject({ agendaDrafted: true, agendaReviewed: true, reconfirmed: true, materialsSentInAdvance: false });
    expect(isReady(readiness)).toBe(true);
  });
});

describe('commitment lateness', () => {
  const due = { dueDate: '2026-03-10', doneAt: null };

  it('is open before the due date, due today on it, overdue after it', () => {
    expect(commitmentTiming(due, local(2026, 3, 9, 23, 59))).toBe('open');
    expect(commitmentTiming(due, local(2026, 3, 10, 0, 0))).toBe('due-today');
    expect(commitmentTiming(due, local(2026, 3, 10, 23, 59))).toBe('due-today');
    expect(commitmentTiming(due, local(2026, 3, 11, 0, 0))).toBe('overdue');
    expect(isLate(due, local(2026, 3, 10, 23, 59))).toBe(false);
    expect(isLate(due, local(2026, 3, 11, 0, 0))).toBe(true);
  });

  it('stays late when done after the end of its due date', () => {
    const doneLate = { dueDate: '2026-03-10', doneAt: iso(2026, 3, 11, 8) };
    expect(commitmentTiming(doneLate, local(2026, 6, 1))).toBe('late');
    expect(isLate(doneLate, local(2026, 6, 1))).toBe(true);
  });

  it('is on time when done on the due date itself', () => {
    const onTime = { dueDate: '2026-03-10', doneAt: iso(2026, 3, 10, 23, 30) };
    expect(commitmentTiming(onTime, local(2026, 6, 1))).toBe('done');
    expect(isLate(onTime, local(2026, 6, 1))).toBe(false);
  });

  it('is never late without a due date', () => {
    expect(commitmentTiming({ dueDate: null, doneAt: null }, local(2030, 1, 1))).toBe('open');
    expect(commitmentTiming({ dueDate: null, doneAt: iso(2030, 1, 1) }, local(2030, 1, 1))).toBe('done');
  });
});

describe('no-contact threshold', () => {
  function document(status: ClientDocument['client']['status'], createdAt: string, held: string[] = [], notes: string[] = []) {
    return {
      client: { status, createdAt, notes: notes.map((at) => ({ id: at, createdAt: at, updatedAt: at, text: 'note' })) },
      sessions: held.map((startsAt, i) => ({ startsAt, status: i % 2 === 0 ? 'held' : 'planned' })),
    } as unknown as ClientDocument;
  }
  // February: no daylight-saving change in any zone between these dates.
  const now = local(2026, 2, 28, 12);

  it('uses the latest held session or note', () => {
    const doc = document('active', iso(2026, 1, 1), [iso(2026, 3, 1, 10), iso(2026, 3, 30, 10)], [iso(2026, 3, 5, 9)]);
    expect(lastContactAt(doc)).toBe(iso(2026, 3, 5, 9));
  });

  it('lists a client only after more than the threshold', () => {
    const exactly = document('active', iso(2026, 1, 1), [], [iso(2026, 2, 7, 12)]);
    expect(noContact(exactly, now, 21)).toBeNull();
    const justOver = document('active', iso(2026, 1, 1), [], [iso(2026, 2, 7, 11, 59)]);
    expect(noContact(justOver, now, 21)).toEqual({ lastContactAt: iso(2026, 2, 7, 11, 59), days: 21 });
    expect(noContact(justOver, now, 30)).toBeNull();
  });

  it('lists a client never contacted as "no contact yet", however recently they were added', () => {
    // Regression: a client added 8 days ago with no session or note was left off, and Today
    // then said the coach had been in touch with every client recently.
    expect(noContact(document('prospect', iso(2026, 2, 20)), now, 21)).toEqual({ lastContactAt: null, days: 8 });
    expect(noContact(document('active', iso(2026, 2, 28, 11)), now, 21)).toEqual({ lastContactAt: null, days: 0 });
    expect(noContact(document('prospect', iso(2026, 1, 1)), now, 21)).toMatchObject({ lastContactAt: null, days: 58 });
  });

  it('does not count a planned session as contact', () => {
    const planned = document('active', iso(2026, 2, 27), [iso(2026, 2, 1, 10), iso(2026, 2, 27, 10)]);
    expect(lastContactAt(planned)).toBe(iso(2026, 2, 1, 10));
  });

  it('ignores completed and archived clients', () => {
    for (const status of ['completed', 'archived'] as const) expect(noContact(document(status, iso(2025, 1, 1)), now, 21)).toBeNull();
    expect(noContact(document('paused', iso(2025, 1, 1)), now, 21)).not.toBeNull();
  });
});
