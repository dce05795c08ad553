import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ReflectionInput, SessionCreateInput, SessionPatch } from '../../../shared/api/sessions';
import type { Session, SessionStatus } from '../../../shared/model/session';
import { useApi } from '../api/client';

/**
 * Sessions per client, in main's order. After every write the store reloads the client's list
 * (the renderer's one recipe for staying in step, see docs/renderer-conventions.md).
 */
export const useSessionsStore = defineStore('sessions', () => {
  const api = useApi();
  const byClient = ref<Record<string, Session[]>>({});

  async function load(clientId: string): Promise<Session[]> {
    byClient.value[clientId] = await api.sessions.list(clientId);
    return byClient.value[clientId];
  }

  /** Writes, then reloads what the store shows for this client; answers what the write answered. */
  async function saved<T>(clientId: string, write: Promise<T>): Promise<T> {
    const answer = await write;
    await load(clientId);
    return answer;
  }

  return {
    byClient,
    load,
    sessionsOf: (clientId: string) => byClient.value[clientId] ?? [],
    create: (clientId: string, input: SessionCreateInput) => saved(clientId, api.sessions.create(clientId, input)),
    update: (clientId: string, sessionId: string, patch: SessionPatch) => saved(clientId, api.sessions.update(clientId, sessionId, patch)),
    setStatus: (clientId: string, sessionId: string, status: SessionStatus) =>
      saved(clientId, api.sessions.setStatus(clientId, sessionId, status)),
    stampReconfirmed: (clientId: string, sessionId: string, on: boolean) =>
      saved(clientId, api.sessions.stampReconfirmed(clientId, sessionId, on)),
    stampMaterialsSent: (clientId: string, sessionId: string, on: boolean) =>
      saved(clientId, api.sessions.stampMaterialsSent(clientId, sessionId, on)),
    stampAgendaSent: (clientId: string, sessionId: string, on: boolean) =>
      saved(clientId, api.sessions.stampAgendaSent(clientId, sessionId, on)),
    stampRecapSent: (clientId: string, sessionId: string, on: boolean) =>
      saved(clientId, api.sessions.stampRecapSent(clientId, sessionId, on)),
    saveReflection: (clientId: string, sessionId: string, reflection: ReflectionInput) =>
      saved(clientId, api.sessions.saveReflection(clientId, sessionId, reflection)),
    remove: (clientId: string, sessionId: string) => saved(clientId, api.sessions.remove(clientId, sessionId)),
  };
});
