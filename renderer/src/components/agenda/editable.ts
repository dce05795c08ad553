import type { AgendaDraft } from '../../../../shared/api/agendas';
import type { Agenda } from '../../../../shared/model/agenda';
import type { Owner } from '../../../../shared/model/primitives';

export interface EditableGoal {
  /** For v-for and focus; stable while the page is open. */
  key: string;
  id?: string;
  text: string;
}

export interface EditableItem {
  key: string;
  id?: string;
  title: string;
  details: string;
  minutes: number;
  proposedBy: Owner;
  goalId: string | null;
}

let nextKey = 0;
export function newKey(): string {
  nextKey += 1;
  return `entry-${nextKey}`;
}

export function editableGoals(agenda: Agenda | null): EditableGoal[] {
  return (agenda?.goals ?? []).map((goal) => ({ key: goal.id, id: goal.id, text: goal.text }));
}

export function editableItems(agenda: Agenda | null): EditableItem[] {
  return (agenda?.items ?? []).map(({ id, title, details, minutes, proposedBy, goalId }) => ({
    key: id,
    id,
    title,
    details,
    minutes,
    proposedBy,
    goalId,
  }));
}

/** What the workspace saves; blank new goals are left out, everything else is validated there. */
export function toDraft(goals: EditableGoal[], items: EditableItem[]): AgendaDraft {
  return {
    goals: goals.filter((goal) => goal.id !== undefined || goal.text.trim() !== '').map(({ id, text }) => (id ? { id, text } : { text })),
    items: items.map(({ id, title, details, minutes, proposedBy, goalId }) => ({
      ...(id ? { id } : {}),
      title,
      details,
      minutes: Number.isFinite(minutes) ? minutes : 0,
      proposedBy,
      goalId,
    })),
  };
}

/** A copy of `list` with the entry at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [entry] = copy.splice(from, 1);
  copy.splice(to, 0, entry);
  return copy;
}
