import type { AssessmentSource } from '../model/assessment';
import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import { COMPONENT_LABELS, formatQuotient, trustQuotient, type TrustComponent, type TrustRatings } from './quotient';
import { costliestComponent, oneStepGains } from './focus-component';
import { trustReading } from './wording';
import { isPastDue, wholeDaysBetween } from '../dates';

/** Where a practice is done in the app. `at` is a moment the page formats in the coach's locale. */
export interface PracticeLink {
  to: string;
  label: string;
  at: string | null;
}

export interface FocusPractice {
  id: string;
  text: string;
  link: PracticeLink;
}

export interface SuggestedFocus {
  component: TrustComponent;
  source: AssessmentSource;
  reason: string;
  practices: FocusPractice[];
}

/**
 * Client-file tabs the practices link to; each must be an id registered in
 * renderer/src/views/client-tabs.ts. Agendas have no tab: they open from their session.
 */
export const FOCUS_TABS = ['profile', 'sessions', 'commitments', 'notes', 'terminology', 'trust'] as const;
export type FocusTab = (typeof FOCUS_TABS)[number];

export function clientTabRoute(clientId: string, tab: FocusTab): string {
  return `/clients/${clientId}?tab=${tab}`;
}

/** The agenda page of one session. */
export function agendaRoute(clientId: string, sessionId: string): string {
  return `/clients/${clientId}/sessions/${sessionId}/agenda`;
}

interface FocusContext {
  document: ClientDocument;
  now: number;
  noContactDays: number;
  tab: (tab: FocusTab) => string;
  nextSession: Session | undefined;
  firstName: string;
}

/** The next session's agenda, or the sessions tab (where one is planned) when none is coming. */
function nextAgendaLink({ document, tab, nextSession }: FocusContext, label: string): PracticeLink {
  return nextSession
    ? { to: agendaRoute(document.client.id, nextSession.id), label: `${label} for the session on`, at: nextSession.startsAt }
    : { to: tab('sessions'), label: 'Plan the next session and its agenda', at: null };
}

function reliabilityPractices(context: FocusContext): FocusPractice[] {
  const { document, now, tab, nextSession } = context;
  const overdue = document.commitments.filter((c) => c.owner === 'coach' && c.doneAt === null && isPastDue(c.dueDate, now)).length;
  const unconfirmed = nextSession && nextSession.reconfirmedAt === null ? nextSession : undefined;
  const agenda = nextSession && document.agendas.find((entry) => entry.sessionId === nextSession.id);
  return [
    {
      id: 'deliver-commitments',
      text: 'Make small, specific promises and deliver each one quietly and on time.',
      link: {
        to: tab('commitments'),
        label: overdue > 0 ? `Deliver ${overdue} overdue ${overdue === 1 ? 'commitment' : 'commitments'}` : 'Review your commitments',
        at: null,
      },
    },
    {
      id: 'reconfirm-sessions',
      text: 'Reconfirm each session a day or two before it happens.',
      link: unconfirmed
        ? { to: tab('sessions'), label: 'Reconfirm the session on', at: unconfirmed.startsAt }
        : { to: tab('sessions'), label: 'Open sessions', at: null },
    },
    {
      id: 'review-agenda',
      text: 'Agree the agenda and its goals with the client before you meet, and send materials a day ahead.',
      link: nextAgendaLink(context, agenda && agenda.reviewedWithClientAt !== null ? 'Open the agenda' : 'Review the agenda'),
    },
  ];
}

