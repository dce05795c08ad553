import { z } from 'zod';
import type { ClientStatus } from '../model/client';
import type { Commitment } from '../model/commitment';
import type { Session } from '../model/session';
import type { SessionReadiness } from '../today/readiness';

export interface TodaySession {
  clientId: string;
  clientName: string;
  session: Session;
  readiness: SessionReadiness;
}

export interface TodayCommitment {
  clientId: string;
  clientName: string;
  commitment: Commitment;
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
  /** Overdue and due-today commitments: the coach's first, then by due date. */
  commitments: TodayCommitment[];
  /** Clients not heard from for longer than the practice's threshold, longest first. */
  noContact: TodayNoContact[];
  noContactDays: number;
  /** Whether the practice has any client yet (Today shows a welcome otherwise). */
  hasClients: boolean;
}

export interface TodayApi {
  get(): Promise<TodayOverview>;
}

export const todayContract = {
  get: z.tuple([]),
};
