import { z } from 'zod';
import { Id, LongText, Owner, ShortText, Timestamp, recordFields } from './primitives';

export const GOAL_MET = ['unset', 'yes', 'partly', 'no'] as const;
export const GoalMet = z.enum(GOAL_MET);
export type GoalMet = z.infer<typeof GoalMet>;

export const Minutes = z
  .number({ error: 'Please enter minutes as a number.' })
  .int({ error: 'Please enter whole minutes.' })
  .min(0, { error: 'Minutes cannot be negative.' })
  .max(600, { error: 'An item lasts at most 600 minutes.' });

export const MeetingGoal = z.strictObject({
  id: Id,
  text: ShortText.min(1, { error: 'A meeting goal cannot be empty.' }),
  met: GoalMet,
});
export type MeetingGoal = z.infer<typeof MeetingGoal>;

export const AgendaItem = z.strictObject({
  id: Id,
  title: ShortText.min(1, { error: 'An agenda item needs a title.' }),
  details: LongText,
  minutes: Minutes,
  proposedBy: Owner,
  /** Optional link to one of the client's goals. */
  goalId: Id.nullable(),
  outcome: LongText,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaHistoryEntry = z.strictObject({
  id: Id,
  at: Timestamp,
  author: Owner,
  summary: ShortText,
});
export type AgendaHistoryEntry = z.infer<typeof AgendaHistoryEntry>;

/** One agenda per session; goals and items are kept in display order. */
export const Agenda = z.strictObject({
  ...recordFields,
  sessionId: Id,
  goals: z.array(MeetingGoal).max(50),
  items: z.array(AgendaItem).max(200),
  sharedAt: Timestamp.nullable(),
  reviewedWithClientAt: Timestamp.nullable(),
  history: z.array(AgendaHistoryEntry),
});
export type Agenda = z.infer<typeof Agenda>;

export const AgendaTemplate = z.strictObject({
  ...recordFields,
  name: ShortText.min(1, { error: 'Please name the template.' }),
  goals: z.array(ShortText).max(50),
  items: z.array(z.strictObject({ title: ShortText.min(1), details: LongText, minutes: Minutes })).max(200),
});
export type AgendaTemplate = z.infer<typeof AgendaTemplate>;
