import { z } from 'zod';
import { Email, Phone } from './client';
import { Id, IsoDate, LongText, ShortText, Timestamp, recordFields } from './primitives';

/** Where an application stands, in the order a job search moves through. */
export const APPLICATION_STAGES = [
  'interested',
  'applied',
  'screening',
  'interviews',
  'offer',
  'accepted',
  'declined',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStage = z.enum(APPLICATION_STAGES, { error: 'Please choose a stage.' });
export type ApplicationStage = z.infer<typeof ApplicationStage>;

/** Stages after which an application no longer moves: it is not part of the active search. */
export const CLOSED_STAGES: readonly ApplicationStage[] = ['accepted', 'declined', 'rejected', 'withdrawn'];

export const APPLICATION_SOURCES = ['network', 'posting', 'recruiter', 'other'] as const;
export const ApplicationSource = z.enum(APPLICATION_SOURCES, { error: 'Please choose where the opening came from.' });
export type ApplicationSource = z.infer<typeof ApplicationSource>;

export const MAX_LINK = 2000;
/** A web address the coach can open (http or https), or nothing. */
export const WebLink = z
  .string()
  .max(MAX_LINK, { error: `Please keep the link under ${MAX_LINK} characters.` })
  .regex(/^(?:https?:\/\/[^\s]+)?$/i, { error: 'Please enter a web address that starts with http:// or https://.' });

/** One move of an application, kept so the practice view can see when it last moved. */
export const StageChange = z.strictObject({ stage: ApplicationStage, at: Timestamp });
export type StageChange = z.infer<typeof StageChange>;

export const ApplicationContact = z.strictObject({
  id: Id,
  name: ShortText.trim().min(1, { error: 'Please enter the contact’s name.' }),
  role: ShortText,
  email: Email,
  phone: Phone,
});
export type ApplicationContact = z.infer<typeof ApplicationContact>;

/** The one next thing to do on an application; it counts as the client's commitment. */
export const NextAction = z.strictObject({
  text: ShortText.trim().min(1, { error: 'Please describe the next action.' }),
  dueDate: IsoDate.nullable(),
  doneAt: Timestamp.nullable(),
});
export type NextAction = z.infer<typeof NextAction>;

export const MAX_CRITERIA = 20;
export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 5;
export const MAX_SCORE = 5;

/** A criterion the client judges offers by, with how much it matters to them. */
export const OfferCriterion = z.strictObject({
  id: Id,
  label: ShortText.trim().min(1, { error: 'Please name the criterion.' }),
  weight: z
    .number({ error: 'Please rate how much this matters.' })
    .int()
    .min(MIN_WEIGHT, { error: `Use a weight from ${MIN_WEIGHT} to ${MAX_WEIGHT}.` })
    .max(MAX_WEIGHT, { error: `Use a weight from ${MIN_WEIGHT} to ${MAX_WEIGHT}.` }),
});
export type OfferCriterion = z.infer<typeof OfferCriterion>;

export const OfferRating = z.strictObject({
  criterionId: Id,
  score: z
    .number({ error: 'Please rate the offer.' })
    .int()
    .min(0, { error: `Use a rating from 0 to ${MAX_SCORE}.` })
    .max(MAX_SCORE, { error: `Use a rating from 0 to ${MAX_SCORE}.` }),
});
export type OfferRating = z.infer<typeof OfferRating>;

/** An offer as the client reports it: the terms in their own words, and their ratings. */
export const Offer = z.strictObject({
  salary: ShortText,
  bonus: ShortText,
  benefits: ShortText,
  startDate: IsoDate.nullable(),
  ratings: z.array(OfferRating).max(MAX_CRITERIA),
  notes: LongText,
});
export type Offer = z.infer<typeof Offer>;

export const applicationFields = {
  organisation: ShortText.trim().min(1, { error: 'Please enter the organisation.' }),
  role: ShortText,
  link: WebLink,
  source: ApplicationSource,
  notes: LongText,
};

export const Application = z.strictObject({
  ...recordFields,
  ...applicationFields,
  stage: ApplicationStage,
  /** Every stage the application has been in, oldest first; the last one is `stage`. */
  stageHistory: z.array(StageChange).min(1).max(500),
  contacts: z.array(ApplicationContact).max(50),
  nextAction: NextAction.nullable(),
  /** The CV and cover letter versions sent, once the client file holds documents. */
  cvDocumentId: Id.nullable(),
  coverLetterDocumentId: Id.nullable(),
  offer: Offer.nullable(),
});
export type Application = z.infer<typeof Application>;

/** A client's job search: their applications and the criteria they weigh offers by. */
export const JobSearch = z.strictObject({
  applications: z.array(Application),
  criteria: z.array(OfferCriterion).max(MAX_CRITERIA),
});
export type JobSearch = z.infer<typeof JobSearch>;

export function emptyJobSearch(): JobSearch {
  return { applications: [], criteria: [] };
}
