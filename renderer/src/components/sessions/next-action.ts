import type { Agenda } from '../../../../shared/model/agenda';
import type { Session } from '../../../../shared/model/session';

/**
 * What a session card offers, worked out from the session alone (and its agenda), so the card
 * shows one next action and never offers a step that no longer applies: no reconfirming a
 * session that is over, no writing up one that has not started.
 */

/** How close to the start a reconfirmation becomes the next thing to do. */
export const RECONFIRM_WITHIN_DAYS = 2;

/** Before the start; from the start on (or marked held); or cancelled / no-show. */
export type SessionPhase = 'upcoming' | 'started' | 'closed';

export type SessionActionId =
  | 'plan-agenda'
  | 'share-agenda'
  | 'open-agenda'
  | 'send-materials'
  | 'mark-materials'
  | 'reconfirm'
  | 'mark-reconfirmed'
  | 'add-to-calendar'
  | 'write-up'
  | 'notes'
  | 'reflect'
  | 'send-recap'
  | 'print-recap'
  | 'save-recap'
  | 'add-commitment'
  | 'mark-held'
  | 'no-show'
  | 'cancel'
  | 'back-to-planned'
  | 'edit'
  | 'delete';

export const ACTION_LABELS: Record<SessionActionId, string> = {
  'plan-agenda': 'Plan the agenda',
  'share-agenda': 'Share the agenda',
  'open-agenda': 'Open the agenda',
  'send-materials': 'Send materials',
  'mark-materials': 'Mark materials sent',
  reconfirm: 'Reconfirm',
  'mark-reconfirmed': 'Mark reconfirmed',
  'add-to-calendar': 'Add to calendar',
  'write-up': 'Write up',
  notes: 'Session notes',
  reflect: 'Reflect',
  'send-recap': 'Send recap',
  'print-recap': 'Print the recap…',
  'save-recap': 'Save the recap as PDF…',
  'add-commitment': 'Add commitment',
  'mark-held': 'Mark held',
  'no-show': 'No-show',
  cancel: 'Cancel session',
  'back-to-planned': 'Back to planned',
  edit: 'Edit',
  delete: 'Delete…',
};

type SessionFacts = Pick<
  Session,
  'startsAt' | 'status' | 'notes' | 'reflection' | 'materialsSentAt' | 'reconfirmedAt' | 'agendaSentAt' | 'recapSentAt'
>;
type AgendaFacts = Pick<Agenda, 'items' | 'goals' | 'sharedAt'> | null;

export interface SessionActions {
  phase: SessionPhase;
  /** The one thing the coach should do now, or null when nothing is waiting. */
  next: SessionActionId | null;
  /** Everything else that applies now, in menu order; never the next action again. */
  more: SessionActionId[];
}

export function sessionPhase(session: Pick<Session, 'startsAt' | 'status'>, now: Date): SessionPhase {
  if (session.status === 'cancelled' || session.status === 'no-show') return 'closed';
  if (session.status === 'held' || Date.parse(session.startsAt) <= now.getTime()) return 'started';
  return 'upcoming';
}

/** An agenda counts as planned once it holds a goal or an item. */
export function agendaPlanned(agenda: AgendaFacts): boolean {
  return agenda !== null && agenda.items.length + agenda.goals.length > 0;
}

/** Shared by copying or saving its text, or emailed from Rapport. */
export function agendaShared(session: Pick<Session, 'agendaSentAt'>, agenda: AgendaFacts): boolean {
  return session.agendaSentAt !== null || (agenda?.sharedAt ?? null) !== null;
}

export function writtenUp(session: Pick<Session, 'notes'>): boolean {
  return session.notes.trim() !== '';
}

function nextAction(session: SessionFacts, agenda: AgendaFacts, phase: SessionPhase, now: Date): SessionActionId | null {
  if (phase === 'closed') return null;
  if (phase === 'started') {
    if (!writtenUp(session)) return 'write-up';
    return session.reflection === null ? 'reflect' : null;
  }
  if (!agendaPlanned(agenda)) return 'plan-agenda';
  if (!agendaShared(session, agenda)) return 'share-agenda';
  if (session.materialsSentAt === null) return 'send-materials';
  const reconfirmFrom = Date.parse(session.startsAt) - RECONFIRM_WITHIN_DAYS * 24 * 60 * 60_000;
  if (session.reconfirmedAt === null && now.getTime() >= reconfirmFrom) return 'reconfirm';
  return null;
}

function applicable(session: SessionFacts, phase: SessionPhase): SessionActionId[] {
  const held = session.status === 'held';
  const offered: [SessionActionId, boolean][] = [
    ['open-agenda', true],
    ['send-materials', phase === 'upcoming' && session.materialsSentAt === null],
    ['mark-materials', phase === 'upcoming' && session.materialsSentAt === null],
    ['reconfirm', phase === 'upcoming' && session.reconfirmedAt === null],
    ['mark-reconfirmed', phase === 'upcoming' && session.reconfirmedAt === null],
    ['add-to-calendar', phase === 'upcoming'],
    ['notes', true],
    ['reflect', phase === 'started'],
    ['send-recap', held && session.recapSentAt === null],
    ['print-recap', held],
    ['save-recap', held],
    ['add-commitment', phase !== 'closed'],
    ['mark-held', phase === 'started' && !held],
    ['no-show', phase === 'started' && !held],
    ['cancel', phase !== 'closed' && !held],
    ['back-to-planned', phase === 'closed' || held],
    ['edit', true],
    ['delete', true],
  ];
  return offered.filter(([, offer]) => offer).map(([id]) => id);
}

/** The same step under two names: the card's "Write up" is its notes, "Plan"/"Share" open the agenda. */
const COVERS: Partial<Record<SessionActionId, SessionActionId>> = {
  'write-up': 'notes',
  'plan-agenda': 'open-agenda',
  'share-agenda': 'open-agenda',
};

export function sessionActions(session: SessionFacts, agenda: AgendaFacts, now: Date): SessionActions {
  const phase = sessionPhase(session, now);
  const next = nextAction(session, agenda, phase, now);
  const covered = next ? (COVERS[next] ?? next) : null;
  return { phase, next, more: applicable(session, phase).filter((id) => id !== next && id !== covered) };
}
