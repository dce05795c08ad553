import type { Agenda } from '../model/agenda';
import { GOALS_HEADING, INVITATION, ITEMS_HEADING, NOTHING_YET, proposerLabel } from './wording';

export interface AgendaTextContext {
  clientName: string;
  /** The session's start, ISO-8601. */
  startsAt: string;
  /** For the date line; the coach's own locale and time zone when left out. */
  locale?: string;
  timeZone?: string;
}

const DETAILS_INDENT = '   ';

function sessionDate({ startsAt, locale, timeZone }: AgendaTextContext): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(startsAt));
}

function detailLines(details: string): string[] {
  const lines = details.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line === '' ? '' : DETAILS_INDENT + line));
}

/**
 * The agenda as plain text the client can edit in any email program (and that reads well as
 * Markdown): title, meeting goals, numbered items with minutes and who proposed them, and
 * an invitation to change anything.
 */
export function exportAgendaText(agenda: Pick<Agenda, 'goals' | 'items'>, context: AgendaTextContext): string {
  const lines = [`# Agenda for ${context.clientName} — ${sessionDate(context)}`, '', `## ${GOALS_HEADING}`, ''];
  if (agenda.goals.length === 0) lines.push(NOTHING_YET);
  for (const goal of agenda.goals) lines.push(`- ${goal.text}`);
  lines.push('', `## ${ITEMS_HEADING}`, '');
  if (agenda.items.length === 0) lines.push(NOTHING_YET);
  agenda.items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.title} (${item.minutes} min) — ${proposerLabel(item.proposedBy)}`);
    lines.push(...detailLines(item.details));
  });
  lines.push('', INVITATION, '');
  return lines.join('\n');
}
