import type { Commitment } from '../model/commitment';
import { isPastDue, isPastDueOn, localIsoDate } from '../dates';

/**
 * Where a commitment stands against its due date:
 * - `late`: done, but after its due date had ended — it stays late for good;
 * - `overdue`: not done and its due date has ended;
 * - `due-today`: not done and due today;
 * - `done`: done on time (or it had no due date);
 * - `open`: not done, due later or with no due date.
 */
export type CommitmentTiming = 'late' | 'overdue' | 'due-today' | 'done' | 'open';

export function commitmentTiming(commitment: Pick<Commitment, 'dueDate' | 'doneAt'>, now: Date): CommitmentTiming {
  const { dueDate, doneAt } = commitment;
  if (doneAt !== null) {
    return isPastDue(dueDate, new Date(doneAt)) ? 'late' : 'done';
  }
  if (dueDate === null) return 'open';
  const today = localIsoDate(now);
  if (isPastDueOn(dueDate, today)) return 'overdue';
  return dueDate === today ? 'due-today' : 'open';
}

/** Whether the commitment was, or is being, delivered after its due date. */
export function isLate(commitment: Pick<Commitment, 'dueDate' | 'doneAt'>, now: Date): boolean {
  const timing = commitmentTiming(commitment, now);
  return timing === 'late' || timing === 'overdue';
}
