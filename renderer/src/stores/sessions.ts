import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ReflectionInput, SessionCreateInput, SessionPatch } from '../../../shared/api/sessions';
import { byStartTime, type Session, type SessionStatus } from '../../../shared/model/session';
import { useApi } from '../api/client';

/** Sessions per client, as last loaded or saved through the API. */
export const useSessionsStore = defineStore('sessions', () => {
  const api = useApi();
  const byClient = ref<Record<string, Session[]>>({});

  function sorted(sessions: Session[]): Session[] {
    return [...sessions].sort(byStartTime);
  }

  function put(clientId: string, session: Session): Session {
    const others = (byClient.value[clientId] ?? []).filter((candidate) => candidate.id !== session.id);
    byClient.value[clientId] = sorted([...others, session]);
    return session;
  }

  async function load(clientId: string): Promise<Session[]> {
    byClient.value[clientId] = await api.sessions.list(clientId);
    return byClient.value[clientId];
  }

  return {
    byClient,
    load,
    sessionsOf: (clientId: string) => byClient.value[clientId] ?? [],
    create: async (clientId: string, input: SessionCreateInput) => put(clientId, await api.sessions.create(clientId, input)),
    update: async (clientId: string, sessionId: string, patch: SessionPatch) =>
      put(clientId, await api.sessions.update(clientId, sessionId, patch)),
    setStatus: async (clientId: string, sessionId: string, status: SessionStatus) =>
      put(clientId, await api.sessions.setStatus(clientId, sessionId, status)),
    stampReconfirmed: async (clientId: string, sessionId: string, on: boolean) =>
      put(clientId, await api.sessions.stampReconfirmed(clientId, sessionId, on)),
    stampMaterialsSent: async (clientId: string, sessionId: string, on: boolean) =>
      put(clientId, await api.sessions.stampMaterialsSent(clientId, sessionId, on)),
    saveReflection: async (clientId: string, sessionId: string, reflection: ReflectionInput) =>
      put(clientId, await api.sessions.saveReflection(clientId, sessionId, reflection)),
    async remove(clientId: string, sessionId: string) {
      await api.sessions.remove(clientId, sessionId);
      byClient.value[clientId] = (byClient.value[clientId] ?? []).filter((session) => session.id !== sessionId);
    },
  };
});
