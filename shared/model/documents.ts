import { z } from 'zod';
import { Agenda, AgendaTemplate } from './agenda';
import { QuestionAsked, TrustAssessment } from './assessment';
import { Client } from './client';
import { Commitment } from './commitment';
import { AttachedDocument, MAX_DOCUMENTS } from './document-file';
import { Goal } from './goal';
import { ClientIntimacy, QuestionMark } from './intimacy';
import { JobSearch } from './job-search';
import { CustomQuestion, Settings } from './practice';
import { ShortText } from './primitives';
import { Session } from './session';

export const CLIENT_DOCUMENT_VERSION = 4;
export const PRACTICE_DOCUMENT_VERSION = 3;

/** Everything about one client lives in one file: `clients/<id>.json`. */
export const ClientDocument = z.strictObject({
  schemaVersion: z.literal(CLIENT_DOCUMENT_VERSION),
  client: Client,
  sessions: z.array(Session),
  agendas: z.array(Agenda),
  goals: z.array(Goal),
  commitments: z.array(Commitment),
  assessments: z.array(TrustAssessment),
  questionsAsked: z.array(QuestionAsked),
  /** Phrasings, way-out lines, first moves and the look back on them (version 2). */
  intimacy: ClientIntimacy,
  /** Applications, offers and the client's criteria for them (version 3). */
  jobSearch: JobSearch,
  /** Files attached to the client: CVs, cover letters, offers (version 4). */
  documents: z.array(AttachedDocument).max(MAX_DOCUMENTS),
});
export type ClientDocument = z.infer<typeof ClientDocument>;

/** Practice-wide data: `practice.json`. */
export const PracticeDocument = z.strictObject({
  schemaVersion: z.literal(PRACTICE_DOCUMENT_VERSION),
  settings: Settings,
  customQuestions: z.array(CustomQuestion),
  /** Ids of starter or custom questions the coach chose to hide. */
  hiddenQuestionIds: z.array(ShortText),
  /** Starter questions reworded by the coach: their wording replaces ours. */
  questionEdits: z.array(z.strictObject({ questionId: ShortText, text: ShortText.min(1) })),
  templates: z.array(AgendaTemplate),
  /** The coach's marks of bank questions as personal or difficult, over the starter set's own (version 2). */
  questionMarks: z.array(QuestionMark),
});
export type PracticeDocument = z.infer<typeof PracticeDocument>;
