import type { Agenda, AgendaHistoryEntry, AgendaItem, MeetingGoal } from '../model/agenda';
import { describeChange, type AgendaChange } from './changes';

interface Placed<T> {
  ref: string;
  value: T;
}

/** Puts `entry` right after the nearest of `precededBy` that is already in the list, or first. */
function insertAfter<T>(list: Placed<T>[], entry: Placed<T>, precededBy: readonly string[]): void {
  for (const ref of precededBy) {
    const at = list.findIndex((placed) => placed.ref === ref);
    if (at >= 0) {
      list.splice(at + 1, 0, entry);
      return;
    }
  }
  list.unshift(entry);
}

function applyToItems(items: readonly AgendaItem[], accepted: readonly AgendaChange[], newId: () => string): AgendaItem[] {
  const removed = new Set<string>();
  const movedIds = new Set<string>();
  const edited = new Map<string, AgendaItem>(items.map((item) => [item.id, { ...item }]));
  for (const change of accepted) {
    if (change.kind === 'removed') removed.add(change.itemId);
    if (change.kind === 'moved') movedIds.add(change.itemId);
    const item = 'itemId' in change ? edited.get(change.itemId) : undefined;
    if (!item) continue;
    if (change.kind === 'retimed') item.minutes = change.toMinutes;
    if (change.kind === 'reworded') {
      item.title = change.toTitle;
      item.details = change.toDetails;
      item.minutes = change.toMinutes;
    }
  }
  const list: Placed<AgendaItem>[] = items
    .filter((item) => !removed.has(item.id) && !movedIds.has(item.id))
    .map((item) => ({ ref: item.id, value: edited.get(item.id) as AgendaItem }));
  const placements = accepted
    .filter((change) => change.kind === 'added' || (change.kind === 'moved' && !removed.has(change.itemId)))
    .sort((a, b) => (a as { to: number }).to - (b as { to: number }).to);
  for (const change of placements) {
    if (change.kind === 'moved') {
      insertAfter(list, { ref: change.itemId, value: edited.get(change.itemId) as AgendaItem }, change.precededBy);
    } else if (change.kind === 'added') {
      const item: AgendaItem = {
        id: newId(),
        title: change.title,
        details: change.details,
        minutes: change.minutes ?? 0,
        proposedBy: 'client',
        goalId: null,
        outcome: '',
      };
      insertAfter(list, { ref: change.id, value: item }, change.precededBy);
    }
  }
  return list.map((placed) => placed.value);
}

function applyToGoals(goals: readonly MeetingGoal[], accepted: readonly AgendaChange[], newId: () => string): MeetingGoal[] {
  const list: Placed<MeetingGoal>[] = goals.map((goal) => ({ ref: goal.id, value: { ...goal } }));
  for (const change of accepted) {
    if (change.kind === 'goal-changed') {
      const placed = list.find((entry) => entry.ref === change.goalId);
      if (placed) placed.value.text = change.to;
    }
  }
  const kept = list.filter((entry) => !accepted.some((change) => change.kind === 'goal-removed' && change.goalId === entry.ref));
  for (const change of accepted) {
    if (change.kind === 'goal-added') {
      insertAfter(kept, { ref: change.id, value: { id: newId(), text: change.text, met: 'unset' } }, change.precededBy);
    }
  }
  return kept.map((entry) => entry.value);
}

/**
 * The agenda with the accepted changes from a client's reply applied, the rest left as the
 * coach had them. Accepted additions are marked as proposed by the client; every accepted
 * change is recorded in the history under the client's name, and the coach's review of the
 * reply (how many changes were accepted) under the coach's.
 */
export function applyChanges(
  agenda: Agenda,
  changes: readonly AgendaChange[],
  acceptedIds: Iterable<string>,
  newId: () => string,
  now: string,
): Agenda {
  const acceptedSet = new Set(acceptedIds);
  const accepted = changes.filter((change) => acceptedSet.has(change.id));
  const history: AgendaHistoryEntry[] = accepted.map((change) => ({
    id: newId(),
    at: now,
    author: 'client',
    summary: describeChange(change),
  }));
  if (changes.length > 0) {
    history.push({
      id: newId(),
      at: now,
      author: 'coach',
      summary: `Went through the client’s reply: accepted ${accepted.length} of ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`,
    });
  }
  if (history.length === 0) return agenda;
  return {
    ...agenda,
    goals: applyToGoals(agenda.goals, accepted, newId),
    items: applyToItems(agenda.items, accepted, newId),
    history: [...agenda.history, ...history],
    updatedAt: now,
  };
}