function intimacyPractices(context: FocusContext): FocusPractice[] {
  const { document, now, noContactDays, tab, firstName } = context;
  const contacts = [
    ...document.sessions.filter((s) => s.status === 'held').map((s) => Date.parse(s.startsAt)),
    ...document.client.notes.map((note) => Date.parse(note.createdAt)),
  ].filter((moment) => moment <= now);
  const daysQuiet = contacts.length === 0 ? null : wholeDaysBetween(Math.max(...contacts), now);
  const quiet = daysQuiet !== null && daysQuiet >= noContactDays;
  return [
    {
      id: 'ask-question',
      text: 'Ask one relationship-building question next time, and make it easy for the client not to answer.',
      link: { to: tab('trust'), label: `Pick a question for ${firstName}`, at: null },
    },
    {
      id: 'client-agenda-items',
      text: 'Invite the client to add their own items to the next agenda.',
      link: nextAgendaLink(context, 'Share the agenda'),
    },
    quiet
      ? {
          id: 'get-in-touch',
          text: `Spend time with the client: it has been ${daysQuiet} days since you were last in touch.`,
          link: { to: tab('notes'), label: `Note your next contact with ${firstName}`, at: null },
        }
      : {
          id: 'prepare-hard-question',
          text: 'Prepare the wording of a difficult question before the session, and be open about yourself.',
          link: { to: '/questions', label: 'Open the question bank', at: null },
        },
  ];
}

function selfOrientationPractices(context: FocusContext): FocusPractice[] {
  const { document, now, tab } = context;
  const lastHeld = document.sessions
    .filter((s) => s.status === 'held' && Date.parse(s.startsAt) <= now)
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0];
  return [
    {
      id: 'reflect-after-session',
      text: 'After each session, note honestly which signs of self-focus crept in.',
      link:
        lastHeld && lastHeld.reflection === null
          ? { to: tab('sessions'), label: 'Reflect on the session of', at: lastHeld.startsAt }
          : { to: tab('sessions'), label: 'Open session reflections', at: null },
    },
    {
      id: 'let-client-fill-silence',
      text: 'Let the client fill the silences, and ask what lies behind an issue before offering a solution.',
      link: nextAgendaLink(context, 'Leave unhurried time in the agenda'),
    },
    {
      id: 'answer-directly',
      text: 'Answer direct questions directly, and say “I don’t know” when you don’t.',
      link: { to: tab('commitments'), label: 'Note what you promised to find out', at: null },
    },
  ];
}

function credibilityPractices(context: FocusContext): FocusPractice[] {
  const { tab, firstName } = context;
  return [
    {
      id: 'use-client-words',
      text: 'Use the client’s own words for their work and their goals.',
      link: { to: tab('terminology'), label: `Check ${firstName}’s own terms`, at: null },
    },
    {
      id: 'admit-and-follow-up',
      text: 'When you are unsure, say so, find out, and come back with the answer.',
      link: { to: tab('commitments'), label: 'Add a commitment to follow up', at: null },
    },
    {
      id: 'prepare-field',
      text: 'Prepare for the next session on the role and field the client is aiming for.',
      link: nextAgendaLink(context, 'Plan the agenda'),
    },
  ];
}

const PRACTICES: Record<TrustComponent, (context: FocusContext) => FocusPractice[]> = {
  credibility: credibilityPractices,
  reliability: reliabilityPractices,
  intimacy: intimacyPractices,
  selfOrientation: selfOrientationPractices,
};

function reasonFor(component: TrustComponent, ratings: TrustRatings): string {
  const before = trustQuotient(ratings);
  const gain = oneStepGains(ratings).find((entry) => entry.component === component)?.gain ?? 0;
  const direction = component === 'selfOrientation' ? 'Lowering' : 'Raising';
  return `${trustReading(ratings).text} ${direction} ${COMPONENT_LABELS[component].toLowerCase()} by one would take trust from ${formatQuotient(before)} to ${formatQuotient(before + gain)}.`;
}

/** The component costing the most trust and what to do about it, linked to where it is done. */
export function suggestFocus(
  document: ClientDocument,
  rated: { source: AssessmentSource; ratings: TrustRatings },
  options: { now: Date; noContactDays: number },
): SuggestedFocus | null {
  const component = costliestComponent(rated.ratings);
  if (component === null) return null;
  const now = options.now.getTime();
  const clientId = document.client.id;
  const nextSession = document.sessions
    .filter((s) => (s.status === 'planned' || s.status === 'confirmed') && Date.parse(s.startsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  const context: FocusContext = {
    document,
    now,
    noContactDays: options.noContactDays,
    tab: (tab) => clientTabRoute(clientId, tab),
    nextSession,
    firstName: document.client.preferredName || document.client.name,
  };
  return { component, source: rated.source, reason: reasonFor(component, rated.ratings), practices: PRACTICES[component](context) };
}
