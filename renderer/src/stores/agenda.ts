import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AgendaContext, AgendaDraft, ReplyPreview } from '../../../shared/api/agendas';
import type { TemplateSummary } from '../../../shared/api/templates';
import type { Agenda, GoalMet } from '../../../shared/model/agenda';
import { useApi } from '../api/client';

/** One session's agenda and what the editor needs around it. */
export interface AgendaEntry {
  agenda: Agenda | null;
  context: AgendaContext;
}

function keyOf(clientId: string, sessionId: string): string {
  return `${clientId}/${sessionId}`;
}

/**
 * Agendas per session, as main holds them; every write reloads the session's agenda, so an
 * answer always lands under the session it was asked for. Failures are the caller's to show
 * (through `useAction` or `useKeyedLoader`): the store keeps no error of its own.
 */
export const useAgendaStore = defineStore('agenda', () => {
  const api = useApi();
  const bySession = ref<Record<string, AgendaEntry>>({});
  const templates = ref<TemplateSummary[]>([]);

  async function load(clientId: string, sessionId: string): Promise<AgendaEntry> {
    const [agenda, context, list] = await Promise.all([
      api.agendas.get(clientId, sessionId),
      api.agendas.context(clientId, sessionId),
      api.templates.list(),
    ]);
    const entry: AgendaEntry = { agenda, context };
    bySession.value[keyOf(clientId, sessionId)] = entry;
    templates.value = list;
    return entry;
  }

  /** Writes through `write`, then reloads the session's agenda; resolves to main's answer. */
  async function saved<T>(clientId: string, sessionId: string, write: Promise<T>): Promise<T> {
    const answer = await write;
    await load(clientId, sessionId);
    return answer;
  }

  return {
    bySession,
    templates,
    load,
    entryOf: (clientId: string, sessionId: string): AgendaEntry | undefined => bySession.value[keyOf(clientId, sessionId)],
    save: (clientId: string, sessionId: string, draft: AgendaDraft) =>
      saved(clientId, sessionId, api.agendas.save(clientId, sessionId, draft)),
    fromTemplate: (clientId: string, sessionId: string, templateId: string) =>
      saved(clientId, sessionId, api.agendas.fromTemplate(clientId, sessionId, templateId)),
    setReviewed: (clientId: string, sessionId: string, reviewed: boolean) =>
      saved(clientId, sessionId, api.agendas.setReviewed(clientId, sessionId, reviewed)),
    setGoalMet: (clientId: string, sessionId: string, goalId: string, met: GoalMet) =>
      saved(clientId, sessionId, api.agendas.setGoalMet(clientId, sessionId, goalId, met)),
    setOutcome: (clientId: string, sessionId: string, itemId: string, outcome: string) =>
      saved(clientId, sessionId, api.agendas.setOutcome(clientId, sessionId, itemId, outcome)),
    applyReply: (clientId: string, sessionId: string, text: string, accepted: string[]) =>
      saved(clientId, sessionId, api.agendas.applyReply(clientId, sessionId, text, accepted)),
    undoReply: (clientId: string, sessionId: string) => saved(clientId, sessionId, api.agendas.undoReply(clientId, sessionId)),
    /** The text as the client would get it now, without recording a sharing. */
    shareText: async (clientId: string, sessionId: string): Promise<string> => (await api.agendas.shareText(clientId, sessionId)).text,
    /** The text as the client gets it, recorded as shared (the agenda's `sharedAt`). */
    share: async (clientId: string, sessionId: string): Promise<string> =>
      (await saved(clientId, sessionId, api.agendas.share(clientId, sessionId))).text,
    previewReply: (clientId: string, sessionId: string, text: string): Promise<ReplyPreview> =>
      api.agendas.previewReply(clientId, sessionId, text),
    saveAsTemplate: (clientId: string, sessionId: string, name: string): Promise<TemplateSummary> =>
      saved(clientId, sessionId, api.templates.saveFromAgenda(clientId, sessionId, name)),
  };
});
