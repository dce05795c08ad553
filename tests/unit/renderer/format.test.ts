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
