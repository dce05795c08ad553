import ICAL from 'ical.js';
import { IMPORT_WINDOW_DAYS, MAX_CALENDAR_BYTES, MAX_IMPORT_PROPOSALS } from '../../../shared/api/calendar';
import { isKnownTimeZone } from '../../../shared/dates';
import { RapportError } from '../../../shared/errors';
import { ownTimeZone, wallTimeToInstant } from '../../../shared/time-zones';

type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;
type Property = InstanceType<typeof ICAL.Property>;

/** More events than a coach's calendar export holds in years: beyond it the file is refused. */
export const MAX_CALENDAR_EVENTS = 10_000;
/** Occurrences of one repeating event walked before giving up on reaching the import window. */
const MAX_STEPS_PER_EVENT = 20_000;
/** Occurrences walked in one file, all repeating events together: a bound on the time one import takes. */
const MAX_STEPS_PER_FILE = 50_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Repeat rules a coaching calendar uses. Finer ones (hourly, by the minute) are not sessions. */
const EVENT_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const RULE_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST']);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** One upcoming occurrence of a calendar event. */
export interface UpcomingEvent {
  /** The event's UID; for a repeating event, with the occurrence's original start. */
  key: string;
  uid: string;
  summary: string;
  start: number;
  end: number;
  location: string;
  /** Conference links calendars keep apart from the location (Google Meet, Teams). */
  url: string;
  /** Attendees' and organiser's email addresses, lower case. */
  emails: string[];
}

export interface UpcomingEvents {
  events: UpcomingEvent[];
  ignored: number;
}

const unreadable = (detail: string) =>
  new RapportError('CALENDAR_UNREADABLE', `This file cannot be read as a calendar: ${detail} Nothing was imported.`);
const unknownZone = (name: string) =>
  new RapportError(
    'CALENDAR_UNKNOWN_TIME_ZONE',
    `This calendar uses a time zone Rapport does not know (“${name.slice(0, 80)}”), so its times cannot be read correctly. Nothing was imported.`,
  );

