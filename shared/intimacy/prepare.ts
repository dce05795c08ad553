import type { PlannedQuestionView, PreparedQuestion, QuestionChoice, SessionIntimacyView } from '../api/intimacy';
import type { ClientDocument } from '../model/documents';
import { DEFAULT_WAY_OUT, type SessionIntimacy } from '../model/intimacy';
import type { Session } from '../model/session';
import type { Question } from '../questions/bank';

interface Known {
  text: string;
  origin: 'bank' | 'client';
  personal: boolean;
  hidden: boolean;
}

/** Every question the coach can prepare for this client: the practice's bank and the client's own. */
export function knownQuestions(bank: readonly Question[], document: ClientDocument): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const question of bank)
    known.set(question.id, { text: question.text, origin: 'bank', personal: question.personal, hidden: question.hidden });
  for (const question of document.intimacy.clientQuestions) {
    known.set(question.id, { text: question.text, origin: 'client', personal: question.personal, hidden: false });
  }
  return known;
}

/** Whether a question is personal or difficult, for the trust evidence. */
export function personalCheck(bank: readonly Question[], document: ClientDocument): (questionId: string) => boolean {
  const known = knownQuestions(bank, document);
  return (questionId) => known.get(questionId)?.personal ?? false;
}

/** A question with the coach's phrasings and way-out line for this client; a removed question keeps a plain placeholder. */
export function preparedQuestion(questionId: string, known: Map<string, Known>, document: ClientDocument): PreparedQuestion {
  const question = known.get(questionId);
  const phrasings = document.intimacy.phrasings.find((entry) => entry.questionId === questionId);
  const personal = question?.personal ?? false;
  const adapted = phrasings?.wayOut ?? null;
  return {
    questionId,
    text: question?.text ?? 'A question that is no longer in the question bank',
    origin: question?.origin ?? 'bank',
    personal,
    versions: [...(phrasings?.versions ?? [])],
    chosen: phrasings?.chosen ?? null,
    wayOut: adapted ?? (personal ? DEFAULT_WAY_OUT : ''),
    wayOutAdapted: adapted !== null,
  };
}

export function sessionIntimacyView(
  session: Session,
  entry: SessionIntimacy | undefined,
  bank: readonly Question[],
  document: ClientDocument,
): SessionIntimacyView {
  const known = knownQuestions(bank, document);
  const planned: PlannedQuestionView[] = (entry?.questions ?? []).map((question) => ({
    ...preparedQuestion(question.questionId, known, document),
    asked: question.asked,
    wayOutGiven: question.wayOutGiven,
  }));
  const plannedIds = new Set(planned.map((question) => question.questionId));
  const askedIds = new Set(document.questionsAsked.map((asked) => asked.questionId));
  const choices: QuestionChoice[] = [...known.entries()]
    .filter(([id, question]) => !question.hidden && !plannedIds.has(id))
    .map(([questionId, question]) => ({
      questionId,
      text: question.text,
      origin: question.origin,
      personal: question.personal,
      askedBefore: askedIds.has(questionId),
    }))
    // The client's own questions first, then questions not yet asked; the bank's order otherwise.
    .sort((a, b) => Number(b.origin === 'client') - Number(a.origin === 'client') || Number(a.askedBefore) - Number(b.askedBefore));
  return {
    sessionId: session.id,
    startsAt: session.startsAt,
    planned,
    firstMove: entry?.firstMove ?? '',
    firstMoveMade: entry?.firstMoveMade ?? false,
    clientResponse: entry?.clientResponse ?? '',
    heldBack: entry?.heldBack ?? false,
    heldBackWhy: entry?.heldBackWhy ?? '',
    reflectedAt: entry?.reflectedAt ?? null,
    choices,
  };
}
