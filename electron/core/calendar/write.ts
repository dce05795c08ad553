import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Agenda } from '../../../shared/model/agenda';
import type { Session } from '../../../shared/model/session';

/** Where Rapport's own event UIDs live: `<session id>@rapport.app`, the same on every export. */
export const UID_DOMAIN = 'rapport.app';
/** The reminder every exported session carries. */
export const REMINDER_MINUTES = 60;

export interface SessionForCalendar {
  session: Session;
  clientName: string;
  agenda: Agenda | null;
}

export const sessionUid = (sessionId: string) => `${sessionId}@${UID_DOMAIN}`;

/** The session id in one of Rapport's own UIDs, or null for anyone else's. */
export function sessionIdOfUid(uid: string): string | null {
  const match = /^([0-9a-f-]{36})@rapport\.app$/i.exec(uid);
  return match ? match[1].toLowerCase() : null;
}

const isLink = (location: string) => /^https?:\/\/\S+$/i.test(location.trim());

/**
 * ical-generator escapes "," and ";" in URL as if it were text, but a URI value has no escapes
 * (RFC 5545, 3.3.13): calendars would open a link with backslashes in it. Percent-encoded, the
 * two characters mean the same to a web server and need no escape.
 */
const uriValue = (link: string) => link.replaceAll(',', '%2C').replaceAll(';', '%3B');

/** The agenda in a few lines: the meeting's goals, then the titles of its items. */
export function agendaSummary(agenda: Agenda | null): string {
  if (!agenda) return '';
  const parts: string[] = [];
  if (agenda.goals.length > 0) parts.push(['Goals for this meeting:', ...agenda.goals.map((goal) => `- ${goal.text}`)].join('\n'));
  if (agenda.items.length > 0) parts.push(['Agenda:', ...agenda.items.map((item) => `- ${item.title}`)].join('\n'));
  return parts.join('\n\n');
}

export function sessionTitle(coachName: string, clientName: string): string {
  const coach = coachName.trim();
  return coach ? `Coaching session with ${coach} / ${clientName}` : `Coaching session with ${clientName}`;
}

/**
 * One .ics file (METHOD:PUBLISH) with an event per session: times in UTC, which every calendar
 * shows in its own zone; the place or meeting link; the agenda summary; a reminder an hour before.
 * The library escapes commas, semicolons and line breaks in the coach's text and folds long lines.
 */
export function buildCalendar(sessions: SessionForCalendar[], coachName: string, now: Date): string {
  const calendar = ical({
    prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: 'Coaching sessions',
  });
  for (const { session, clientName, agenda } of sessions) {
    const start = new Date(session.startsAt);
    const location = session.location.trim();
    const event = calendar.createEvent({
      id: sessionUid(session.id),
      stamp: now,
      start,
      end: new Date(start.getTime() + session.durationMinutes * 60_000),
      summary: sessionTitle(coachName, clientName),
      description: agendaSummary(agenda) || null,
      location: location || null,
      url: isLink(location) ? uriValue(location) : null,
    });
    event.createAlarm({ type: ICalAlarmType.display, trigger: REMINDER_MINUTES * 60, description: 'Coaching session in one hour' });
  }
  return calendar.toString();
}
