import { describe, expect, it } from 'vitest';
import { sessionDateText, timeText } from '../../../shared/agenda/export';
import { dueDateText } from '../../../shared/email/recap';
import { clientTimeNote } from '../../../shared/time-zones';
import { formatCount, formatHours } from '../../../renderer/src/components/hours/format';

/*
 * Rapport writes British English whatever locale the computer reports (shared/locale.ts): a
 * shared agenda, a recap and the client's time read "Tuesday 8 December 2026" and "14:00", never
 * "Tuesday, December 8, 2026" and "2:00 PM" because the machine happens to be set to en-US (as this
 * one is) or German dates because it is set to de-DE.
 */
describe('text written without a locale is British English', () => {
  // ICU releases differ on the comma after the weekday; the day always comes before the month.
  const DAY_FIRST = /^Tuesday,? 8 December 2026$/;
  const startsAt = '2026-12-08T14:00:00.000Z';

  it('a shared agenda’s date and time', () => {
    expect(sessionDateText({ startsAt, timeZone: 'UTC' })).toMatch(DAY_FIRST);
    expect(timeText({ startsAt, timeZone: 'UTC', durationMinutes: 60 } as Parameters<typeof timeText>[0])).toBe('14:00–15:00 UTC');
  });

  it('a recap’s due dates', () => {
    expect(dueDateText('2026-12-08', undefined)).toMatch(DAY_FIRST);
  });

  it('the client’s own time beside a session', () => {
    expect(clientTimeNote(startsAt, 'Europe/Berlin', 'UTC')).toBe('15:00 in Berlin');
  });

  it('hours and counts in the hours log', () => {
    expect(formatHours(2496.5)).toBe('2,496.50');
    expect(formatCount(2500)).toBe('2,500');
  });
});
