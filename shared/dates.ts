/*
 * Dates as the coach lives them. Calendar dates are `YYYY-MM-DD` strings; "local" means the time
 * zone of the process, which in the app is the coach's own. Everything that asks "what day is
 * it", "how many days since" or "is this past due" goes through here, so the whole app agrees.
 */

export const HOUR_MS = 60 * 60 * 1000;
/** A day as a duration. For calendar days (daylight saving changes) use the functions below. */
export const DAY_MS = 24 * HOUR_MS;

type Instant = Date | number;

function millis(instant: Instant): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** The calendar date (YYYY-MM-DD) of an instant in the local time zone. */
export function localIsoDate(instant: Instant): string {
  const date = new Date(millis(instant));
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Local midnight at the start of `instant`'s day, shifted by `days` whole calendar days. */
export function startOfLocalDay(instant: Instant, days = 0): Date {
  const date = new Date(millis(instant));
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Local midnight after the calendar date `isoDate`: the first instant that is no longer that day. */
export function startOfNextLocalDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day + 1);
}

/** Whole days elapsed from `from` to `to`, rounded down. */
export function wholeDaysBetween(from: Instant, to: Instant): number {
  return Math.floor((millis(to) - millis(from)) / DAY_MS);
}

export function hoursBetween(from: Instant, to: Instant): number {
  return (millis(to) - millis(from)) / HOUR_MS;
}

/** Adds whole days to a YYYY-MM-DD date; calendar arithmetic, unaffected by daylight saving. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant `days` days (as durations) before `instant`. */
export function daysBefore(instant: Instant, days: number): Date {
  return new Date(millis(instant) - days * DAY_MS);
}

/**
 * The one past-due rule: something due on `dueDate` may be done all that day, so it is past due
 * only on a later calendar day. Nothing undated is ever past due. `today` is a YYYY-MM-DD date.
 */
export function isPastDueOn(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today;
}

/** The past-due rule at an instant, in the local time zone: "done by Friday" means by Friday evening. */
export function isPastDue(dueDate: string | null, at: Instant): boolean {
  return isPastDueOn(dueDate, localIsoDate(at));
}

/** True for an IANA zone name this runtime knows ("Europe/Berlin", "UTC"); empty counts as the coach's own. */
export function isKnownTimeZone(name: string): boolean {
  if (name === '') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
