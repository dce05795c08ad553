import { z } from 'zod';
import { Id, LongText, ShortText, Timestamp, recordFields } from './primitives';

/** A bank question's id (`starter-…` or a UUID) or the id of a question written for one client. */
export const QuestionRef = z.string().min(1, { error: 'Please choose a question.' }).max(100);

export const MAX_PHRASINGS = 5;
export const MAX_PLANNED_QUESTIONS = 10;

/** A question the coach wrote for one client only; it never enters the practice's bank. */
export const ClientQuestion = z.strictObject({
  ...recordFields,
  text: ShortText.min(1, { error: 'Please write the question.' }),
  /** Personal or difficult: it carries a way out. */
  personal: z.boolean(),
});
export type ClientQuestion = z.infer<typeof ClientQuestion>;

/**
 * The coach's own ways of asking one question of this client, kept across sessions: the
 * versions they tried out, the one they mean to use, and their way-out line for this client
 * (null: the usual line, when the question is personal).
 */
export const QuestionPhrasings = z.strictObject({
  ...recordFields,
  questionId: QuestionRef,
  versions: z.array(ShortText.min(1, { error: 'Please write the phrasing or remove it.' })).max(MAX_PHRASINGS, {
    error: `Keep at most ${MAX_PHRASINGS} phrasings.`,
  }),
  /** Index into `versions`; the service keeps it in range. */
  chosen: z
    .number()
    .int()
    .min(0)
    .max(MAX_PHRASINGS - 1)
    .nullable(),
  wayOut: ShortText.nullable(),
});
export type QuestionPhrasings = z.infer<typeof QuestionPhrasings>;

/** A question the coach means to ask in a session, and afterwards whether they did. */
export const PlannedQuestion = z.strictObject({
  questionId: QuestionRef,
  asked: z.boolean(),
  /** The coach offered the client a way not to answer. */
  wayOutGiven: z.boolean(),
});
export type PlannedQuestion = z.infer<typeof PlannedQuestion>;

/** The intimacy side of one session: what the coach prepared, and their look back. */
export const SessionIntimacy = z.strictObject({
  ...recordFields,
  sessionId: Id,
  questions: z
    .array(PlannedQuestion)
    .max(MAX_PLANNED_QUESTIONS, { error: `Plan at most ${MAX_PLANNED_QUESTIONS} questions for one session.` }),
  /** What the coach will offer of themself first. */
  firstMove: LongText,
  firstMoveMade: z.boolean(),
  clientResponse: LongText,
  heldBack: z.boolean(),
  heldBackWhy: LongText,
  /** When the coach last saved their look back; null until then, so unanswered questions count for nothing. */
  reflectedAt: Timestamp.nullable(),
});
export type SessionIntimacy = z.infer<typeof SessionIntimacy>;

export const ClientIntimacy = z.strictObject({
  clientQuestions: z.array(ClientQuestion),
  phrasings: z.array(QuestionPhrasings),
  sessions: z.array(SessionIntimacy),
});
export type ClientIntimacy = z.infer<typeof ClientIntimacy>;

export function emptyIntimacy(): ClientIntimacy {
  return { clientQuestions: [], phrasings: [], sessions: [] };
}

/** The usual way-out line, offered with every personal or difficult question until the coach adapts it. */
export const DEFAULT_WAY_OUT = 'You don’t have to answer this one — just say “pass” and we’ll move on.';

/** The coach's mark on a bank question: personal or difficult, or not. */
export const QuestionMark = z.strictObject({ questionId: QuestionRef, personal: z.boolean() });
export type QuestionMark = z.infer<typeof QuestionMark>;
