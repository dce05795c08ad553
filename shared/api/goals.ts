import { z } from 'zod';
import type { GoalDiscussion } from '../goals/discussed';
import { OVERVIEW_FILTERS, type GoalOverviewEntry, type OverdueStepEntry } from '../goals/overview';
import { type Goal, GoalStatus, GoalStep } from '../model/goal';
import { Id, IsoDate, LongText, Owner, ShortText } from '../model/primitives';

const Title = ShortText.trim().min(1, { error: 'Please give the goal a title.' });
const StepText = ShortText.trim().min(1, { error: 'A step cannot be empty.' });
const Position = z
  .number({ error: 'Please give a position as a number.' })
  .int({ error: 'Please give a whole-number position.' })
  .min(0, { error: 'A position cannot be negative.' });

export const GoalCreateInput = z.strictObject({
  title: Title,
  /** Why the goal matters, in the client's own words. */
  why: LongText.optional(),
  targetDate: IsoDate.nullable().optional(),
  status: GoalStatus.optional(),
});
export type GoalCreateInput = z.infer<typeof GoalCreateInput>;

export const GoalPatch = z.strictObject({ title: Title, why: LongText, targetDate: IsoDate.nullable(), status: GoalStatus }).partial();
export type GoalPatch = z.infer<typeof GoalPatch>;

export const StepCreateInput = z.strictObject({
  text: StepText,
  dueDate: IsoDate.nullable().optional(),
  owner: Owner,
});
export type StepCreateInput = z.infer<typeof StepCreateInput>;

export const StepPatch = z.strictObject({ text: StepText, dueDate: IsoDate.nullable(), owner: Owner }).partial();
export type StepPatch = z.infer<typeof StepPatch>;

export const OverviewFilter = z.enum(OVERVIEW_FILTERS, { error: 'Please choose all, due soon, overdue or stalled.' });
export const OverviewQuery = z.strictObject({ filter: OverviewFilter });
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** What removeStep hands back so that the coach can undo with restoreStep. */
export interface RemovedStep {
  goal: Goal;
  step: GoalStep;
  index: number;
}

export interface GoalsApi {
  /** The client's goals in display order. */
  list(clientId: string): Promise<Goal[]>;
  create(clientId: string, input: GoalCreateInput): Promise<Goal>;
  update(clientId: string, goalId: string, patch: GoalPatch): Promise<Goal>;
  setStatus(clientId: string, goalId: string, status: GoalStatus): Promise<Goal>;
  /** Moves a goal to a position in the display order; returns the goals in their new order. */
  move(clientId: string, goalId: string, toIndex: number): Promise<Goal[]>;
  /** Deletes a goal and unlinks agenda items that pointed at it. */
  remove(clientId: string, goalId: string): Promise<void>;
  createStep(clientId: string, goalId: string, input: StepCreateInput): Promise<Goal>;
  updateStep(clientId: string, goalId: string, stepId: string, patch: StepPatch): Promise<Goal>;
  /** Ticks (stamping `doneAt`) or unticks (clearing it) a step. */
  setStepDone(clientId: string, goalId: string, stepId: string, done: boolean): Promise<Goal>;
  moveStep(clientId: string, goalId: string, stepId: string, toIndex: number): Promise<Goal>;
  removeStep(clientId: string, goalId: string, stepId: string): Promise<RemovedStep>;
  /** Puts a removed step back at `index` (or at the end, if the list is now shorter). */
  restoreStep(clientId: string, goalId: string, step: GoalStep, index: number): Promise<Goal>;
  /** Active goals of every client who is not archived, soonest target date first. */
  overview(query: OverviewQuery): Promise<GoalOverviewEntry[]>;
  /** Overdue steps of active goals across the practice, oldest due date first. */
  overdueSteps(): Promise<OverdueStepEntry[]>;
  /** Sessions whose agenda links an item to the goal, most recent first. */
  discussedIn(clientId: string, goalId: string): Promise<GoalDiscussion[]>;
}

export const goalsContract = {
  list: z.tuple([Id]),
  create: z.tuple([Id, GoalCreateInput]),
  update: z.tuple([Id, Id, GoalPatch]),
  setStatus: z.tuple([Id, Id, GoalStatus]),
  move: z.tuple([Id, Id, Position]),
  remove: z.tuple([Id, Id]),
  createStep: z.tuple([Id, Id, StepCreateInput]),
  updateStep: z.tuple([Id, Id, Id, StepPatch]),
  setStepDone: z.tuple([Id, Id, Id, z.boolean({ error: 'Please say whether the step is done.' })]),
  moveStep: z.tuple([Id, Id, Id, Position]),
  removeStep: z.tuple([Id, Id, Id]),
  restoreStep: z.tuple([Id, Id, GoalStep, Position]),
  overview: z.tuple([OverviewQuery]),
  overdueSteps: z.tuple([]),
  discussedIn: z.tuple([Id, Id]),
};

export type { Goal, GoalStep, GoalStatus, GoalDiscussion, GoalOverviewEntry, OverdueStepEntry };
