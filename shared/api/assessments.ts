import { z } from 'zod';
import { AssessmentSource, Rating, type TrustAssessment } from '../model/assessment';
import { Id, IsoDate, LongText } from '../model/primitives';

export const AssessmentInput = z.strictObject({
  date: IsoDate,
  source: AssessmentSource,
  credibility: Rating,
  reliability: Rating,
  intimacy: Rating,
  selfOrientation: Rating,
  note: LongText.optional(),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export interface AssessmentsApi {
  /** The client's assessments, oldest first (by date, then by when they were entered). */
  list(clientId: string): Promise<TrustAssessment[]>;
  /** Records a coach self-rating or the client's feedback; the date cannot be in the future. */
  create(clientId: string, input: AssessmentInput): Promise<TrustAssessment>;
  remove(clientId: string, assessmentId: string): Promise<void>;
}

export const assessmentsContract = {
  list: z.tuple([Id]),
  create: z.tuple([Id, AssessmentInput]),
  remove: z.tuple([Id, Id]),
};

export type { TrustAssessment };
