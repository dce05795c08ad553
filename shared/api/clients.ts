import { z } from 'zod';
import { type Client, ClientCreateInput, ClientPatch, type ClientSummary } from '../model/client';
import type { ClientNote, TermEntry } from '../model/client';
import type { Commitment } from '../model/commitment';
import type { Goal } from '../model/goal';
import { Id } from '../model/primitives';
import type { Session } from '../model/session';
import type { GoalProgress } from '../goals/derive';
import type { SessionReadiness } from '../today/readiness';
import type { SuggestedFocus } from '../trust/focus';
import type { TrendPoint } from './trust';

export interface OverviewSession extends Pick<Session, 'id' | 'startsAt' | 'durationMinutes' | 'mode' | 'location' | 'status'> {
  readiness: SessionReadiness;
  /** Every readiness step is done. */
  ready: boolean;
  agendaItems: number;
  /** The app route of the session's agenda. */
  agendaRoute: string;
}

export interface OverviewCommitment extends Pick<Commitment, 'id' | 'text' | 'dueDate'> {
  overdue: boolean;
  dueToday: boolean;
}

export interface OverviewCommitments {
  /** The first open ones, earliest due first, undated last. */
  items: OverviewCommitment[];
  /** How many are open in all. */
  total: number;
}

export interface OverviewGoal extends Pick<Goal, 'id' | 'title' | 'targetDate'> {
  progress: GoalProgress;
  overdueSteps: number;
  pastTarget: boolean;
}

export interface OverviewTrust {
  /** The most recent assessment, from either side; null before the first. */
  latest: TrendPoint | null;
  /** The latest quotient minus the previous one from the same side; null without one. */
  change: number | null;
  /** Every assessment, oldest first. */
  trend: TrendPoint[];
  focus: SuggestedFocus | null;
}

/** What the first tab of a client's file shows, derived by main. */
export interface ClientOverview {
  clientId: string;
  nextSession: OverviewSession | null;
  sessionsHeld: number;
  lastContactAt: string | null;
  commitments: { coach: OverviewCommitments; client: OverviewCommitments };
  /** Active goals, in the coach's order. */
  goals: OverviewGoal[];
  trust: OverviewTrust;
  lastNote: Pick<ClientNote, 'id' | 'text' | 'createdAt'> | null;
  /** The client's own words, newest first (the first few). */
  terms: Pick<TermEntry, 'id' | 'term' | 'meaning'>[];
  termsTotal: number;
}

export interface ClientsApi {
  /** Every client, archived ones included, sorted by name. */
  list(): Promise<ClientSummary[]>;
  get(id: string): Promise<Client>;
  /** The client's overview: next session, open commitments, active goals, trust, last note, their words. */
  overview(id: string): Promise<ClientOverview>;
  create(input: ClientCreateInput): Promise<Client>;
  update(id: string, patch: ClientPatch): Promise<Client>;
  archive(id: string): Promise<Client>;
  unarchive(id: string): Promise<Client>;
  /**
   * Permanently deletes the client's file. `confirmName` must be the client's name exactly,
   * as the coach typed it to confirm; nothing else is touched.
   */
  remove(id: string, confirmName: string): Promise<void>;
}

export const clientsContract = {
  list: z.tuple([]),
  get: z.tuple([Id]),
  overview: z.tuple([Id]),
  create: z.tuple([ClientCreateInput]),
  update: z.tuple([Id, ClientPatch]),
  archive: z.tuple([Id]),
  unarchive: z.tuple([Id]),
  remove: z.tuple([Id, z.string().max(200)]),
};

export type { Client };
