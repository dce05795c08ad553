import { z } from 'zod';
import type { ClientStatus } from '../model/client';
import type { Commitment } from '../model/commitment';
import type { Session } from '../model/session';
import type { SessionReadiness } from '../today/readiness';

/** What Today shows of a session: its plan and the stamps of its readiness checklist. */
export type TodaySessionFacts = Pick<
  Session,
  'id' | 'startsAt' | 'durationMinutes' | 'mode' | 'location' | 'status' | 'materialsSentAt' | 'reconfirmedAt' | 'agendaSentAt'
>;

export interface TodaySession {
  clientId: string;
  clientName: string;
  /** The client's IANA zone, '' for the coach's own. */
  clientTimeZone: string;
  session: TodaySessionFacts;
  readiness: SessionReadiness;
}

/** What Today shows of a commitment. */
export type TodayCommitmentFacts = Pick<Commitment, 'id' | 'text' | 'owner' | 'dueDate'>;

export interface TodayCommitment {
  clientId: string;
  clientName: string;
  commitment: TodayCommitmentFacts;
  timing: 'overdue' | 'due-today';
}

/** A client's open commitment due after today and no later than the day of their next session. */
export interface TodayBeforeSession {
  clientId: string;
  clientName: string;
  commitment: TodayCommitmentFacts & { dueDate: string };
  /** The client's next session within the days Today looks ahead. */
  session: Pick<Session, 'id' | 'startsAt'>;
}

/** A recent session that is over and still lacks its write-up (notes) or the coach's reflection. */
export interface TodayWriteUp {
  clientId: string;
  clientName: string;
  session: Pick<Session, 'id' | 'startsAt' | 'durationMinutes' | 'status'>;
  /** The session has notes. */
  writtenUp: boolean;
  /** The coach reflected on the session (self-orientation signs and habits). */
  reflected: boolean;
}

export interface TodayNoContact {
  clientId: string;
  clientName: string;
  status: ClientStatus;
  /** The last held session or note; null when there was none yet ("no contact yet": always listed). */
  lastContactAt: string | null;
  days: number;
}

export interface TodayOverview {
  /** Sessions from the start of today through the next 7 days, earliest first; cancelled ones left out. */
  sessions: TodaySession[];
  /**
   * Overdue and due-today commitments: the coach's first, then by due date; the first
   * `commitmentsLimit` of them when the call set one.
   */
  commitments: TodayCommitment[];
  /** How many commitments are overdue or due today in all. */
  commitmentsTotal: number;
  /** Client commitments due after today and by the day of their next session, earliest due first. */
  beforeSession: TodayBeforeSession[];
  /**
   * Sessions that ended in the last 7 days (and are not cancelled or a no-show) without notes
   * or a reflection, most recent first.
   */
  toWriteUp: TodayWriteUp[];
  /**
   * Clients not heard from for longer than the practice's threshold, and clients with no
   * contact yet; longest first.
   */
  noContact: TodayNoContact[];
  noContactDays: number;
  /** How many goal steps are overdue (the list itself comes from goals.overdueSteps). */
  overdueStepsCount: number;
  /** How many job-search next actions are due (the list comes from jobSearch.nextActionsDue). */
  nextActionsDueCount: number;
  /** Whether the practice has any client yet (Today shows a welcome otherwise). */
  hasClients: boolean;
}

export const TodayOptions = z.strictObject({
  /** Send only this many commitments (Today shows a long backlog's first ones until asked). */
  commitmentsLimit: z.number().int().min(1).max(100_000).optional(),
});
export type TodayOptions = z.infer<typeof TodayOptions>;

export interface TodayApi {
  get(options?: TodayOptions): Promise<TodayOverview>;
}

export const todayContract = {
  get: z.tuple([TodayOptions.optional()]),
};
