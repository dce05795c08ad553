import type { SessionsApi } from '../../../shared/api/sessions';
import type { ClientDocument } from '../../../shared/model/documents';
import { byStartTime, type Session } from '../../../shared/model/session';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';
import { unlinkDocuments } from './document-links';

export function createSessionsService(context: ServiceContext): SessionsApi {
  const { store } = context;

  /** Applies `change` to one session, stamps it, and returns the saved session. */
  async function changeSession(clientId: string, sessionId: string, change: (session: Session, now: string) => void): Promise<Session> {
    const { result } = await store.updateClient(clientId, (document: ClientDocument) => {
      const session = findRecord(document.sessions, sessionId, 'session');
      const now = context.timestamp();
      change(session, now);
      session.updatedAt = now;
      return session;
    });
    return result;
  }

  /** Stamping keeps the first time stamp; un-stamping clears it. */
  function stamp(current: string | null, on: boolean, now: string): string | null {
    if (!on) return null;
    return current ?? now;
  }

  return {
    async list(clientId) {
      return [...store.client(clientId).sessions].sort(byStartTime);
    },

    async create(clientId, input) {
      const { result } = await store.updateClient(clientId, ({ sessions }) => {
        const session: Session = {
          ...newRecord(context),
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes ?? store.practice().settings.defaultSessionMinutes,
          mode: input.mode,
          location: input.location ?? '',
          status: 'planned',
          reconfirmedAt: null,
          materialsSentAt: null,
          notes: '',
          reflection: null,
          agendaSentAt: null,
          recapSentAt: null,
          billing: input.billing ?? null,
          groupSize: input.groupSize ?? 1,
          calendarUid: null,
        };
        sessions.push(session);
        return session;
      });
      return result;
    },

    update: (clientId, sessionId, patch) =>
      changeSession(clientId, sessionId, (session) => {
        Object.assign(session, patch);
      }),

    setStatus: (clientId, sessionId, status) =>
      changeSession(clientId, sessionId, (session) => {
        session.status = status;
      }),

    stampReconfirmed: (clientId, sessionId, on) =>
      changeSession(clientId, sessionId, (session, now) => {
        session.reconfirmedAt = stamp(session.reconfirmedAt, on, now);
      }),

    stampMaterialsSent: (clientId, sessionId, on) =>
      changeSession(clientId, sessionId, (session, now) => {
        session.materialsSentAt = stamp(session.materialsSentAt, on, now);
      }),

    stampAgendaSent: (clientId, sessionId, on) =>
      changeSession(clientId, sessionId, (session, now) => {
        session.agendaSentAt = stamp(session.agendaSentAt, on, now);
      }),

    stampRecapSent: (clientId, sessionId, on) =>
      changeSession(clientId, sessionId, (session, now) => {
        session.recapSentAt = stamp(session.recapSentAt, on, now);
      }),

    saveReflection: (clientId, sessionId, { signs, habits, text }) =>
      changeSession(clientId, sessionId, (session, now) => {
        session.reflection = { signs: [...new Set(signs)], habits: [...new Set(habits)], text, updatedAt: now };
      }),

    async remove(clientId, sessionId) {
      await store.updateClient(clientId, (document) => {
        removeRecord(document.sessions, sessionId, 'session');
        document.agendas = document.agendas.filter((agenda) => agenda.sessionId !== sessionId);
        document.intimacy.sessions = document.intimacy.sessions.filter((entry) => entry.sessionId !== sessionId);
        const now = context.timestamp();
        unlinkDocuments(document, 'sessionId', sessionId, now);
        for (const commitment of document.commitments) {
          if (commitment.sessionId !== sessionId) continue;
          commitment.sessionId = null;
          commitment.updatedAt = now;
        }
      });
    },
  };
}
