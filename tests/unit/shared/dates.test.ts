import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  addDays,
  isPastDue,
  isPastDueOn,
  localIsoDate,
  startOfLocalDay,
  startOfNextLocalDay,
  wholeDaysBetween,
} from '../../../shared/dates';

// Instants are built with local constructors, so these hold in any time zone the tests run in.
const local = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0) =>
  new Date(year, month - 1, day, hours, minutes, seconds, ms);

describe('the past-due rule', () => {
  it('leaves the whole due day to do the thing, and is past due from the next local midnight', () => {
    expect(isPastDue('2026-03-06', local(2026, 3, 6, 0, 0))).toBe(false);
    expect(isPastDue('2026-03-06', local(2026, 3, 6, 23, 59, 59, 999))).toBe(false);
    expect(isPastDue('2026-03-06', local(2026, 3, 7, 0, 0))).toBe(true);
    expect(isPastDue('2026-03-06', local(2026, 3, 7, 0, 0).getTime())).toBe(true);
  });

  it('never calls something undated past due', () => {
    expect(isPastDue(null, local(2099, 1, 1))).toBe(false);
    expect(isPastDueOn(null, '2099-01-01')).toBe(false);
  });

  it('agrees on calendar dates and on instants, across month and year ends', () => {
    for (const [due, today] of [
      ['2026-01-31', '2026-02-01'],
      ['2026-12-31', '2027-01-01'],
      ['2028-02-28', '2028-02-29'],
    ]) {
      expect(isPastDueOn(due, today)).toBe(true);
      expect(isPastDueOn(due, due)).toBe(false);
      expect(isPastDue(due, startOfNextLocalDay(due))).toBe(true);
      expect(isPastDue(due, startOfNextLocalDay(due).getTime() - 1)).toBe(false);
    }
  });
});

describe('calendar days', () => {
  it('names the local calendar date of an instant, padded', () => {
    expect(localIsoDate(local(2026, 3, 6, 23, 59))).toBe('2026-03-06');
    expect(localIsoDate(local(2026, 3, 7, 0, 0))).toBe('2026-03-07');
    expect(localIsoDate(local(987, 1, 2).getTime())).toBe('0987-01-02');
  });

  it('finds local midnights: the start of a day, shifted days, and the start of the next day', () => {
    expect(startOfLocalDay(local(2026, 3, 6, 15, 30))).toEqual(local(2026, 3, 6));
    expect(startOfLocalDay(local(2026, 3, 6, 15, 30), 1)).toEqual(local(2026, 3, 7));
    expect(startOfLocalDay(local(2026, 3, 1, 8), -1)).toEqual(local(2026, 2, 28));
    expect(startOfNextLocalDay('2026-03-06')).toEqual(local(2026, 3, 7));
    expect(startOfNextLocalDay('2026-12-31')).toEqual(local(2027, 1, 1));
  });

  it('counts whole days elapsed, rounded down, from dates or milliseconds', () => {
    const start = local(2026, 3, 1, 9);
    expect(wholeDaysBetween(start, new Date(start.getTime() + 3 * DAY_MS - 1))).toBe(2);
    expect(wholeDaysBetween(start.getTime(), start.getTime() + 3 * DAY_MS)).toBe(3);
  });

  it('adds calendar days to a date', () => {
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
