import type { Agenda } from '../../../../shared/model/agenda';
import type { Session } from '../../../../shared/model/session';
import { agendaShared, sessionPhase } from '../sessions/next-action';

/** The agenda follows the meeting: one stage in view at a time, named in the address (`?stage=`). */
export const AGENDA_STAGES = ['prepare', 'share', 'after', 'history'] as const;
export type AgendaStage = (typeof AGENDA_STAGES)[number];

export const STAGE_LABELS: Record<AgendaStage, string> = {
  prepare: 'Prepare',
  share: 'Share & reply',
  after: 'After the session',
  history: 'History',
};

export function isAgendaStage(value: unknown): value is AgendaStage {
  return typeof value === 'string' && (AGENDA_STAGES as readonly string[]).includes(value);
}

/** Whether goals met and outcomes can be recorded: from the start on, or once marked held. */
export function sessionStarted(session: Pick<Session, 'startsAt' | 'status'>, now: Date): boolean {
  return sessionPhase(session, now) === 'started';
}

/**
 * The stage that needs the coach: before sharing, preparing; shared and waiting, the client's
 * reply; from the start on, what came of it.
 */
export function defaultStage(
  session: Pick<Session, 'startsAt' | 'status' | 'agendaSentAt'>,
  agenda: Pick<Agenda, 'items' | 'goals' | 'sharedAt'> | null,
  now: Date,
): AgendaStage {
  if (sessionStarted(session, now)) return 'after';
  return agendaShared(session, agenda) ? 'share' : 'prepare';
}
