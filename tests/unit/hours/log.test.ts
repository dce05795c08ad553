import { describe, expect, it } from 'vitest';
import { buildHoursLog, credentialProgress, hoursOf, totalsOf } from '../../../shared/hours/log';
import type { Billing } from '../../../shared/model/client';
import type { ClientDocument } from '../../../shared/model/documents';
import type { SessionStatus } from '../../../shared/model/session';
import { clientDocument } from '../backup/fixtures';
import { local } from '../today/support';

interface SessionSpec {
  at: Date;
  minutes: number;
  status?: SessionStatus;
  billing?: Billing | null;
  groupSize?: number;
}

/** A client with exactly these sessions; everything else as the backup fixtures make it. */
function clientWith(
  name: string,
  billing: Billing,
  sessions: SessionSpec[],
  contact: { email?: string; phone?: string } = {},
): ClientDocument {
  const document = clientDocument(name);
  const template = document.sessions[0];
  return {
    ...document,
    client: { ...document.client, billing, email: contact.email ?? '', phone: contact.phone ?? '' },
    sessions: sessions.map((spec, index) => ({
      ...template,
      id: `${document.client.id.slice(0, 30)}${String(index).padStart(6, '0')}`,
      startsAt: spec.at.toISOString(),
      durationMinutes: spec.minutes,
      status: spec.status ?? 'held',
      billing: spec.billing ?? null,
      groupSize: spec.groupSize ?? 1,
    })),
  };
}

describe('buildHoursLog', () => {
  const ada = clientWith(
    'Ada Paid',
    'paid',
    [
      { at: local(2025, 12, 31, 23, 30), minutes: 60 },
      { at: local(2026, 3, 2, 9), minutes: 50 },
      { at: local(2026, 3, 9, 9), minutes: 90, billing: 'pro-bono' },
      { at: local(2026, 3, 16, 9), minutes: 60, status: 'cancelled' },
      { at: local(2026, 3, 23, 9), minutes: 60, status: 'no-show' },
      { at: local(2026, 3, 30, 9), minutes: 60, status: 'planned' },
      { at: local(2026, 4, 6, 9), minutes: 60, status: 'confirmed' },
    ],
    { email: 'ada@example.com', phone: '+44 20 7946 0000' },
  );
  const bo = clientWith('Bo Volunteer', 'pro-bono', [{ at: local(2026, 5, 4, 18), minutes: 120, groupSize: 6, billing: null }], {
    phone: '+33 1 23 45 67 89',
  });
  const archived = clientWith('Cy Archived', 'paid', [{ at: local(2026, 1, 12, 10), minutes: 45, billing: 'paid' }]);
  archived.client = { ...archived.client, status: 'archived', archivedAt: local(2026, 2, 1).toISOString(), statusBeforeArchive: 'active' };

  const log = buildHoursLog([bo, ada, archived]);

  it('lists each held session once, earliest first, with its contact, times, kind and billing', () => {
    expect(
      log.entries.map((entry) => [entry.clientName, entry.date, entry.minutes, entry.hours, entry.kind, entry.groupSize, entry.billing]),
    ).toEqual([
      ['Ada Paid', '2025-12-31', 60, 1, 'individual', 1, 'paid'],
      ['Cy Archived', '2026-01-12', 45, 0.75, 'individual', 1, 'paid'],
      ['Ada Paid', '2026-03-02', 50, 0.83, 'individual', 1, 'paid'],
      ['Ada Paid', '2026-03-09', 90, 1.5, 'individual', 1, 'pro-bono'],
      ['Bo Volunteer', '2026-05-04', 120, 2, 'group', 6, 'pro-bono'],
    ]);
    expect(log.entries[0]).toMatchObject({ contact: 'ada@example.com', startsAt: local(2025, 12, 31, 23, 30).toISOString() });
    expect(log.entries[0].endsAt).toBe(local(2026, 1, 1, 0, 30).toISOString());
    expect(log.entries[4].contact).toBe('+33 1 23 45 67 89');
    expect(log.entries[1].contact).toBe('');
  });

  it('totals in minutes before rounding, so fractions do not drift', () => {
    // 60 + 45 + 50 + 90 + 120 = 365 minutes; paid 60 + 45 + 50 = 155.
    expect(log.totals).toEqual({ sessions: 5, hours: 6.08, paidHours: 2.58, proBonoHours: 3.5, clients: 3 + 5 });
    const thirds = totalsOf(Array.from({ length: 3 }, () => ({ ...log.entries[2], minutes: 20, hours: hoursOf(20) })));
    expect(thirds.hours).toBe(1);
  });

  it('totals by client (archived ones included) and by year, latest year first', () => {
    expect(
      log.byClient.map(({ clientName, hours, paidHours, proBonoHours, clients }) => [clientName, hours, paidHours, proBonoHours, clients]),
    ).toEqual([
      ['Ada Paid', 3.33, 1.83, 1.5, 1],
      ['Bo Volunteer', 2, 0, 2, 6],
      ['Cy Archived', 0.75, 0.75, 0, 1],
    ]);
    expect(log.byYear.map(({ year, sessions, hours, paidHours }) => [year, sessions, hours, paidHours])).toEqual([
      [2026, 4, 5.08, 1.58],
      [2025, 1, 1, 1],
    ]);
  });

  it('shows what is left to each ICF credential, clients included', () => {
    expect(log.credentials.map(({ credential, left, met }) => [credential, left, met])).toEqual([
      ['ACC', { hours: 93.92, paidHours: 72.42, clients: 0 }, false],
      ['PCC', { hours: 493.92, paidHours: 447.42, clients: 17 }, false],
      ['MCC', { hours: 2493.92, paidHours: 2247.42, clients: 27 }, false],
    ]);
    expect(log.credentials.map(({ required }) => required)).toEqual([
      { hours: 100, paidHours: 75, clients: 8 },
      { hours: 500, paidHours: 450, clients: 25 },
      { hours: 2500, paidHours: 2250, clients: 35 },
    ]);
  });

  it('meets a credential only when hours, paid hours and clients all reach it', () => {
    const acc = (totals: { hours: number; paidHours: number; clients: number }) =>
      credentialProgress({ sessions: 1, proBonoHours: totals.hours - totals.paidHours, ...totals })[0];
    expect(acc({ hours: 100, paidHours: 75, clients: 8 }).met).toBe(true);
    expect(acc({ hours: 100, paidHours: 74.99, clients: 8 })).toMatchObject({
      met: false,
      left: { hours: 0, paidHours: 0.01, clients: 0 },
    });
    expect(acc({ hours: 120, paidHours: 120, clients: 7 })).toMatchObject({ met: false, left: { clients: 1 } });
  });

  it('is empty for a new practice', () => {
    const empty = buildHoursLog([]);
    expect(empty).toMatchObject({
      entries: [],
      byClient: [],
      byYear: [],
      totals: { sessions: 0, hours: 0, paidHours: 0, proBonoHours: 0, clients: 0 },
    });
    expect(empty.credentials[0].left).toEqual({ hours: 100, paidHours: 75, clients: 8 });
  });
});
