import { z } from 'zod';
import { IsoDate, LongText, Owner, ShortText, Timestamp, recordFields } from './primitives';

export const GOAL_STATUSES = ['active', 'achieved', 'dropped', 'on-hold'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES, { error: 'Please choose a goal status.' });
export type GoalStatus = z.infer<typeof GoalStatus>;

export const GoalStep = z.strictObject({
  ...recordFields,
  text: ShortText.min(1, { error: 'A step cannot be empty.' }),
  owner: Owner,
  dueDate: IsoDate.nullable(),
  done: z.boolean(),
  doneAt: Timestamp.nullable(),
});
export type GoalStep = z.infer<typeof GoalStep>;

/** A client's goal; its progress is derived from the checklist, never stored. Kept in display order. */
export const Goal = z.strictObject({
  ...recordFields,
  title: ShortText.min(1, { error: 'Please give the goal a title.' }),
  why: LongText,
  targetDate: IsoDate.nullable(),
  status: GoalStatus,
  steps: z.array(GoalStep).max(500),
});
export type Goal = z.infer<typeof Goal>;
