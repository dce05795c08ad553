import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AgendaContext, AgendaDraft, ReplyPreview } from '../../../shared/api/agendas';
import type { TemplateSummary } from '../../../shared/api/templates';
import type { Agenda, GoalMet } from '../../../shared/model/agenda';
import { useApi } from '../api/client';
import { useFailureState } from './failure-state';

/** One session's agenda as the editor works on it; every change goes through the workspace. */
export const useAgendaStore = defineStore('agenda', () => {
  const api = useApi();
  const clientId = ref('');
  const sessionId = ref('');
  const agenda = ref<Agenda | null>(null);
  const context = ref<AgendaContext | null>(null);
  const templates = ref<TemplateSummary[]>([]);
  const loading = ref(false);
  const { error, guarded } = useFailureState();

  async function load(forClient: string, forSession: string): Promise<void> {
    clientId.value = forClient;
    sessionId.value = forSession;
    loading.value = true;
    try {
      await guarded(async () => {
        [agenda.value, context.value, templates.value] = await Promise.all([
          api.agendas.get(forClient, forSession),
          api.agendas.context(forClient, forSession),
          api.templates.list(),
        ]);
      });
    } finally {
      loading.value = false;
    }
  }

  async function update(call: (api: ReturnType<typeof useApi>) => Promise<Agenda>): Promise<Agenda> {
    return guarded(async () => {
      agenda.value = await call(api);
      return agenda.value;
    });
  }

  return {
    clientId,
    sessionId,
    agenda,
    context,
    templates,
    loading,
    error,
    load,
    save: (draft: AgendaDraft) => update((a) => a.agendas.save(clientId.value, sessionId.value, draft)),
    fromTemplate: (templateId: string) => update((a) => a.agendas.fromTemplate(clientId.value, sessionId.value, templateId)),
    setReviewed: (reviewed: boolean) => update((a) => a.agendas.setReviewed(clientId.value, sessionId.value, reviewed)),
    setGoalMet: (goalId: string, met: GoalMet) => update((a) => a.agendas.setGoalMet(clientId.value, sessionId.value, goalId, met)),
    setOutcome: (itemId: string, outcome: string) => update((a) => a.agendas.setOutcome(clientId.value, sessionId.value, itemId, outcome)),
    applyReply: (text: string, accepted: string[]) => update((a) => a.agendas.applyReply(clientId.value, sessionId.value, text, accepted)),
    undoReply: () => update((a) => a.agendas.undoReply(clientId.value, sessionId.value)),
    /** The text as the client would get it now, without recording a sharing. */
    async shareText(): Promise<string> {
      const { text } = await guarded(() => api.agendas.shareText(clientId.value, sessionId.value));
      return text;
    },
    async share(): Promise<string> {
      const { text } = await guarded(() => api.agendas.share(clientId.value, sessionId.value));
      agenda.value = await api.agendas.get(clientId.value, sessionId.value);
      return text;
    },
    previewReply: (text: string): Promise<ReplyPreview> => guarded(() => api.agendas.previewReply(clientId.value, sessionId.value, text)),
    async saveAsTemplate(name: string): Promise<TemplateSummary> {
      const saved = await guarded(() => api.templates.saveFromAgenda(clientId.value, sessionId.value, name));
      templates.value = await api.templates.list();
      return saved;
    },
  };
});
