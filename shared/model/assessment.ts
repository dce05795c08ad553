import { z } from 'zod';
import { Id, IsoDate, LongText, Timestamp, recordFields } from './primitives';

export const Rating = z
  .number({ error: 'Please rate from 1 to 10.' })
  .int({ error: 'Please rate with a whole number from 1 to 10.' })
  .min(1, { error: 'Ratings go from 1 to 10.' })
  .max(10, { error: 'Ratings go from 1 to 10.' });

export const AssessmentSource = z.enum(['coach', 'client']);
export type AssessmentSource = z.infer<typeof AssessmentSource>;

export const TrustAssessment = z.strictObject({
  ...recordFields,
  date: IsoDate,
  source: AssessmentSource,
  credibility: Rating,
  reliability: Rating,
  intimacy: Rating,
  selfOrientation: Rating,
  note: LongText,
});
export type TrustAssessment = z.infer<typeof TrustAssessment>;

/** A relationship-building question asked of this client. */
export const QuestionAsked = z.strictObject({
  id: Id,
  questionId: z.string().min(1).max(100),
  askedAt: Timestamp,
  note: LongText,
});
export type QuestionAsked = z.infer<typeof QuestionAsked>;
