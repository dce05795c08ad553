import type { Goal, GoalStep } from '../model/goal';
import { addDays, daysBefore, isPastDueOn } from '../dates';

/** A goal with no step done for this many days (and older than that) counts as stalled. */
export const STALLED_AFTER_DAYS = 30;
/** A goal whose target date falls within this many days is due soon. */
export const DUE_SOON_DAYS = 14;

export interface GoalProgress {
  done: number;
  total: number;
  /** 0 to 1; 0 for a goal without steps. */
  ratio: number;
}

export function progress(goal: Pick<Goal, 'steps'>): GoalProgress {
  const total = goal.steps.length;
  const done = goal.steps.filter((step) => step.done).length;
  return { done, total, ratio: total === 0 ? 0 : done / total };
}

export type DatedStep = GoalStep & { dueDate: string };

/** Open steps whose due date is before `today` (the coach's local date, YYYY-MM-DD). */
export function overdueSteps(goal: Pick<Goal, 'steps'>, today: string): DatedStep[] {
  return goal.steps.filter((step): step is DatedStep => !step.done && isPastDueOn(step.dueDate, today));
}

/**
 * An active goal with open steps where nothing has been ticked for STALLED_AFTER_DAYS days.
 * A goal younger than that is never stalled: the client has not had the time yet.
 */
export function isStalled(goal: Goal, now: Date): boolean {
  if (goal.status !== 'active' || goal.steps.length === 0) return false;
  if (goal.steps.every((step) => step.done)) return false;
  const cutoff = daysBefore(now, STALLED_AFTER_DAYS).getTime();
  if (Date.parse(goal.createdAt) > cutoff) return false;
  return !goal.steps.some((step) => step.doneAt !== null && Date.parse(step.doneAt) > cutoff);
}

/** The target date is today or within the next DUE_SOON_DAYS days. */
export function isDueSoon(goal: Pick<Goal, 'targetDate'>, today: string): boolean {
  return goal.targetDate !== null && goal.targetDate >= today && goal.targetDate <= addDays(today, DUE_SOON_DAYS);
}

/** The target date has passed. */
export function isPastTarget(goal: Pick<Goal, 'targetDate'>, today: string): boolean {
  return isPastDueOn(goal.targetDate, today);
}
