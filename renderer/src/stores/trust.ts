import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AssessmentInput } from '../../../shared/api/assessments';
import type { ClientQuestions, Question, QuestionInput } from '../../../shared/api/questions';
import type { TrustOverviewRow, ClientTrust } from '../../../shared/api/trust';
import { useApi } from '../api/client';
import { useFailureState } from './failure-state';

/** The trust panel of one client at a time: ratings, evidence, focus and questions. */
export const useTrustStore = defineStore('trust', () => {
  const api = useApi();
  const clientId = ref<string | null>(null);
  const panel = ref<ClientTrust | null>(null);
  const questions = ref<ClientQuestions | null>(null);
  const loading = ref(false);
  const { error, guarded } = useFailureState();

  async function refresh(id: string): Promise<void> {
    const [nextPanel, nextQuestions] = await Promise.all([api.trust.forClient(id), api.questions.forClient(id)]);
    if (clientId.value !== id) return;
    panel.value = nextPanel;
    questions.value = nextQuestions;
  }

  async function load(id: string): Promise<void> {
    if (clientId.value !== id) {
      panel.value = null;
      questions.value = null;
    }
    clientId.value = id;
    loading.value = true;
    try {
      await guarded(() => refresh(id));
    } finally {
      loading.value = false;
    }
  }

  /** Failures reach the caller (the rating form shows them beside its fields), not `error`. */
  async function rate(id: string, input: AssessmentInput): Promise<void> {
    await api.assessments.create(id, input);
    await guarded(() => refresh(id));
  }

  async function removeAssessment(id: string, assessmentId: string): Promise<void> {
    await guarded(async () => {
      await api.assessments.remove(id, assessmentId);
      await refresh(id);
    });
  }

  async function markAsked(id: string, questionId: string, note = ''): Promise<void> {
    await guarded(async () => {
      await api.questions.markAsked(id, questionId, note ? { note } : {});
      await refresh(id);
    });
  }

  async function unmarkAsked(id: string, askedId: string): Promise<void> {
    await guarded(async () => {
      await api.questions.unmarkAsked(id, askedId);
      await refresh(id);
    });
  }

  return { clientId, panel, questions, loading, error, load, rate, removeAssessment, markAsked, unmarkAsked };
});

/** The practice-wide views: the trust overview and the question bank. */
export const usePracticeTrustStore = defineStore('practice-trust', () => {
  const api = useApi();
  const overview = ref<TrustOverviewRow[]>([]);
  const bank = ref<Question[]>([]);
  const { error, guarded } = useFailureState();

  const loadOverview = () => guarded(async () => void (overview.value = await api.trust.overview()));
  const loadBank = () => guarded(async () => void (bank.value = await api.questions.list()));
  /** Writes, then reloads the bank through the same load that first filled it. */
  async function savedToBank(write: Promise<unknown>): Promise<void> {
    await guarded(() => write);
    await loadBank();
  }
  const addQuestion = (input: QuestionInput) => savedToBank(api.questions.create(input));
  const rewordQuestion = (questionId: string, text: string) => savedToBank(api.questions.update(questionId, { text }));
  const setHidden = (questionId: string, hidden: boolean) => savedToBank(api.questions.setHidden(questionId, hidden));

  return { overview, bank, error, loadOverview, loadBank, addQuestion, rewordQuestion, setHidden };
});
