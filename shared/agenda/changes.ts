/** One difference between the agenda and the client's reply; `id` is stable for the same agenda and text. */
export type AgendaChange =
  | {
      id: string;
      kind: 'added';
      title: string;
      minutes: number | null;
      details: string;
      /** 1-based place in the reply. */
      to: number;
      /** What comes before it in the reply, nearest first: item ids or ids of other added items. */
      precededBy: string[];
    }
  | { id: string; kind: 'removed'; itemId: string; title: string }
  | { id: string; kind: 'moved'; itemId: string; title: string; from: number; to: number; precededBy: string[] }
  | { id: string; kind: 'retimed'; itemId: string; title: string; fromMinutes: number; toMinutes: number }
  | {
      id: string;
      kind: 'reworded';
      itemId: string;
      fromTitle: string;
      toTitle: string;
      fromDetails: string;
      toDetails: string;
    }
  | { id: string; kind: 'goal-added'; text: string; precededBy: string[] }
  | { id: string; kind: 'goal-changed'; goalId: string; from: string; to: string }
  | { id: string; kind: 'goal-removed'; goalId: string; text: string };

export type AgendaChangeKind = AgendaChange['kind'];

const QUOTE_LIMIT = 60;

function quote(text: string): string {
  const short = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1).trimEnd()}…` : text;
  return `“${short}”`;
}

/** The change in a few plain words, for the change list and the agenda's history. */
export function describeChange(change: AgendaChange): string {
  switch (change.kind) {
    case 'added':
      return `Added ${quote(change.title)}${change.minutes === null ? '' : ` (${change.minutes} min)`} as item ${change.to}`;
    case 'removed':
      return `Removed ${quote(change.title)}`;
    case 'moved':
      return `Moved ${quote(change.title)} from item ${change.from} to item ${change.to}`;
    case 'retimed':
      return `Changed ${quote(change.title)} from ${change.fromMinutes} to ${change.toMinutes} min`;
    case 'reworded':
      return change.fromTitle === change.toTitle
        ? `Changed the details of ${quote(change.fromTitle)}`
        : `Reworded ${quote(change.fromTitle)} as ${quote(change.toTitle)}`;
    case 'goal-added':
      return `Added the goal ${quote(change.text)}`;
    case 'goal-changed':
      return `Reworded the goal ${quote(change.from)} as ${quote(change.to)}`;
    case 'goal-removed':
      return `Removed the goal ${quote(change.text)}`;
  }
}
