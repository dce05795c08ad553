import type { QuestionsApi } from '../../../shared/api/questions';
import type { QuestionAsked } from '../../../shared/model/assessment';
import type { PracticeDocument } from '../../../shared/model/documents';
import { questionBank, suggestQuestions, type Question } from '../../../shared/questions/bank';
import { STARTER_QUESTIONS } from '../../../shared/questions/starter';
import type { ServiceContext } from './context';
import { findRecord, newRecord, removeRecord } from './records';

const QUESTION_NOT_FOUND = 'That question is not in the question bank any more.';

function findQuestion(practice: PracticeDocument, questionId: string): Question {
  return findRecord(questionBank(practice), questionId, 'question', QUESTION_NOT_FOUND);
}

export function createQuestionsService(context: ServiceContext): QuestionsApi {
  const { store } = context;

  async function changePractice(questionId: string, change: (practice: PracticeDocument, question: Question) => void): Promise<Question> {
    const { document } = await store.updatePractice((practice) => change(practice, findQuestion(practice, questionId)));
    return findQuestion(document, questionId);
  }

  return {
    async list() {
      return questionBank(store.practice());
    },

    async create({ text, group }) {
      const record = newRecord(context);
      const { document } = await store.updatePractice((practice) => {
        practice.customQuestions.push({ ...record, text, group });
      });
      return findQuestion(document, record.id);
    },

    update(questionId, { text }) {
      return changePractice(questionId, (practice, question) => {
        if (question.origin === 'custom') {
          const custom = practice.customQuestions.find((entry) => entry.id === questionId);
          if (custom) Object.assign(custom, { text, updatedAt: context.timestamp() });
          return;
        }
        practice.questionEdits = practice.questionEdits.filter((edit) => edit.questionId !== questionId);
        const original = STARTER_QUESTIONS.find((entry) => entry.id === questionId)?.text;
        // Rewording a starter question back to our text simply removes the edit.
        if (text !== original) practice.questionEdits.push({ questionId, text });
      });
    },

    setHidden(questionId, hidden) {
      return changePractice(questionId, (practice) => {
        const others = practice.hiddenQuestionIds.filter((id) => id !== questionId);
        practice.hiddenQuestionIds = hidden ? [...others, questionId] : others;
      });
    },

    setPersonal(questionId, personal) {
      return changePractice(questionId, (practice) => {
        const others = practice.questionMarks.filter((mark) => mark.questionId !== questionId);
        const starterMark = STARTER_QUESTIONS.find((entry) => entry.id === questionId)?.personal ?? false;
        // A mark equal to the question's own default is no mark at all.
        practice.questionMarks = personal === starterMark ? others : [...others, { questionId, personal }];
      });
    },

    async markAsked(clientId, questionId, { note }) {
      findQuestion(store.practice(), questionId);
      const asked: QuestionAsked = { id: context.newId(), questionId, askedAt: context.timestamp(), note: note ?? '' };
      await store.updateClient(clientId, (document) => {
        document.questionsAsked.push(asked);
      });
      return asked;
    },

    async unmarkAsked(clientId, askedId) {
      await store.updateClient(clientId, (document) => {
        removeRecord(document.questionsAsked, askedId, 'question', 'That question is no longer marked as asked.');
      });
    },

    async forClient(clientId) {
      const { questionsAsked } = store.client(clientId);
      const bank = questionBank(store.practice());
      const byId = new Map(bank.map((question) => [question.id, question]));
      const asked = [...questionsAsked]
        .sort((a, b) => b.askedAt.localeCompare(a.askedAt))
        .flatMap((entry) => {
          const question = byId.get(entry.questionId);
          return question ? [{ ...entry, text: question.text, group: question.group }] : [];
        });
      return { asked, suggestions: suggestQuestions(bank, questionsAsked) };
    },
  };
}
