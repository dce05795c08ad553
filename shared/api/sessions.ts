import { z } from 'zod';
import { Id } from '../model/primitives';
import { Reflection, Session, SessionStatus, sessionPlanFields } from '../model/session';

/** How a session counts in the hours log: paid or pro bono (null: as the client) and how many took part. */
const sessionBillingFields = { billing: Session.shape.billing, groupSize: Session.shape.groupSize };

export const SessionCreateInput = z
  .strictObject({ ...sessionPlanFields, ...sessionBillingFields })
  .partial({ durationMinutes: true, location: true, billing: true, groupSize: true });
export type SessionCreateInput = z.infer<typeof SessionCreateInput>;

export const SessionPatch = z.strictObject({ ...sessionPlanFields, ...sessionBillingFields, notes: Session.shape.notes }).partial();
export type SessionPatch = z.infer<typeof SessionPatch>;

export const ReflectionInput = Reflection.omit({ updatedAt: true });
export type ReflectionInput = z.infer<typeof ReflectionInput>;

export interface SessionsApi {
  /** The client's sessions, earliest first. */
  list(clientId: string): Promise<Session[]>;
  /** Schedules a planned session; the length defaults to the practice's default session length. */
  create(clientId: string, input: SessionCreateInput): Promise<Session>;
  update(clientId: string, sessionId: string, patch: SessionPatch): Promise<Session>;
  setStatus(clientId: string, sessionId: string, status: SessionStatus): Promise<Session>;
  /** Stamps (on) or clears (off) when the session was reconfirmed with the client. */
  stampReconfirmed(clientId: string, sessionId: string, on: boolean): Promise<Session>;
  /** Stamps (on) or clears (off) when materials were sent to the client. */
  stampMaterialsSent(clientId: string, sessionId: string, on: boolean): Promise<Session>;
  /** Stamps (on) or clears (off) when the agenda was emailed to the client. */
  stampAgendaSent(clientId: string, sessionId: string, on: boolean): Promise<Session>;
  /** Stamps (on) or clears (off) when the session recap was sent to the client. */
  stampRecapSent(clientId: string, sessionId: string, on: boolean): Promise<Session>;
  saveReflection(clientId: string, sessionId: string, reflection: ReflectionInput): Promise<Session>;
  /** Deletes the session and its agenda; commitments made in it are kept, unlinked. */
  remove(clientId: string, sessionId: string): Promise<void>;
}

export const sessionsContract = {
  list: z.tuple([Id]),
  create: z.tuple([Id, SessionCreateInput]),
  update: z.tuple([Id, Id, SessionPatch]),
  setStatus: z.tuple([Id, Id, SessionStatus]),
  stampReconfirmed: z.tuple([Id, Id, z.boolean()]),
  stampMaterialsSent: z.tuple([Id, Id, z.boolean()]),
  stampAgendaSent: z.tuple([Id, Id, z.boolean()]),
  stampRecapSent: z.tuple([Id, Id, z.boolean()]),
  saveReflection: z.tuple([Id, Id, ReflectionInput]),
  remove: z.tuple([Id, Id]),
};

export type { Session, SessionStatus };
