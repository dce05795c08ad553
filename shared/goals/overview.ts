import type { ClientDocument } from '../model/documents';
import type { Goal } from '../model/goal';
import type { Owner } from '../model/primitives';
import { isDueSoon, isPastTarget, isStalled, overdueSteps, progress, type DatedStep, type GoalProgress } from './derive';

export const OVERVIEW_FILTERS = ['all', 'due-soon', 'overdue', 'stalled'] as const;
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];

/** One active goal in the practice-wide goals view. */
export interface GoalOverviewEntry {
  clientId: string;
  clientName: string;
  goalId: string;
  title: string;
  targetDate: string | null;
  progress: GoalProgress;
  overdueCount: number;
  stalled: boolean;
  dueSoon: boolean;
  pastTarget: boolean;
}

/** One overdue step, practice-wide (for Today). */
export interface OverdueStepEntry {
  clientId: string;
  clientName: string;
  goalId: string;
  goalTitle: string;
  stepId: string;
  text: string;
  owner: Owner;
  dueDate: string;
}

export interface Clock {
  now: Date;
  /** The coach's local date, YYYY-MM-DD. */
  today: string;
}

function activeGoals(documents: readonly ClientDocument[]): { document: ClientDocument; goal: Goal }[] {
  return documents
    .filter((document) => document.client.status !== 'archived')
    .flatMap((document) => document.goals.filter((goal) => goal.status === 'active').map((goal) => ({ document, goal })));
}

function matches(entry: GoalOverviewEntry, filter: OverviewFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'due-soon':
      return entry.dueSoon;
    case 'overdue':
      return entry.overdueCount > 0 || entry.pastTarget;
    case 'stalled':
      return entry.stalled;
  }
}

/** Sooner target dates first, goals without one last; then by client name. */
function byTargetDate(a: GoalOverviewEntry, b: GoalOverviewEntry): number {
  if (a.targetDate !== b.targetDate) {
    if (a.targetDate === null) return 1;
    if (b.targetDate === null) return -1;
    return a.targetDate < b.targetDate ? -1 : 1;
  }
  return a.clientName.localeCompare(b.clientName) || a.title.localeCompare(b.title);
}

/** Active goals of clients who are not archived, filtered and sorted for the goals view. */
export function goalsOverview(documents: readonly ClientDocument[], filter: OverviewFilter, clock: Clock): GoalOverviewEntry[] {
  return activeGoals(documents)
    .map(({ document, goal }) => ({
      clientId: document.client.id,
      clientName: document.client.name,
      goalId: goal.id,
      title: goal.title,
      targetDate: goal.targetDate,
      progress: progress(goal),
      overdueCount: overdueSteps(goal, clock.today).length,
      stalled: isStalled(goal, clock.now),
      dueSoon: isDueSoon(goal, clock.today),
      pastTarget: isPastTarget(goal, clock.today),
    }))
    .filter((entry) => matches(entry, filter))
    .sort(byTargetDate);
}

function toOverdueEntry(document: ClientDocument, goal: Goal, step: DatedStep): OverdueStepEntry {
  return {
    clientId: document.client.id,
    clientName: document.client.name,
    goalId: goal.id,
    goalTitle: goal.title,
    stepId: step.id,
    text: step.text,
    owner: step.owner,
    dueDate: step.dueDate,
  };
}

/** Every overdue step of every active goal, oldest due date first. */
export function practiceOverdueSteps(documents: readonly ClientDocument[], today: string): OverdueStepEntry[] {
  return activeGoals(documents)
    .flatMap(({ document, goal }) => overdueSteps(goal, today).map((step) => toOverdueEntry(document, goal, step)))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName));
}
