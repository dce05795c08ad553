import { z } from 'zod';
import { Id, LongText, ShortText } from '../model/primitives';
import { MAX_PHRASINGS, MAX_PLANNED_QUESTIONS, QuestionRef } from '../model/intimacy';
import type { EvidenceIndicator } from '../trust/evidence';

/** A question as the coach prepares it for one client: their phrasings and the way-out line to offer. */
export interface PreparedQuestion {
  questionId: string;
  /** The question's own wording (the bank's, with the coach's edits, or the one written for this client). */
  text: string;
  origin: 'bank' | 'client';
  personal: boolean;
  versions: string[];
  chosen: number | null;
  /** The line to offer with it: the coach's own for this client, else the usual one when personal, else empty. */
  wayOut: string;
  /** The coach adapted the way-out line for this client. */
  wayOutAdapted: boolean;
}

export interface PlannedQuestionView extends PreparedQuestion {
  asked: boolean;
  wayOutGiven: boolean;
}

/** A question the coach can add to a session's plan. */
export interface QuestionChoice {
  questionId: string;
  text: string;
  origin: 'bank' | 'client';
  personal: boolean;
  /** Already marked asked of this client. */
  askedBefore: boolean;
}

export interface SessionIntimacyView {
  sessionId: string;
  startsAt: string;
  planned: PlannedQuestionView[];
  firstMove: string;
  firstMoveMade: boolean;
  clientResponse: string;
  heldBack: boolean;
  heldBackWhy: string;
  reflectedAt: string | null;
  /** Visible bank questions and this client's own, not yet planned for this session: the client's own first, then those never asked. */
  choices: QuestionChoice[];
}

export interface FirstMoveRecord {
  sessionId: string;
  startsAt: string;
  offered: string;
  made: boolean;
  response: string;
}

export interface ClientBroughtRecord {
  sessionId: string;
  startsAt: string;
  title: string;
}

/** What the records say about intimacy, for the trust tab, beside (never instead of) the ratings. */
export interface IntimacyEvidence {
  /** The latest intimacy ratings, as given. */
  ratings: { coach: number | null; client: number | null };
  /** The intimacy indicators of the last 90 days (the same as on the trust panel). */
  indicators: EvidenceIndicator[];
  /** Sessions looked back on, newest first (at most 5). */
  firstMoves: FirstMoveRecord[];
  /** Agenda items the client proposed for sessions from 90 days ago on (coming ones too), newest first (at most 8). */
  clientBrought: ClientBroughtRecord[];
}

const Phrasing = z
  .string()
  .trim()
  .min(1, { error: 'Please write the phrasing or remove it.' })
  .max(200, { error: 'Please keep a phrasing under 200 characters.' });

export const PhrasingsInput = z
  .strictObject({
    versions: z.array(Phrasing).max(MAX_PHRASINGS, { error: `Keep at most ${MAX_PHRASINGS} phrasings.` }),
    chosen: z.number().int().min(0).nullable(),
    /** Null: the usual line. */
    wayOut: ShortText.nullable(),
  })
  .refine((input) => input.chosen === null || input.chosen < input.versions.length, {
    error: 'Please choose one of the phrasings you wrote.',
    path: ['chosen'],
  });
export type PhrasingsInput = z.infer<typeof PhrasingsInput>;

export const ClientQuestionInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: 'Please write the question.' })
    .max(200, { error: 'Please keep the question under 200 characters.' }),
  personal: z.boolean(),
});
export type ClientQuestionInput = z.infer<typeof ClientQuestionInput>;

export const FirstMoveInput = z.strictObject({ firstMove: LongText });
export type FirstMoveInput = z.infer<typeof FirstMoveInput>;

export const IntimacyReflectionInput = z.strictObject({
  questions: z.array(z.strictObject({ questionId: QuestionRef, asked: z.boolean(), wayOutGiven: z.boolean() })).max(MAX_PLANNED_QUESTIONS),
  firstMoveMade: z.boolean(),
  clientResponse: LongText,
  heldBack: z.boolean(),
  heldBackWhy: LongText,
});
export type IntimacyReflectionInput = z.infer<typeof IntimacyReflectionInput>;

export interface IntimacyApi {
  /** The session's intimacy preparation and look back, with the questions the coach can still add. */
  forSession(clientId: string, sessionId: string): Promise<SessionIntimacyView>;
  planQuestion(clientId: string, sessionId: string, questionId: string): Promise<SessionIntimacyView>;
  unplanQuestion(clientId: string, sessionId: string, questionId: string): Promise<SessionIntimacyView>;
  /** Writes a question for this client only and plans it for the session. */
  createClientQuestion(clientId: string, sessionId: string, input: ClientQuestionInput): Promise<SessionIntimacyView>;
  /** Replaces the coach's phrasings of one question for this client (kept across sessions). */
  savePhrasings(clientId: string, questionId: string, input: PhrasingsInput): Promise<PreparedQuestion>;
  saveFirstMove(clientId: string, sessionId: string, input: FirstMoveInput): Promise<SessionIntimacyView>;
  /** After the session: which planned questions were asked and how, the first move, what was held back. */
  saveReflection(clientId: string, sessionId: string, input: IntimacyReflectionInput): Promise<SessionIntimacyView>;
  evidence(clientId: string): Promise<IntimacyEvidence>;
}

export const intimacyContract = {
  forSession: z.tuple([Id, Id]),
  planQuestion: z.tuple([Id, Id, QuestionRef]),
  unplanQuestion: z.tuple([Id, Id, QuestionRef]),
  createClientQuestion: z.tuple([Id, Id, ClientQuestionInput]),
  savePhrasings: z.tuple([Id, QuestionRef, PhrasingsInput]),
  saveFirstMove: z.tuple([Id, Id, FirstMoveInput]),
  saveReflection: z.tuple([Id, Id, IntimacyReflectionInput]),
  evidence: z.tuple([Id]),
};
