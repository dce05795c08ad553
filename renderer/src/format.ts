/**
 * Every date, time and count the renderer shows, in the coach's time zone and in the British
 * English Rapport writes (shared/locale.ts): day before month, 24-hour clock.
 * The names say what they take: a calendar date is `YYYY-MM-DD` with no time zone (a due
 * date, a target date, the day of a rating); an instant is a full ISO timestamp.
 * The formatters are built once: `Intl.DateTimeFormat` is costly to construct.
 */

import { DISPLAY_LOCALE } from '../../shared/locale';

const options = (extra: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(DISPLAY_LOCALE, extra);
const dayMonthYear = options({ day: 'numeric', month: 'short', year: 'numeric' });
const longDayMonthYear = options({ day: 'numeric', month: 'long', year: 'numeric' });
const dayMonth = options({ day: 'numeric', month: 'short' });
const shortWeekday = options({ weekday: 'short' });
const longWeekday = options({ weekday: 'long' });
const clockTime = options({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// Put together from parts rather than `dateStyle`: ICU versions differ on the commas of the
// full style, and Electron's Chromium and the tests' Node must print the same text.
const day = (date: Date) => `${shortWeekday.format(date)} ${dayMonthYear.format(date)}`;
const longDay = (date: Date) => `${longWeekday.format(date)}, ${longDayMonthYear.format(date)}`;
const time = (date: Date) => clockTime.format(date);

/** A calendar date as that day, wherever the coach is: "10 Mar 2026". */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, date] = isoDate.split('-').map(Number);
  return dayMonthYear.format(new Date(year, month - 1, date));
}

/** The day of an instant, such as a session's start: "Tue 10 Mar 2026". */
export const formatInstantDay = (instant: string) => day(new Date(instant));

/** The day of an instant in full, for headings and printed sheets: "Tuesday, 10 March 2026". */
export const formatInstantLongDay = (instant: string | Date) => longDay(new Date(instant));

/** The clock time of an instant: "14:00". */
export const formatInstantTime = (instant: string) => time(new Date(instant));

/** The clock time of an instant (print sheets' time ranges): "14:00". */
export const formatInstantShortTime = (instant: string | Date) => time(new Date(instant));

/** Date and time of an instant: "10 Mar 2026, 14:00". */
export const formatInstantDateTime = (instant: string) => `${dayMonthYear.format(new Date(instant))}, ${time(new Date(instant))}`;

/** Full date and time of an instant: "Tuesday, 10 March 2026 at 14:00". */
export const formatInstantLongDateTime = (instant: string) => `${longDay(new Date(instant))} at ${time(new Date(instant))}`;

/** When something was stamped, without the year: "8 Mar, 14:00". */
export const formatInstantStamp = (instant: string) => `${dayMonth.format(new Date(instant))}, ${time(new Date(instant))}`;

/** When something happened, with the weekday: "Thu 2 Jul, 10:00". */
export const formatInstantWeekdayStamp = (instant: string) =>
  `${shortWeekday.format(new Date(instant))} ${dayMonth.format(new Date(instant))}, ${time(new Date(instant))}`;

/** A count with its noun: "1 client", "3 clients". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
