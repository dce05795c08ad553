import { defineStore } from 'pinia';
import type { ReflectionInput, SessionCreateInput, SessionPatch } from '../../../shared/api/sessions';
import type { SessionStatus } from '../../../shared/model/session';
import { recordsByClient } from './records-by-client';
import { useApi } from '../api/client';

/**
 * Sessions per client, in main's order. After every write the store reloads the client's list
 * (the renderer's one recipe for staying in step, see docs/renderer-conventions.md).
 */
export const useSessionsStore = defineStore('sessions', () => {
  const api = useApi();
  const { byClient, load, saved } = recordsByClient((clientId: string) => api.sessions.list(clientId));

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
