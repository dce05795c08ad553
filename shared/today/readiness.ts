import type { Agenda } from '../model/agenda';
import type { Session } from '../model/session';
import { hoursBetween } from '../dates';

/** Materials should reach the client at least this long before the session. */
export const MATERIALS_LEAD_HOURS = 24;

export interface SessionReadiness {
  /** An agenda with at least one item exists for the session. */
  agendaDrafted: boolean;
  /** The agenda was reviewed with the client. */
  agendaReviewed: boolean;
  materialsSent: boolean;
  /** Materials were sent at least 24 hours before the session starts. */
  materialsSentInAdvance: boolean;
  reconfirmed: boolean;
}

export function sessionReadiness(
  session: Pick<Session, 'startsAt' | 'materialsSentAt' | 'reconfirmedAt'>,
  agenda: Pick<Agenda, 'items' | 'reviewedWithClientAt'> | undefined,
): SessionReadiness {
  const { materialsSentAt } = session;
  return {
    agendaDrafted: agenda !== undefined && agenda.items.length > 0,
    agendaReviewed: agenda?.reviewedWithClientAt != null,
    materialsSent: materialsSentAt !== null,
    materialsSentInAdvance:
      materialsSentAt !== null && hoursBetween(new Date(materialsSentAt), new Date(session.startsAt)) >= MATERIALS_LEAD_HOURS,
    reconfirmed: session.reconfirmedAt !== null,
  };
}

/** Whether every step is done (materials counted once sent, early or not). */
export function isReady(readiness: SessionReadiness): boolean {
  return readiness.agendaDrafted && readiness.agendaReviewed && readiness.materialsSent && readiness.reconfirmed;
}

/** The four steps `isReady` checks, as "Ready" or "2 of 4 steps done" for a session's card. */
export function readinessSummary(readiness: SessionReadiness): { done: number; total: number; text: string } {
  const steps = [readiness.agendaDrafted, readiness.agendaReviewed, readiness.materialsSent, readiness.reconfirmed];
  const done = steps.filter(Boolean).length;
  return { done, total: steps.length, text: done === steps.length ? 'Ready' : `${done} of ${steps.length} steps done` };
}
