import { DAY_MS } from '../../shared/dates';

/** Days are counted from the start of the ten-year window; the practice's "now" is day TEN_YEARS_IN_DAYS. */
export const PRACTICE_NOW = '2026-06-01T09:00:00.000Z';
export const TEN_YEARS_IN_DAYS = 3652;

/** Midnight UTC, ten years before the day of PRACTICE_NOW. */
const windowStart = Date.parse(PRACTICE_NOW.slice(0, 10)) - TEN_YEARS_IN_DAYS * DAY_MS;

export function timestampAt(day: number, minutesIntoDay = 9 * 60): string {
  return new Date(windowStart + day * DAY_MS + minutesIntoDay * 60_000).toISOString();
}

export function dateAt(day: number): string {
  return timestampAt(day).slice(0, 10);
}

export function isPast(day: number): boolean {
  return day < TEN_YEARS_IN_DAYS;
}

/** The day number a timestamp falls on. */
export function dayOf(timestamp: string): number {
  return Math.floor((Date.parse(timestamp) - windowStart) / DAY_MS);
}
