import type { Agenda } from '../model/agenda';
import type { SessionMode } from '../model/session';
import { agendaRef, referenceLine } from './reference';
import { GOALS_HEADING, INVITATION, ITEMS_HEADING, NOTHING_YET, proposerLabel } from './wording';
import { DISPLAY_LOCALE } from '../locale';

export interface AgendaTextContext {
  clientName: string;
  /** What the coach calls the client; the first word of `clientName` when left out. */
  clientFirstName?: string;
  /** The session's start, ISO-8601. */
  startsAt: string;
  durationMinutes?: number;
  mode?: SessionMode;
  /** The room, address or meeting link. */
  location?: string;
  /** The coach's name from Settings: its first word names the coach's items and signs the text. */
  coachName?: string;
  /** The coach's own closing lines from Settings; blank for "See you then," and the first name. */
  signOff?: string;
  /** The agenda's id, for the reference code; no code when left out. */
  agendaId?: string;
  /** For the date line: Rapport's own British English (DISPLAY_LOCALE) and the coach's time zone when left out. */
  locale?: string;
  timeZone?: string;
}

const DETAILS_INDENT = '   ';

export function firstName(name: string): string {
  return name.trim().split(/\s/u)[0] ?? '';
}

/** The session's date as the shared text and its reference line write it: "Tuesday 8 December 2026". */
export function sessionDateText({ startsAt, locale, timeZone }: Pick<AgendaTextContext, 'startsAt' | 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(locale ?? DISPLAY_LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(startsAt));
}

export function timeText(context: AgendaTextContext): string {
  const start = new Date(context.startsAt);
  const withZone = new Intl.DateTimeFormat(context.locale ?? DISPLAY_LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: context.timeZone,
    timeZoneName: 'short',
  });
  if (!context.durationMinutes) return withZone.format(start);
  const plain = new Intl.DateTimeFormat(context.locale ?? DISPLAY_LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: context.timeZone,
  });
  const end = new Date(start.getTime() + context.durationMinutes * 60_000);
  const zone = withZone.formatToParts(start).find((part) => part.type === 'timeZoneName')?.value;
  return `${plain.format(start)}–${plain.format(end)}${zone ? ` ${zone}` : ''}`;
}

export function placeText(context: AgendaTextContext): string | null {
  const location = context.location?.trim() ?? '';
  if (context.mode === 'video') return location ? `Video call: ${location}` : 'Video call (link to follow)';
  if (context.mode === 'phone') return location ? `Phone call: ${location}` : 'Phone call';
  return location || null;
}

function detailLines(details: string): string[] {
  const lines = details
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line === '' ? '' : DETAILS_INDENT + line));
}

/**
 * The coach's closing lines, which the reply parser skips when a client copies them back: the
 * coach's own sign-off from Settings (blank lines inside it kept, around it dropped), or else
 * "See you then," and the coach's first name.
 */
export function signOffLines(coachName: string | undefined, signOff = ''): string[] {
  const own = signOff
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim());
  while (own.length > 0 && own[0] === '') own.shift();
  while (own.length > 0 && own.at(-1) === '') own.pop();
  if (own.length > 0) return own;
  const name = firstName(coachName ?? '');
  return name ? ['See you then,', name] : [];
}

/**
 * The agenda as plain text the client can edit in any email program: a reference line
 * (client, date, short code), when and where, meeting goals, numbered items with minutes
 * and who proposed them ("you" or the coach's first name), an invitation to change
 * anything, and the coach's sign-off. No Markdown marks: it reads the same everywhere.
 */
export function exportAgendaText(agenda: Pick<Agenda, 'goals' | 'items'> & { id?: string }, context: AgendaTextContext): string {
  const date = sessionDateText(context);
  const client = context.clientFirstName?.trim() || firstName(context.clientName);
  const agendaId = context.agendaId ?? agenda.id;
  const title = agendaId ? referenceLine(client, date, agendaRef(agendaId)) : `Agenda for ${client}, ${date}`;
  const coach = firstName(context.coachName ?? '');
  const lines = [title, `When: ${date}, ${timeText(context)}`];
  const place = placeText(context);
  if (place) lines.push(`Where: ${place}`);
  lines.push('', GOALS_HEADING);
  if (agenda.goals.length === 0) lines.push(NOTHING_YET);
  for (const goal of agenda.goals) lines.push(`- ${goal.text}`);
  lines.push('', ITEMS_HEADING);
  if (agenda.items.length === 0) lines.push(NOTHING_YET);
  agenda.items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.title} (${item.minutes} min) — ${proposerLabel(item.proposedBy, coach)}`);
    lines.push(...detailLines(item.details));
  });
  lines.push('', INVITATION);
  const signOff = signOffLines(context.coachName, context.signOff);
  if (signOff.length > 0) lines.push('', ...signOff);
  lines.push('');
  return lines.join('\n');
}
