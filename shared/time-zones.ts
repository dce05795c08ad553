/*
 * Wall-clock times in named IANA zones, through Intl alone (no zone database of our own): what an
 * imported calendar's "10:00 in Europe/Berlin" is as an instant, and how a session's instant reads
 * in the client's zone. Daylight-saving gaps and overlaps follow RFC 5545 (section 3.3.5).
 */

import { DISPLAY_LOCALE } from './locale';

/** A local date and time, as written in a calendar: month 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time in `timeZone` at the instant `at` (ms since the epoch). */
export function wallTimeAt(at: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partFormatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +2 h). */
export function utcOffsetAt(at: number, timeZone: string): number {
  const wall = wallTimeAt(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall time in `timeZone` names. A time the clocks skip (02:30 on the night they go
 * forward) is read with the offset before the gap, so it lands an hour later on the new clock; a
 * time that happens twice (the night they go back) is the first of the two. Both are RFC 5545's rule.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsetBefore = utcOffsetAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = utcOffsetAt(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter((instant) => instant + utcOffsetAt(instant, timeZone) === asUtc);
  if (candidates.length > 0) return Math.min(...candidates);
  return asUtc - offsetBefore;
}

/** The process's own zone: in the app, the coach's. */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zones read every instant near `at` alike (e.g. "Europe/Paris" and "Europe/Berlin"). */
export function sameClockAt(at: number, zoneA: string, zoneB: string): boolean {
  return zoneA === zoneB || utcOffsetAt(at, zoneA) === utcOffsetAt(at, zoneB);
}

/** The city part of a zone name, for a coach: "America/New_York" reads "New York". */
export function zoneCity(timeZone: string): string {
  const city = timeZone.split('/').pop() ?? timeZone;
  return city.replaceAll('_', ' ');
}

/**
 * A session's time as the client reads it, when the client's clock differs from the coach's at
 * that instant: "08:00 in New York", with the weekday when it is another day there. Null when the
 * clocks agree or the client's zone is '' (the coach's own). `locale` undefined is Rapport's own British English.
 */
export function clientTimeNote(
  startsAt: string | number,
  clientZone: string,
  ownZone: string = ownTimeZone(),
  locale?: string,
): string | null {
  const at = typeof startsAt === 'number' ? startsAt : Date.parse(startsAt);
  if (clientZone === '' || sameClockAt(at, clientZone, ownZone)) return null;
  const options: Intl.DateTimeFormatOptions = { timeZone: clientZone, hour: 'numeric', minute: '2-digit' };
  if (wallTimeAt(at, clientZone).day !== wallTimeAt(at, ownZone).day) options.weekday = 'short';
  return `${new Intl.DateTimeFormat(locale ?? DISPLAY_LOCALE, options).format(at)} in ${zoneCity(clientZone)}`;
}
