import { z } from 'zod';
import type { QuestionAsked } from '../model/assessment';
import { LongText, Id } from '../model/primitives';
import { QuestionGroup } from '../model/practice';
import type { Question } from '../questions/bank';

const QuestionId = z.string().min(1, { error: 'Please choose a question.' }).max(100);
const QuestionText = z
  .string()
  .trim()
  .min(1, { error: 'Please write the question.' })
  .max(200, { error: 'Please keep the question under 200 characters.' });

export const QuestionInput = z.strictObject({ text: QuestionText, group: QuestionGroup });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const QuestionEdit = z.strictObject({ text: QuestionText });
export type QuestionEdit = z.infer<typeof QuestionEdit>;

export const MarkAskedInput = z.strictObject({ note: LongText.optional() });
export type MarkAskedInput = z.infer<typeof MarkAskedInput>;

export interface AskedQuestion extends QuestionAsked {
  text: string;
  group: Question['group'];
}

export interface ClientQuestions {
  /** Most recent first. */
  asked: AskedQuestion[];
  /** Visible questions not yet asked of this client, spread across groups. */
  suggestions: Question[];
}

export interface QuestionsApi {
  /** Starter and custom questions with the coach's edits and hidden flags applied. */
  list(): Promise<Question[]>;
  create(input: QuestionInput): Promise<Question>;
  /** Rewords a question; starter questions keep their id and can be reworded back. */
  update(questionId: string, edit: QuestionEdit): Promise<Question>;
  setHidden(questionId: string, hidden: boolean): Promise<Question>;
  /** Marks a question as personal or difficult (offered with a way out), or not. */
  setPersonal(questionId: string, personal: boolean): Promise<Question>;
  markAsked(clientId: string, questionId: string, input: MarkAskedInput): Promise<QuestionAsked>;
  unmarkAsked(clientId: string, askedId: string): Promise<void>;
  forClient(clientId: string): Promise<ClientQuestions>;
}

export const questionsContract = {
  list: z.tuple([]),
  create: z.tuple([QuestionInput]),
  update: z.tuple([QuestionId, QuestionEdit]),
  setHidden: z.tuple([QuestionId, z.boolean()]),
  setPersonal: z.tuple([QuestionId, z.boolean()]),
  markAsked: z.tuple([Id, QuestionId, MarkAskedInput]),
  unmarkAsked: z.tuple([Id, Id]),
  forClient: z.tuple([Id]),
};

export type { Question };
