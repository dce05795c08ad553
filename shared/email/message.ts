import { firstName, placeText, sessionDateText, signOffLines, timeText } from '../agenda/export';
import type { Client } from '../model/client';
import type { Commitment } from '../model/commitment';
import type { EmailKind, Settings } from '../model/practice';
import type { Session } from '../model/session';
import type { EmailMessage } from './mailto';
import { dueDateText } from './recap';
import { effectiveWording, fillTemplate, type PlaceholderValues } from './templates';

export interface MessageContext {
  client: Pick<Client, 'name' | 'preferredName' | 'email' | 'timeZone'>;
  session: Pick<Session, 'startsAt' | 'durationMinutes' | 'mode' | 'location'>;
  settings: Pick<Settings, 'coachName' | 'signOff' | 'emailTemplates'>;
  /** The client's commitments: the open ones of the client fill {{commitments}}. */
  commitments: Pick<Commitment, 'text' | 'owner' | 'dueDate' | 'doneAt'>[];
  /** The agenda as shared text, for {{agenda}}. */
  agendaText?: string;
  /** The recap as text, for {{recap}}. */
  recapText?: string;
  locale?: string;
}

/** The values of every placeholder; times are in the client's zone when the client file has one. */
export function placeholderValues(context: MessageContext): PlaceholderValues {
  const when = {
    startsAt: context.session.startsAt,
    ...(context.locale ? { locale: context.locale } : {}),
    ...(context.client.timeZone ? { timeZone: context.client.timeZone } : {}),
  };
  const open = context.commitments.filter((commitment) => commitment.owner === 'client' && commitment.doneAt === null);
  return {
    client: context.client.preferredName.trim() || firstName(context.client.name),
    coach: firstName(context.settings.coachName),
    date: sessionDateText(when),
    time: timeText({ clientName: context.client.name, durationMinutes: context.session.durationMinutes, ...when }),
    place:
      placeText({ clientName: context.client.name, ...when, mode: context.session.mode, location: context.session.location }) ??
      'In person',
    agenda: context.agendaText?.trim() ?? '',
    recap: context.recapText?.trim() ?? '',
    commitments: open
      .map((commitment) => `- ${commitment.text}${commitment.dueDate ? ` (by ${dueDateText(commitment.dueDate, context.locale)})` : ''}`)
      .join('\n'),
    signoff: signOffLines(context.settings.coachName, context.settings.signOff).join('\n'),
  };
}

/** A message in the coach's wording (or Rapport's), addressed to the client. */
export function emailMessage(kind: EmailKind, context: MessageContext): EmailMessage {
  const { subject, body } = fillTemplate(effectiveWording(context.settings.emailTemplates, kind), placeholderValues(context));
  return { to: context.client.email, subject, body };
}
