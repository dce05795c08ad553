import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatInstantDateTime,
  formatInstantDay,
  formatInstantLongDateTime,
  formatInstantLongDay,
  formatInstantStamp,
  formatInstantTime,
  formatInstantWeekdayStamp,
} from '../../../renderer/src/format';
import { sampleContext } from '../../../renderer/src/views/settings/email-sample';
import { emailMessage } from '../../../shared/email/message';
import { defaultEmailTemplates } from '../../../shared/model/practice';

/**
 * Rapport writes British English, and its dates read day first whatever locale the machine
 * (or the test browser, en-US by default) reports: "Tuesday, 8 December 2026", never "Dec 8".
 */
describe('the renderer’s date formats', () => {
  // A local wall-clock time, so the expectations hold in any time zone.
  const instant = new Date(2026, 11, 8, 14, 5).toISOString();

  it('puts the day before the month and writes the month as a word', () => {
    expect(formatCalendarDate('2026-12-08')).toBe('8 Dec 2026');
    expect(formatInstantDay(instant)).toBe('Tue 8 Dec 2026');
    expect(formatInstantLongDay(instant)).toBe('Tuesday, 8 December 2026');
    expect(formatInstantDateTime(instant)).toBe('8 Dec 2026, 14:05');
    expect(formatInstantLongDateTime(instant)).toBe('Tuesday, 8 December 2026 at 14:05');
    expect(formatInstantStamp(instant)).toBe('8 Dec, 14:05');
    expect(formatInstantWeekdayStamp(instant)).toBe('Tue 8 Dec, 14:05');
  });

  it('gives times on the 24-hour clock', () => {
    expect(formatInstantTime(instant)).toBe('14:05');
  });
});

describe('the email preview in Settings', () => {
  it('writes the sample session’s date day first and its time on the 24-hour clock', () => {
    // Wednesday 11 March 2026: the sample session is the next Tuesday at 10:00.
    const context = sampleContext(
      { coachName: 'Helen Marsh', signOff: '', emailTemplates: defaultEmailTemplates() },
      new Date(2026, 2, 11, 9),
    );
    const message = emailMessage('agenda', context);
    expect(message.subject).toContain('Tuesday, 17 March 2026');
    expect(`${message.body}\n${context.agendaText}\n${context.recapText}`).not.toMatch(/March 17|\d{1,2}:\d{2}\s?[AP]M/);
  });
});
