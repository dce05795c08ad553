import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AssessmentInput } from '../../../shared/api/assessments';
import type { ClientQuestions, Question, QuestionInput } from '../../../shared/api/questions';
import type { TrustOverviewRow, ClientTrust } from '../../../shared/api/trust';
import { recordsByClient } from './records-by-client';
import { useApi } from '../api/client';

/** What the trust panel shows for one client: ratings, evidence and focus, and the questions. */
export interface ClientTrustView {
  panel: ClientTrust;
  questions: ClientQuestions;
}

/**
 * Each client's trust panel, as main last answered it. After every write the store reloads the
 * client's panel (the renderer's one recipe, see docs/renderer-conventions.md); the components
 * that call it keep `loading` and `error` (useKeyedLoader, useAction).
 */
export const useTrustStore = defineStore('trust', () => {
  const api = useApi();
  const { byClient, load, saved } = recordsByClient(async (clientId: string): Promise<ClientTrustView> => {
    const [panel, questions] = await Promise.all([api.trust.forClient(clientId), api.questions.forClient(clientId)]);
    return { panel, questions };
  });

  return {
    byClient,
    load,
    trustOf: (clientId: string): ClientTrustView | null => byClient.value[clientId] ?? null,
    rate: (clientId: string, input: AssessmentInput) => saved(clientId, api.assessments.create(clientId, input)),
    removeAssessment: (clientId: string, assessmentId: string) => saved(clientId, api.assessments.remove(clientId, assessmentId)),
    markAsked: (clientId: string, questionId: string, note = '') =>
      saved(clientId, api.questions.markAsked(clientId, questionId, note ? { note } : {})),
    unmarkAsked: (clientId: string, askedId: string) => saved(clientId, api.questions.unmarkAsked(clientId, askedId)),
  };
});

/** The practice-wide views: the trust overview and the question bank; a write reloads the bank. */
export const usePracticeTrustStore = defineStore('practice-trust', () => {
  const api = useApi();
  const overview = ref<TrustOverviewRow[]>([]);
  const bank = ref<Question[]>([]);

  async function loadOverview(): Promise<void> {
    overview.value = await api.trust.overview();
  }

  async function loadBank(): Promise<void> {
    bank.value = await api.questions.list();
  }

  /** Writes, then reloads the bank through the same load that first filled it. */
  async function savedToBank<T>(write: Promise<T>): Promise<T> {
    const answer = await write;
    await loadBank();
    return answer;
  }

  return {
    overview,
    bank,
    loadOverview,
    loadBank,
    addQuestion: (input: QuestionInput) => savedToBank(api.questions.create(input)),
    rewordQuestion: (questionId: string, text: string) => savedToBank(api.questions.update(questionId, { text })),
    setHidden: (questionId: string, hidden: boolean) => savedToBank(api.questions.setHidden(questionId, hidden)),
  };
});
