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
      fromMinutes: number;
      toMinutes: number;
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
    case 'reworded': {
      const minutes = change.fromMinutes === change.toMinutes ? '' : `, ${change.fromMinutes} → ${change.toMinutes} min`;
      return change.fromTitle === change.toTitle
        ? `Changed the details of ${quote(change.fromTitle)}${minutes}`
        : `Reworded ${quote(change.fromTitle)} as ${quote(change.toTitle)}${minutes}`;
    }
    case 'goal-added':
      return `Added the goal ${quote(change.text)}`;
    case 'goal-changed':
      return `Reworded the goal ${quote(change.from)} as ${quote(change.to)}`;
    case 'goal-removed':
      return `Removed the goal ${quote(change.text)}`;
  }
}

/** What the change does, as "before" and "after" texts for the review (null: nothing there). */
export function beforeAfter(change: AgendaChange): { before: string | null; after: string | null } {
  const timed = (title: string, minutes: number | null) => (minutes === null ? title : `${title} (${minutes} min)`);
  const withDetails = (text: string, details: string) => (details.trim() === '' ? text : `${text}\n${details}`);
  switch (change.kind) {
    case 'added':
      return { before: null, after: withDetails(timed(change.title, change.minutes), change.details) };
    case 'removed':
      return { before: change.title, after: null };
    case 'moved':
      return { before: `${change.title} — item ${change.from}`, after: `${change.title} — item ${change.to}` };
    case 'retimed':
      return { before: timed(change.title, change.fromMinutes), after: timed(change.title, change.toMinutes) };
    case 'reworded':
      return {
        before: withDetails(timed(change.fromTitle, change.fromMinutes), change.fromDetails),
        after: withDetails(timed(change.toTitle, change.toMinutes), change.toDetails),
      };
    case 'goal-added':
      return { before: null, after: change.text };
    case 'goal-changed':
      return { before: change.from, after: change.to };
    case 'goal-removed':
      return { before: change.text, after: null };
  }
}
