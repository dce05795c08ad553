import type { PracticeDocument } from '../model/documents';
import { QUESTION_GROUPS, type QuestionGroup } from '../model/practice';
import type { QuestionAsked } from '../model/assessment';
import { STARTER_QUESTIONS } from './starter';

export interface Question {
  id: string;
  text: string;
  group: QuestionGroup;
  origin: 'starter' | 'custom';
  /** A starter question the coach reworded. */
  edited: boolean;
  hidden: boolean;
  /** Personal or difficult: offered with a way out (the starter set's mark unless the coach changed it). */
  personal: boolean;
}

/** The whole bank as the coach sees it: starter questions first, then their own, in order. */
export function questionBank(practice: PracticeDocument): Question[] {
  const hidden = new Set(practice.hiddenQuestionIds);
  const edits = new Map(practice.questionEdits.map((edit) => [edit.questionId, edit.text]));
  const marks = new Map(practice.questionMarks.map((mark) => [mark.questionId, mark.personal]));
  const starter = STARTER_QUESTIONS.map<Question>((question) => ({
    id: question.id,
    text: edits.get(question.id) ?? question.text,
    group: question.group,
    origin: 'starter',
    edited: edits.has(question.id),
    hidden: hidden.has(question.id),
    personal: marks.get(question.id) ?? question.personal,
  }));
  const custom = practice.customQuestions.map<Question>((question) => ({
    id: question.id,
    text: question.text,
    group: question.group,
    origin: 'custom',
    edited: false,
    hidden: hidden.has(question.id),
    personal: marks.get(question.id) ?? false,
  }));
  return [...starter, ...custom];
}

export const SUGGESTION_COUNT = 5;

/**
 * Up to `count` visible questions not yet asked of this client, taking one group at a time:
 * the groups asked least come first (ties in the bank's order), so suggestions spread out.
 */
export function suggestQuestions(bank: readonly Question[], asked: readonly QuestionAsked[], count = SUGGESTION_COUNT): Question[] {
  const askedIds = new Set(asked.map((entry) => entry.questionId));
  const groupOf = new Map(bank.map((question) => [question.id, question.group]));
  const askedPerGroup = new Map<QuestionGroup, number>(QUESTION_GROUPS.map((group) => [group, 0]));
  for (const id of askedIds) {
    const group = groupOf.get(id);
    if (group) askedPerGroup.set(group, (askedPerGroup.get(group) ?? 0) + 1);
  }
  const queues = QUESTION_GROUPS.map((group) => ({
    group,
    asked: askedPerGroup.get(group) ?? 0,
    waiting: bank.filter((question) => question.group === group && !question.hidden && !askedIds.has(question.id)),
  })).sort((a, b) => a.asked - b.asked || QUESTION_GROUPS.indexOf(a.group) - QUESTION_GROUPS.indexOf(b.group));
  const picked: Question[] = [];
  while (picked.length < count && queues.some((queue) => queue.waiting.length > 0)) {
    for (const queue of queues) {
      const next = queue.waiting.shift();
      if (next && picked.length < count) picked.push(next);
    }
  }
  return picked;
}