function text(component: Component, name: string): string {
  const value: unknown = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const wallDay = (time: Time) => `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;

/**
 * For a daily or weekly rule without COUNT, a start moved forward by whole intervals to just
 * before the window: the same occurrences from there on, without walking years of past ones one
 * by one (a weekday stand-up since 2020 is 1 800 steps, each costly in ical.js). With COUNT the
 * walk must start at the first occurrence; monthly and yearly rules take few steps anyway.
 */
function fastForward(event: Event, firstDay: string): Time | undefined {
  const rules = event.component.getAllProperties('rrule');
  if (rules.length !== 1 || event.component.hasProperty('rdate')) return undefined;
  const rule = rules[0].getFirstValue() as { freq?: string; interval?: number; count?: number | null };
  const periodDays = rule.freq === 'DAILY' ? 1 : rule.freq === 'WEEKLY' ? 7 : 0;
  if (periodDays === 0 || rule.count) return undefined;
  const stepDays = periodDays * Math.max(1, rule.interval ?? 1);
  const start = event.startDate;
  const behindDays = (Date.parse(firstDay) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS;
  const steps = Math.floor(behindDays / stepDays) - 1;
  if (steps <= 0) return undefined;
  const moved = start.clone();
  moved.adjust(steps * stepDays, 0, 0, 0);
  return moved;
}

/** Refuses repeat rules ical.js could spin on: sub-daily steps, or a month and day that never meet. */
function checkRule(property: Property, summary: string): void {
  const raw = property.toICALString().split(':').slice(1).join(':').toUpperCase();
  const parts = new Map(raw.split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ') ?? '';
  const unusable = () => unreadable(`the event “${summary.slice(0, 80)}” repeats by a rule Rapport cannot follow (${raw.slice(0, 80)}).`);
  if (!EVENT_FREQUENCIES.has(freq) || [...parts.keys()].some((key) => !RULE_PARTS.has(key))) throw unusable();
  const months = parts.has('BYMONTH') ? parts.get('BYMONTH')!.split(',').map(Number) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const days = parts.has('BYMONTHDAY') ? parts.get('BYMONTHDAY')!.split(',').map(Number) : [1];
  const meet = months.some((month) =>
    days.some((day) => Number.isInteger(day) && day !== 0 && Math.abs(day) <= (DAYS_IN_MONTH[month - 1] ?? 0)),
  );
  if (!meet) throw unusable();
}

/** A time zone block must describe its offsets with yearly rules, as every real one does. */
function checkTimeZones(calendar: Component): void {
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = text(zone, 'tzid');
    if (!tzid) throw unreadable('a time zone in it has no name.');
    const observances = [...zone.getAllSubcomponents('standard'), ...zone.getAllSubcomponents('daylight')];
    if (observances.length === 0) throw unknownZone(tzid);
    for (const observance of observances) {
      if (!observance.hasProperty('tzoffsetto') || !observance.hasProperty('dtstart')) throw unknownZone(tzid);
      for (const rule of observance.getAllProperties('rrule')) {
        const value = rule.getFirstValue() as { freq?: string } | null;
        if (value?.freq !== 'YEARLY') throw unknownZone(tzid);
      }
    }
  }
}

/** Reads calendar times as instants: by the file's own zone blocks, else by IANA name, else refused. */
function instantReader(calendar: Component) {
  const own = ownTimeZone();
  return (time: Time, property: Property | null): number => {
    if (time.zone === ICAL.Timezone.utcTimezone) return time.toUnixTime() * 1000;
    const tzid = property?.getParameter('tzid');
    const name = typeof tzid === 'string' ? tzid : null;
    if (name !== null && calendar.getTimeZoneByID(name)) return time.toUnixTime() * 1000;
    if (name !== null && !isKnownTimeZone(name)) throw unknownZone(name);
    const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    return wallTimeToInstant(wall, name ?? own);
  };
}

function emailsOf(event: Component): string[] {
  const emails: string[] = [];
  for (const property of [...event.getAllProperties('attendee'), ...event.getAllProperties('organizer')]) {
    const value: unknown = property.getFirstValue();
    if (typeof value === 'string' && /^mailto:/i.test(value)) emails.push(value.slice(7).trim().toLowerCase());
    const email = property.getParameter('email');
    if (typeof email === 'string') emails.push(email.trim().toLowerCase());
  }
  return [...new Set(emails)];
}

function conferenceLink(event: Component): string {
  for (const name of ['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'url']) {
    const value = text(event, name);
    if (/^https?:\/\//i.test(value)) return value;
  }
  return '';
}

const isCancelled = (component: Component) => text(component, 'status').toUpperCase() === 'CANCELLED';

function calendarsIn(input: string): Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(input);
  } catch {
    throw unreadable('it is not in the iCalendar (.ics) format.');
  }
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const calendars = list.map((jcal) => new ICAL.Component(jcal as never));
  if (calendars.length === 0 || calendars.some((calendar) => calendar.name !== 'vcalendar')) {
    throw unreadable('it is not in the iCalendar (.ics) format.');
  }
  return calendars;
}

/**
 * The events of an .ics file that start after `now` and within the import window, each
 * repeating event expanded to its occurrences there. Refuses, with a CALENDAR_* code, a file that
 * is too large, not a calendar, too full, in a zone it cannot read, or with an event lacking a start.
 */
export function readUpcomingEvents(input: string, now: number): UpcomingEvents {
  if (Buffer.byteLength(input, 'utf8') > MAX_CALENDAR_BYTES) {
    throw new RapportError(
      'CALENDAR_TOO_LARGE',
      'That calendar file is larger than 5 MB. Export a shorter period from your calendar and try again. Nothing was imported.',
    );
  }
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(input)) throw unreadable('it is not in the iCalendar (.ics) format.');
  const windowEnd = now + IMPORT_WINDOW_DAYS * DAY_MS;
  const firstDay = new Date(now - 2 * DAY_MS).toISOString().slice(0, 10);
  const lastDay = new Date(windowEnd + 2 * DAY_MS).toISOString().slice(0, 10);
  const events: UpcomingEvent[] = [];
  let ignored = 0;
  let steps = 0;
  try {
    for (const calendar of calendarsIn(input)) {
      const components = calendar.getAllSubcomponents('vevent');
      if (components.length > MAX_CALENDAR_EVENTS) {
        throw new RapportError(
          'CALENDAR_TOO_MANY_EVENTS',
          `This calendar holds more than ${MAX_CALENDAR_EVENTS.toLocaleString('en')} events. Export only the coming months and try again. Nothing was imported.`,
        );
      }
      checkTimeZones(calendar);
      const instant = instantReader(calendar);
      const exceptions = new Map<string, Component[]>();
      const masters: Component[] = [];
      for (const component of components) {
        const summary = text(component, 'summary');
        if (!component.hasProperty('dtstart'))
          throw unreadable(`the event “${summary.slice(0, 80) || 'without a title'}” has no start time.`);
        if (component.hasProperty('recurrence-id') && component.hasProperty('uid')) {
          const uid = text(component, 'uid');
          exceptions.set(uid, [...(exceptions.get(uid) ?? []), component]);
        } else masters.push(component);
        for (const rule of component.getAllProperties('rrule')) checkRule(rule, summary);
      }
      const masterUids = new Set(masters.map((component) => text(component, 'uid')));
      for (const [uid, list] of exceptions) if (!masterUids.has(uid)) masters.push(...list);

      const consider = (item: Event, startTime: Time, endTime: Time, key: string, source: Component) => {
        const startProperty = source.getFirstProperty('dtstart');
        const start = instant(startTime, startProperty);
        const endProperty = source.getFirstProperty('dtend') ?? startProperty;
        const end = source.hasProperty('dtend') ? instant(endTime, endProperty) : start + item.duration.toSeconds() * 1000;
        if (startTime.isDate || isCancelled(source) || start <= now || start > windowEnd) return;
        events.push({
          key,
          uid: text(source, 'uid'),
          summary: text(source, 'summary'),
          start,
          end: Math.max(end, start),
          location: text(source, 'location'),
          url: conferenceLink(source),
          emails: emailsOf(source),
        });
      };

      for (const component of masters) {
        const proposedBefore = events.length;
        expand(component);
        if (events.length === proposedBefore) ignored += 1;
      }

      function expand(component: Component): void {
        // Building an ical.js Event costs about a millisecond; a whole calendar's past would block
        // the main process for seconds. A single event whose written date is days outside the
        // window (more than any zone's offset) is left out on that date alone.
        const written: unknown = component.getFirstProperty('dtstart')?.jCal[3];
        const single = !component.hasProperty('rrule') && !component.hasProperty('rdate');
        if (single && typeof written === 'string' && (written.slice(0, 10) < firstDay || written.slice(0, 10) > lastDay)) return;
        const event = new ICAL.Event(component);
        const uid = text(component, 'uid') || `${text(component, 'dtstart')}|${event.summary}`;
        if (!event.isRecurring()) {
          const recurrenceId = component.hasProperty('recurrence-id') ? `|${text(component, 'recurrence-id')}` : '';
          consider(event, event.startDate, event.endDate, `${uid}${recurrenceId}`, component);
          return;
        }
        if (isCancelled(component)) return;
        for (const exception of exceptions.get(uid) ?? []) event.relateException(exception);
        const iterator = event.iterator(fastForward(event, firstDay));
        const startProperty = component.getFirstProperty('dtstart');
        for (let step = 0; step < MAX_STEPS_PER_EVENT; step += 1) {
          const next = iterator.next();
          if (!next) break;
          steps += 1;
          if (steps > MAX_STEPS_PER_FILE) {
            throw new RapportError(
              'CALENDAR_TOO_MANY_EVENTS',
              'This calendar has too many repeating events going back too far to read. Export only the coming months and try again. Nothing was imported.',
            );
          }
          // Reading an instant goes through Intl; days well before the window do not need one.
          if (wallDay(next) < firstDay) continue;
          const originalStart = instant(next, startProperty);
          if (originalStart > windowEnd) break;
          const details = event.getOccurrenceDetails(next);
          const source = details.item.component === component ? component : details.item.component;
          consider(details.item, details.startDate, details.endDate, `${uid}|${new Date(originalStart).toISOString()}`, source);
        }
      }
    }
  } catch (error) {
    if (error instanceof RapportError) throw error;
    throw unreadable('part of it is damaged or not in the iCalendar (.ics) format.');
  }
  if (events.length > MAX_IMPORT_PROPOSALS) {
    throw new RapportError(
      'CALENDAR_TOO_MANY_EVENTS',
      `This calendar has more than ${MAX_IMPORT_PROPOSALS} events in the next ${IMPORT_WINDOW_DAYS} days. Export only your coaching calendar and try again. Nothing was imported.`,
    );
  }
  events.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  return { events, ignored };
}
