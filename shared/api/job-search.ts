import { z } from 'zod';
import {
  type Application,
  ApplicationContact,
  ApplicationStage,
  NextAction,
  MAX_CRITERIA,
  Offer,
  OfferCriterion,
  OfferRating,
  applicationFields,
  type JobSearch,
} from '../model/job-search';
import { Id } from '../model/primitives';
import type { PracticeJobSearch } from '../job-search/practice';
import type { NextActionDue } from '../today/next-actions';

export const ApplicationCreateInput = z
  .strictObject({ ...applicationFields, stage: ApplicationStage })
  .partial({ role: true, link: true, source: true, notes: true, stage: true });
export type ApplicationCreateInput = z.infer<typeof ApplicationCreateInput>;

/** What an edit may change; the stage moves only through `moveApplication`, so every move is recorded. */
export const ApplicationPatch = z.strictObject(applicationFields).partial();
export type ApplicationPatch = z.infer<typeof ApplicationPatch>;

const contactFields = {
  name: ApplicationContact.shape.name,
  role: ApplicationContact.shape.role,
  email: ApplicationContact.shape.email,
  phone: ApplicationContact.shape.phone,
};
export const ContactInput = z.strictObject(contactFields).partial({ role: true, email: true, phone: true });
export type ContactInput = z.infer<typeof ContactInput>;
export const ContactPatch = z.strictObject(contactFields).partial();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const NextActionInput = z.strictObject({ text: NextAction.shape.text, dueDate: NextAction.shape.dueDate });
export type NextActionInput = z.infer<typeof NextActionInput>;

/** The terms of an offer; the client's ratings are set one criterion at a time with `rateOffer`. */
export const OfferTerms = z.strictObject({
  salary: Offer.shape.salary,
  bonus: Offer.shape.bonus,
  benefits: Offer.shape.benefits,
  startDate: Offer.shape.startDate,
  notes: Offer.shape.notes,
});
export type OfferTerms = z.infer<typeof OfferTerms>;

export const CriterionInput = z.strictObject({ label: OfferCriterion.shape.label, weight: OfferCriterion.shape.weight });
export type CriterionInput = z.infer<typeof CriterionInput>;
export const CriterionPatch = CriterionInput.partial();
export type CriterionPatch = z.infer<typeof CriterionPatch>;

export interface JobSearchApi {
  /** The client's applications (most recently moved first) and offer criteria (in the client's order). */
  get(clientId: string): Promise<JobSearch>;
  createApplication(clientId: string, input: ApplicationCreateInput): Promise<Application>;
  updateApplication(clientId: string, applicationId: string, patch: ApplicationPatch): Promise<Application>;
  removeApplication(clientId: string, applicationId: string): Promise<void>;
  /** Moves to `stage` and records the move with its time; moving to the stage it is in changes nothing. */
  moveApplication(clientId: string, applicationId: string, stage: ApplicationStage): Promise<Application>;
  addContact(clientId: string, applicationId: string, input: ContactInput): Promise<Application>;
  updateContact(clientId: string, applicationId: string, contactId: string, patch: ContactPatch): Promise<Application>;
  removeContact(clientId: string, applicationId: string, contactId: string): Promise<Application>;
  /** Sets the next action; a new text starts it open, an edit of the same text keeps whether it was done. */
  setNextAction(clientId: string, applicationId: string, input: NextActionInput): Promise<Application>;
  clearNextAction(clientId: string, applicationId: string): Promise<Application>;
  /** Marks the next action done (stamping `doneAt`) or not done. */
  completeNextAction(clientId: string, applicationId: string, done: boolean): Promise<Application>;
  /** Records or edits the offer's terms, keeping the client's ratings. */
  setOffer(clientId: string, applicationId: string, terms: OfferTerms): Promise<Application>;
  clearOffer(clientId: string, applicationId: string): Promise<Application>;
  /** The client's rating of the offer on one criterion (0-5), or null to clear it. */
  rateOffer(clientId: string, applicationId: string, criterionId: string, score: number | null): Promise<Application>;
  addCriterion(clientId: string, input: CriterionInput): Promise<OfferCriterion>;
  updateCriterion(clientId: string, criterionId: string, patch: CriterionPatch): Promise<OfferCriterion>;
  /** Removes the criterion and every offer's rating on it. */
  removeCriterion(clientId: string, criterionId: string): Promise<void>;
  /** Puts the criteria in this order; `criterionIds` must name each of them once. */
  reorderCriteria(clientId: string, criterionIds: string[]): Promise<OfferCriterion[]>;
  /** The practice's job search at a glance: stages, stalled applications, interviews this week, offers. */
  practice(): Promise<PracticeJobSearch>;
  /** Next actions due today or overdue across the practice, for Today. */
  nextActionsDue(): Promise<NextActionDue[]>;
}

export const jobSearchContract = {
  get: z.tuple([Id]),
  createApplication: z.tuple([Id, ApplicationCreateInput]),
  updateApplication: z.tuple([Id, Id, ApplicationPatch]),
  removeApplication: z.tuple([Id, Id]),
  moveApplication: z.tuple([Id, Id, ApplicationStage]),
  addContact: z.tuple([Id, Id, ContactInput]),
  updateContact: z.tuple([Id, Id, Id, ContactPatch]),
  removeContact: z.tuple([Id, Id, Id]),
  setNextAction: z.tuple([Id, Id, NextActionInput]),
  clearNextAction: z.tuple([Id, Id]),
  completeNextAction: z.tuple([Id, Id, z.boolean()]),
  setOffer: z.tuple([Id, Id, OfferTerms]),
  clearOffer: z.tuple([Id, Id]),
  rateOffer: z.tuple([Id, Id, Id, OfferRating.shape.score.nullable()]),
  addCriterion: z.tuple([Id, CriterionInput]),
  updateCriterion: z.tuple([Id, Id, CriterionPatch]),
  removeCriterion: z.tuple([Id, Id]),
  reorderCriteria: z.tuple([Id, z.array(Id).max(MAX_CRITERIA)]),
  practice: z.tuple([]),
  nextActionsDue: z.tuple([]),
};

export type { Application, JobSearch, NextActionDue, OfferCriterion, PracticeJobSearch };
