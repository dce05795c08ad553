import { firstName, placeText, sessionDateText, timeText } from '../agenda/export';
import type { Agenda, GoalMet } from '../model/agenda';
import type { Client } from '../model/client';
import type { Commitment } from '../model/commitment';
import type { Owner } from '../model/primitives';
import { byStartTime, type Session } from '../model/session';
import { DISPLAY_LOCALE } from '../locale';

export interface RecapInput {
  client: Pick<Client, 'name' | 'preferredName' | 'timeZone'>;
  /** The session the recap is about. */
  session: Pick<Session, 'id' | 'startsAt' | 'durationMinutes' | 'mode' | 'location'>;
  /** All the client's sessions: the next one after `session` is the "next session". */
  sessions: Pick<Session, 'id' | 'startsAt' | 'createdAt' | 'durationMinutes' | 'mode' | 'location' | 'status'>[];
  agenda: Pick<Agenda, 'goals' | 'items'> | null;
  /** All the client's commitments; those made in `session` are in the recap. */
  commitments: Pick<Commitment, 'text' | 'owner' | 'dueDate' | 'sessionId'>[];
  coachName: string;
  locale?: string;
}

export interface RecapGoal {
  text: string;
  met: GoalMet;
}

export interface RecapCommitment {
  text: string;
  /** "Friday 11 December 2026", or null when no date was agreed. */
  due: string | null;
}

/** One page for the client after a session, as data: the print sheet and the email both read it. */
export interface Recap {
  /** Whom it addresses: the preferred name, or the first name. */
  clientName: string;
  /** How the coach appears in it: the first name ("Sam"); '' when Settings has no name. */
  coachName: string;
  heldOn: string;
  goals: RecapGoal[];
  outcomes: { title: string; outcome: string }[];
  /** What the client said they would do, and what the coach did. */
  yourCommitments: RecapCommitment[];
  coachCommitments: RecapCommitment[];
  next: { date: string; time: string; place: string } | null;
}

export const GOAL_MET_LABELS: Record<GoalMet, string> = {
  yes: 'Met',
  partly: 'Partly met',
  no: 'Not met yet',
  unset: '',
};

/** A due date is a calendar day, not an instant: it is written as the day itself, whatever the zone. */
export function dueDateText(dueDate: string | null, locale: string | undefined): string | null {
  if (!dueDate) return null;
  return new Intl.DateTimeFormat(locale ?? DISPLAY_LOCALE, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${dueDate}T12:00:00Z`));
}

export function buildRecap(input: RecapInput): Recap {
  const zone = input.client.timeZone || undefined;
  const when = { ...(input.locale ? { locale: input.locale } : {}), ...(zone ? { timeZone: zone } : {}) };
  const commitmentsOf = (owner: Owner): RecapCommitment[] =>
    input.commitments
      .filter((commitment) => commitment.sessionId === input.session.id && commitment.owner === owner)
      .map((commitment) => ({ text: commitment.text, due: dueDateText(commitment.dueDate, input.locale) }));
  const start = Date.parse(input.session.startsAt);
  const next = [...input.sessions]
    .sort(byStartTime)
    .find(
      (session) =>
        session.id !== input.session.id && Date.parse(session.startsAt) > start && ['planned', 'confirmed'].includes(session.status),
    );
  return {
    clientName: input.client.preferredName.trim() || firstName(input.client.name),
    coachName: firstName(input.coachName),
    heldOn: sessionDateText({ startsAt: input.session.startsAt, ...when }),
    goals: (input.agenda?.goals ?? []).map((goal) => ({ text: goal.text, met: goal.met })),
    outcomes: (input.agenda?.items ?? [])
      .filter((item) => item.outcome.trim() !== '')
      .map((item) => ({ title: item.title, outcome: item.outcome.trim() })),
    yourCommitments: commitmentsOf('client'),
    coachCommitments: commitmentsOf('coach'),
    next: next
      ? {
          date: sessionDateText({ startsAt: next.startsAt, ...when }),
          time: timeText({ clientName: '', startsAt: next.startsAt, durationMinutes: next.durationMinutes, ...when }),
          place: placeText({ clientName: '', startsAt: next.startsAt, mode: next.mode, location: next.location }) ?? 'In person',
        }
      : null,
  };
}

/** The headings the sheet and the text share, addressed to the client as "you". */
export function recapHeadings(recap: Pick<Recap, 'coachName'>) {
  return {
    goals: 'What we set out to do',
    outcomes: 'What came out of it',
    yours: 'What you said you would do',
    coach: recap.coachName ? `What ${recap.coachName} will do` : 'What I will do',
    next: 'Our next session',
  };
}

function commitmentLine(commitment: RecapCommitment): string {
  return `- ${commitment.text}${commitment.due ? ` (by ${commitment.due})` : ''}`;
}

/** The recap as plain text for an email: no Markdown marks, it reads the same in every mail program. */
export function recapText(recap: Recap): string {
  const headings = recapHeadings(recap);
  const lines = [`Our session on ${recap.heldOn}`];
  const section = (heading: string, body: string[]) => {
    if (body.length > 0) lines.push('', heading, ...body);
  };
  section(
    headings.goals,
    recap.goals.map((goal) => `- ${goal.text}${GOAL_MET_LABELS[goal.met] ? ` — ${GOAL_MET_LABELS[goal.met]}` : ''}`),
  );
  section(
    headings.outcomes,
    recap.outcomes.map((item) => `- ${item.title}: ${item.outcome.replace(/\s*\n\s*/gu, ' ')}`),
  );
  section(headings.yours, recap.yourCommitments.map(commitmentLine));
  section(headings.coach, recap.coachCommitments.map(commitmentLine));
  section(headings.next, recap.next ? [`${recap.next.date}, ${recap.next.time}`, recap.next.place] : ['Not booked yet.']);
  return lines.join('\n');
}
