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

export interface TodayNoContact {
  clientId: string;
  clientName: string;
  status: ClientStatus;
  /** The last held session or note; null when there was none since the client was added. */
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
  /** Clients not heard from for longer than the practice's threshold, longest first. */
  noContact: TodayNoContact[];
  noContactDays: number;
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
