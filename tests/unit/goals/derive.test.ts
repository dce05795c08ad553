import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../../shared/dates';
import { isDueSoon, isPastTarget, isStalled, overdueSteps, progress } from '../../../shared/goals/derive';
import { moveItem } from '../../../shared/goals/reorder';
import type { Goal, GoalStep } from '../../../shared/model/goal';

const NOW = new Date('2026-06-15T10:00:00.000Z');
const TODAY = '2026-06-15';
let nextId = 0;

function step(fields: Partial<GoalStep> = {}): GoalStep {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    text: `Step ${nextId}`,
    owner: 'client',
    dueDate: null,
    done: false,
    doneAt: null,
    ...fields,
  };
}

function goal(fields: Partial<Goal> = {}): Goal {
  return {
    id: '10000000-0000-4000-8000-000000000000',
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    title: 'Land a head-of-data role',
    why: 'I want to lead a team.',
    targetDate: null,
    status: 'active',
    steps: [],
    ...fields,
  };
}

const done = (doneAt: string) => step({ done: true, doneAt });

describe('progress', () => {
  it('counts done steps out of all steps', () => {
    expect(progress(goal({ steps: [done('2026-06-01T09:00:00Z'), step(), done('2026-06-02T09:00:00Z'), step()] }))).toEqual({
      done: 2,
      total: 4,
      ratio: 0.5,
    });
  });

  it('is zero for a goal without steps', () => {
    expect(progress(goal())).toEqual({ done: 0, total: 0, ratio: 0 });
  });
});

describe('overdueSteps', () => {
  it('lists open steps due before today, not those due today or later, done or undated', () => {
    const late = step({ dueDate: '2026-06-14' });
    const steps = [
      late,
      step({ dueDate: TODAY }),
      step({ dueDate: '2026-06-20' }),
      step({ dueDate: '2026-05-01', done: true, doneAt: '2026-05-02T09:00:00Z' }),
      step(),
    ];
    expect(overdueSteps(goal({ steps }), TODAY)).toEqual([late]);
  });
});

describe('isStalled', () => {
  const old = '2026-04-01T09:00:00.000Z';

  it('is true for an old active goal with open steps and nothing ticked for 30 days', () => {
    expect(isStalled(goal({ steps: [done('2026-05-15T09:00:00Z'), step()] }), NOW)).toBe(true);
    expect(isStalled(goal({ steps: [step()] }), NOW)).toBe(true);
  });

  it('is false when a step was ticked within the last 30 days', () => {
    expect(isStalled(goal({ steps: [done('2026-05-17T09:00:00Z'), step()] }), NOW)).toBe(false);
  });

  it('is false for a goal created within the last 30 days', () => {
    expect(isStalled(goal({ createdAt: '2026-05-20T09:00:00Z', steps: [step()] }), NOW)).toBe(false);
    expect(isStalled(goal({ createdAt: old, steps: [step()] }), NOW)).toBe(true);
  });

  it('is false without steps, with every step done, or when the goal is not active', () => {
    expect(isStalled(goal(), NOW)).toBe(false);
    expect(isStalled(goal({ steps: [done('2026-01-10T09:00:00Z')] }), NOW)).toBe(false);
    expect(isStalled(goal({ status: 'on-hold', steps: [step()] }), NOW)).toBe(false);
  });
});

describe('isDueSoon and isPastTarget', () => {
  it('is due soon from today up to 14 days ahead', () => {
    expect(isDueSoon(goal({ targetDate: TODAY }), TODAY)).toBe(true);
    expect(isDueSoon(goal({ targetDate: '2026-06-29' }), TODAY)).toBe(true);
    expect(isDueSoon(goal({ targetDate: '2026-06-30' }), TODAY)).toBe(false);
    expect(isDueSoon(goal({ targetDate: '2026-06-14' }), TODAY)).toBe(false);
    expect(isDueSoon(goal({ targetDate: null }), TODAY)).toBe(false);
  });

  it('is past target only when the target date is before today', () => {
    expect(isPastTarget(goal({ targetDate: '2026-06-14' }), TODAY)).toBe(true);
    expect(isPastTarget(goal({ targetDate: TODAY }), TODAY)).toBe(false);
    expect(isPastTarget(goal({ targetDate: null }), TODAY)).toBe(false);
  });
});

describe('dates and reordering', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes the local calendar date of an instant', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('moves an item forwards and backwards without changing the input', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(moveItem(items, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(items, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });
});
