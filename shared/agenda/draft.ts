import type { AgendaDraft } from '../api/agendas';
import { RapportError, type FieldIssue } from '../errors';
import type { Agenda, AgendaItem, MeetingGoal } from '../model/agenda';

export interface DraftContext {
  sessionId: string;
  /** Ids of the client's goals an item may link to. */
  clientGoalIds: ReadonlySet<string>;
  newId: () => string;
  now: string;
}

function checkIds(draft: AgendaDraft, current: Agenda | null, clientGoalIds: ReadonlySet<string>): void {
  const issues: FieldIssue[] = [];
  const knownGoals = new Set(current?.goals.map((goal) => goal.id));
  const knownItems = new Set(current?.items.map((item) => item.id));
  const seen = new Set<string>();
  draft.goals.forEach((goal, index) => {
    if (goal.id === undefined) return;
    if (!knownGoals.has(goal.id) || seen.has(goal.id)) {
      issues.push({ path: ['goals', index, 'id'], message: 'This meeting goal is no longer on the agenda. Please reload the agenda.' });
    }
    seen.add(goal.id);
  });
  draft.items.forEach((item, index) => {
    if (item.id !== undefined && (!knownItems.has(item.id) || seen.has(item.id))) {
      issues.push({ path: ['items', index, 'id'], message: 'This item is no longer on the agenda. Please reload the agenda.' });
    }
    if (item.id !== undefined) seen.add(item.id);
    if (item.goalId && !clientGoalIds.has(item.goalId)) {
      issues.push({ path: ['items', index, 'goalId'], message: 'That goal is no longer in the client’s file. Please choose another.' });
    }
  });
  if (issues.length > 0) throw new RapportError('INVALID_INPUT', issues[0].message, issues);
}

function counted(count: number, one: string, many: string, title: string): string {
  return count === 1 ? `${one} “${title}”` : `${many.replace('#', String(count))}`;
}

function sameItem(a: AgendaItem, b: AgendaItem): boolean {
  return (
    a.title === b.title &&
    a.details === b.details &&
    a.minutes === b.minutes &&
    a.proposedBy === b.proposedBy &&
    a.goalId === b.goalId &&
    a.outcome === b.outcome
  );
}

/** What a save changed, in a few words for the history; null when nothing changed. */
export function summariseEdit(before: Agenda, after: Pick<Agenda, 'goals' | 'items'>): string | null {
  const parts: string[] = [];
  const beforeItems = new Map(before.items.map((item) => [item.id, item]));
  const afterIds = new Set(after.items.map((item) => item.id));
  const added = after.items.filter((item) => !beforeItems.has(item.id));
  const removed = before.items.filter((item) => !afterIds.has(item.id));
  const kept = after.items.filter((item) => beforeItems.has(item.id));
  const edited = kept.filter((item) => !sameItem(item, beforeItems.get(item.id) as AgendaItem));
  if (added.length > 0) parts.push(counted(added.length, 'added', 'added # items', added[0].title));
  if (removed.length > 0) parts.push(counted(removed.length, 'removed', 'removed # items', removed[0].title));
  if (edited.length > 0) parts.push(counted(edited.length, 'edited', 'edited # items', edited[0].title));
  const keptOrderBefore = before.items.filter((item) => afterIds.has(item.id)).map((item) => item.id);
  if (kept.some((item, index) => item.id !== keptOrderBefore[index])) parts.push('reordered the items');

  const beforeGoals = new Map(before.goals.map((goal) => [goal.id, goal]));
  const afterGoalIds = new Set(after.goals.map((goal) => goal.id));
  const goalsAdded = after.goals.filter((goal) => !beforeGoals.has(goal.id)).length;
  const goalsRemoved = before.goals.filter((goal) => !afterGoalIds.has(goal.id)).length;
  const goalsEdited = after.goals.filter((goal) => {
    const old = beforeGoals.get(goal.id);
    return old !== undefined && (old.text !== goal.text || old.met !== goal.met);
  }).length;
  const goalsReordered = after.goals
    .filter((goal) => beforeGoals.has(goal.id))
    .some((goal, index) => goal.id !== before.goals.filter((old) => afterGoalIds.has(old.id))[index]?.id);
  if (goalsAdded > 0) parts.push(goalsAdded === 1 ? 'added a goal' : `added ${goalsAdded} goals`);
  if (goalsRemoved > 0) parts.push(goalsRemoved === 1 ? 'removed a goal' : `removed ${goalsRemoved} goals`);
  if (goalsEdited > 0) parts.push(goalsEdited === 1 ? 'edited a goal' : `edited ${goalsEdited} goals`);
  if (goalsReordered) parts.push('reordered the goals');
  if (parts.length === 0) return null;
  const summary = parts.join('; ');
  const capitalised = summary.charAt(0).toUpperCase() + summary.slice(1);
  return capitalised.length <= 200 ? capitalised : `${capitalised.slice(0, 199)}…`;
}

/**
 * The agenda as the coach's draft describes it: known ids keep their records (and whatever
 * optional fields the draft leaves out), new entries get new ids.
 */
export function applyDraft(current: Agenda | null, draft: AgendaDraft, context: DraftContext): Agenda {
  checkIds(draft, current, context.clientGoalIds);
  const oldGoals = new Map(current?.goals.map((goal) => [goal.id, goal]));
  const oldItems = new Map(current?.items.map((item) => [item.id, item]));
  const goals: MeetingGoal[] = draft.goals.map((goal) => ({
    id: goal.id ?? context.newId(),
    text: goal.text,
    met: goal.met ?? (goal.id ? oldGoals.get(goal.id)?.met : undefined) ?? 'unset',
  }));
  const items: AgendaItem[] = draft.items.map((item) => {
    const old = item.id ? oldItems.get(item.id) : undefined;
    return {
      id: item.id ?? context.newId(),
      title: item.title,
      details: item.details ?? old?.details ?? '',
      minutes: item.minutes,
      proposedBy: item.proposedBy,
      goalId: item.goalId !== undefined ? item.goalId : (old?.goalId ?? null),
      outcome: item.outcome ?? old?.outcome ?? '',
    };
  });
  if (current) return { ...current, goals, items };
  return {
    id: context.newId(),
    createdAt: context.now,
    updatedAt: context.now,
    sessionId: context.sessionId,
    goals,
    items,
    sharedAt: null,
    reviewedWithClientAt: null,
    history: [],
  };
}
