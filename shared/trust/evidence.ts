import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import type { TrustComponent } from './quotient';
import { intimacyPracticeIndicators } from './intimacy-practices';
import { DAY_MS, isPastDue, startOfNextLocalDay, wholeDaysBetween } from '../dates';

/** How far back the evidence looks. */
export const EVIDENCE_WINDOW_DAYS = 90;

export const INDICATOR_IDS = [
  'commitments-on-time',
  'client-commitments-kept',
  'materials-sent-early',
  'sessions-reconfirmed',
  'agendas-reviewed',
  'meeting-goals-met',
  'client-proposed-items',
  'questions-asked',
  'days-since-contact',
  'questions-with-way-out',
  'first-moves-made',
  'held-back',
  'self-orientation-signs',
  'good-habits',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * One fact from the records. `ratio` is numerator / denominator: a share for counts of
 * "x of y", an average per session for the reflection and question indicators, and days over
 * the no-contact threshold for days-since-contact.
 */
export interface EvidenceIndicator {
  id: IndicatorId;
  component: TrustComponent;
  label: string;
  numerator: number;
  denominator: number;
  ratio: number;
  text: string;
}

export interface EvidenceOptions {
  now: Date;
  /** Days without contact the coach considers long (practice setting). */
  noContactDays?: number;
  /** Whether a question is personal or difficult (the bank's marks and the client's own questions); by default none is. */
  isPersonal?: (questionId: string) => boolean;
}

/** Materials count as sent in advance when they went out at least this long before the start. */
export const MATERIALS_LEAD_MS = DAY_MS;
const DEFAULT_NO_CONTACT_DAYS = 21;

function indicator(
  id: IndicatorId,
  component: TrustComponent,
  label: string,
  numerator: number,
  denominator: number,
  text: string,
): EvidenceIndicator {
  return { id, component, label, numerator, denominator, ratio: numerator / denominator, text };
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function average(total: number, count: number, one: string, many: string): string {
  const value = Math.round((total / count) * 10) / 10;
  return `${value} ${plural(value, one, many)}`;
}

/** Sessions that should have happened in the window: started already, not cancelled. */
function pastSessions(document: ClientDocument, from: number, to: number): Session[] {
  return document.sessions.filter((session) => {
    const start = Date.parse(session.startsAt);
    return session.status !== 'cancelled' && start >= from && start <= to;
  });
}

function commitmentsOnTime(document: ClientDocument, from: number, to: number): EvidenceIndicator | null {
  let onTime = 0;
  let settled = 0;
  for (const commitment of document.commitments) {
    if (commitment.owner !== 'coach' || commitment.dueDate === null) continue;
    const lateFrom = startOfNextLocalDay(commitment.dueDate).getTime();
    const done = commitment.doneAt === null ? null : Date.parse(commitment.doneAt);
    // A commitment is judged once its outcome is known: when it was delivered, or when it became late.
    const decidedAt = done !== null && done <= to ? Math.min(done, lateFrom) : lateFrom;
    if (decidedAt > to || decidedAt < from) continue;
    settled += 1;
    if (done !== null && !isPastDue(commitment.dueDate, done)) onTime += 1;
  }
  if (settled === 0) return null;
  return indicator(
    'commitments-on-time',
    'reliability',
    'Your commitments kept on time',
    onTime,
    settled,
    `${onTime} of ${settled} ${plural(settled, 'commitment', 'commitments')} on time`,
  );
}

/**
 * The client's side: their commitments and their job-search next actions, each judged once its
 * outcome is known (done, or past its due date), like the coach's. A next action replaced by a
 * new one is no longer in the file, so only current next actions count.
 */
function clientCommitmentsKept(document: ClientDocument, from: number, to: number): EvidenceIndicator | null {
  const dated = [
    ...document.commitments
      .filter((commitment) => commitment.owner === 'client')
      .map((commitment) => ({ ...commitment, nextAction: false })),
    ...document.jobSearch.applications.flatMap((application) =>
      application.nextAction === null ? [] : [{ ...application.nextAction, nextAction: true }],
    ),
  ];
  let kept = 0;
  let settled = 0;
  let actions = 0;
  for (const entry of dated) {
    if (entry.dueDate === null) continue;
    const lateFrom = startOfNextLocalDay(entry.dueDate).getTime();
    const done = entry.doneAt === null ? null : Date.parse(entry.doneAt);
    const decidedAt = done !== null && done <= to ? Math.min(done, lateFrom) : lateFrom;
    if (decidedAt > to || decidedAt < from) continue;
    settled += 1;
    if (entry.nextAction) actions += 1;
    if (done !== null && !isPastDue(entry.dueDate, done)) kept += 1;
  }
  if (settled === 0) return null;
  const including = actions === 0 ? '' : ` (${actions} of them job-search next ${plural(actions, 'action', 'actions')})`;
  return indicator(
    'client-commitments-kept',
    'reliability',
    'The client’s commitments kept',
    kept,
    settled,
    `${kept} of ${settled} client ${plural(settled, 'commitment', 'commitments')} kept by the due date${including}`,
  );
}

function sessionShare(
  id: IndicatorId,
  label: string,
  sessions: Session[],
  passes: (session: Session) => boolean,
  describe: (count: number) => string,
): EvidenceIndicator | null {
  if (sessions.length === 0) return null;
  const count = sessions.filter(passes).length;
  return indicator(id, 'reliability', label, count, sessions.length, `${count} of ${sessions.length} ${describe(sessions.length)}`);
}

function reliabilityIndicators(document: ClientDocument, sessions: Session[], from: number, to: number): EvidenceIndicator[] {
  const startOf = (session: Session) => Date.parse(session.startsAt);
  const agendaOf = new Map(document.agendas.map((agenda) => [agenda.sessionId, agenda]));
  const withAgenda = sessions.filter((session) => agendaOf.has(session.id));
  const goals = withAgenda.flatMap((session) => agendaOf.get(session.id)?.goals ?? []).filter((goal) => goal.met !== 'unset');
  const met = goals.filter((goal) => goal.met === 'yes').length;
  const partly = goals.filter((goal) => goal.met === 'partly').length;
  const found = [
    commitmentsOnTime(document, from, to),
    clientCommitmentsKept(document, from, to),
    sessionShare(
      'materials-sent-early',
      'Materials sent a day ahead',
      sessions,
      (session) => session.materialsSentAt !== null && startOf(session) - Date.parse(session.materialsSentAt) >= MATERIALS_LEAD_MS,
      (count) => `${plural(count, 'session', 'sessions')} with materials sent at least a day ahead`,
    ),
    sessionShare(
      'sessions-reconfirmed',
      'Sessions reconfirmed',
      sessions,
      (session) => session.reconfirmedAt !== null && Date.parse(session.reconfirmedAt) < startOf(session),
      (count) => `${plural(count, 'session', 'sessions')} reconfirmed beforehand`,
    ),
    sessionShare(
      'agendas-reviewed',
      'Agendas reviewed with the client',
      withAgenda,
      (session) => {
        const reviewedAt = agendaOf.get(session.id)?.reviewedWithClientAt ?? null;
        return reviewedAt !== null && Date.parse(reviewedAt) < startOf(session);
      },
      (count) => `${plural(count, 'agenda', 'agendas')} reviewed with the client before the session`,
    ),
    goals.length === 0
      ? null
      : indicator(
          'meeting-goals-met',
          'reliability',
          'Meeting goals met',
          met,
          goals.length,
          `${met} of ${goals.length} meeting ${plural(goals.length, 'goal', 'goals')} met${partly > 0 ? ` (${partly} partly)` : ''}`,
        ),
  ];
  return found.filter((entry): entry is EvidenceIndicator => entry !== null);
}

function lastContact(document: ClientDocument, to: number): number | null {
  const moments = [
    ...document.sessions
      .filter((session) => session.status !== 'cancelled' && session.status !== 'no-show')
      .map((session) => Date.parse(session.startsAt)),
    ...document.client.notes.map((note) => Date.parse(note.createdAt)),
  ].filter((moment) => moment <= to);
  return moments.length === 0 ? null : Math.max(...moments);
}

function intimacyIndicators(
  document: ClientDocument,
  sessions: Session[],
  from: number,
  to: number,
  noContactDays: number,
): EvidenceIndicator[] {
  const found: EvidenceIndicator[] = [];
  const recentSessionIds = new Set(
    document.sessions
      .filter((session) => session.status !== 'cancelled' && Date.parse(session.startsAt) >= from)
      .map((session) => session.id),
  );
  const items = document.agendas.filter((agenda) => recentSessionIds.has(agenda.sessionId)).flatMap((agenda) => agenda.items);
  if (items.length > 0) {
    const byClient = items.filter((item) => item.proposedBy === 'client').length;
    found.push(
      indicator(
        'client-proposed-items',
        'intimacy',
        'Agenda items the client proposed',
        byClient,
        items.length,
        `${byClient} of ${items.length} agenda ${plural(items.length, 'item', 'items')} proposed by the client`,
      ),
    );
  }
  if (sessions.length > 0) {
    const asked = document.questionsAsked.filter((entry) => {
      const at = Date.parse(entry.askedAt);
      return at >= from && at <= to;
    }).length;
    found.push(
      indicator(
        'questions-asked',
        'intimacy',
        'Relationship questions asked',
        asked,
        sessions.length,
        `${asked} relationship ${plural(asked, 'question', 'questions')} asked over ${sessions.length} ${plural(sessions.length, 'session', 'sessions')}`,
      ),
    );
  }
  const contact = lastContact(document, to);
  if (contact !== null) {
    const days = wholeDaysBetween(contact, to);
    const text = days === 0 ? 'In contact today' : `${days} ${plural(days, 'day', 'days')} since the last session or note`;
    found.push(indicator('days-since-contact', 'intimacy', 'Time since last contact', days, noContactDays, text));
  }
  return found;
}

function reflectionIndicators(sessions: Session[]): EvidenceIndicator[] {
  const reflections = sessions.flatMap((session) => (session.reflection ? [session.reflection] : []));
  if (reflections.length === 0) return [];
  const count = reflections.length;
  const signs = reflections.reduce((sum, reflection) => sum + reflection.signs.length, 0);
  const habits = reflections.reduce((sum, reflection) => sum + reflection.habits.length, 0);
  const over = `over ${count} ${plural(count, 'reflection', 'reflections')}`;
  return [
    indicator(
      'self-orientation-signs',
      'selfOrientation',
      'Signs of self-focus per session',
      signs,
      count,
      `${average(signs, count, 'sign', 'signs')} of self-focus per session (${signs} ${over})`,
    ),
    indicator(
      'good-habits',
      'selfOrientation',
      'Client-centred habits per session',
      habits,
      count,
      `${average(habits, count, 'client-centred habit', 'client-centred habits')} per session (${habits} ${over})`,
    ),
  ];
}

/**
 * What the client's records say about each component over the last 90 days. Pure: the same
 * document and clock always give the same indicators; components without data are left out.
 */
export function trustEvidence(document: ClientDocument, options: EvidenceOptions): EvidenceIndicator[] {
  const to = options.now.getTime();
  const from = to - EVIDENCE_WINDOW_DAYS * DAY_MS;
  const sessions = pastSessions(document, from, to);
  return [
    ...reliabilityIndicators(document, sessions, from, to),
    ...intimacyIndicators(document, sessions, from, to, options.noContactDays ?? DEFAULT_NO_CONTACT_DAYS),
    ...intimacyPracticeIndicators(document, sessions, options.isPersonal ?? (() => false)),
    ...reflectionIndicators(sessions),
  ];
}
