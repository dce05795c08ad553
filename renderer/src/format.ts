/**
 * Every date, time and count the renderer shows, in the coach's locale and time zone.
 * The names say what they take: a calendar date is `YYYY-MM-DD` with no time zone (a due
 * date, a target date, the day of a rating); an instant is a full ISO timestamp.
 * The formatters are built once: `Intl.DateTimeFormat` is costly to construct.
 */

const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const weekdayDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const clockTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const longDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const stamp = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
const weekdayStamp = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** A calendar date as that day, wherever the coach is: "10 Mar 2026". */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return calendarDate.format(new Date(year, month - 1, day));
}

/** The day of an instant, such as a session's start: "Tue, 10 Mar 2026". */
export const formatInstantDay = (instant: string) => weekdayDate.format(new Date(instant));

/** The day of an instant in full, for headings and printed sheets: "Tuesday, 10 March 2026". */
export const formatInstantLongDay = (instant: string | Date) => longDate.format(new Date(instant));

/** The clock time of an instant: "14:00" or "2:00 PM". */
export const formatInstantTime = (instant: string) => clockTime.format(new Date(instant));

/** The clock time of an instant in the locale's short style (print sheets' time ranges). */
export const formatInstantShortTime = (instant: string | Date) => time.format(new Date(instant));

/** Date and time of an instant: "10 Mar 2026, 14:00". */
export const formatInstantDateTime = (instant: string) => dateTime.format(new Date(instant));

/** Full date and time of an instant: "Tuesday, 10 March 2026 at 14:00". */
export const formatInstantLongDateTime = (instant: string) => longDateTime.format(new Date(instant));

/** When something was stamped, without the year: "8 Mar, 10:00". */
export const formatInstantStamp = (instant: string) => stamp.format(new Date(instant));

/** When something happened, with the weekday: "Thu 2 Jul, 10:00". */
export const formatInstantWeekdayStamp = (instant: string) => weekdayStamp.format(new Date(instant));

/** A count with its noun: "1 client", "3 clients". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
