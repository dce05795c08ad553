import type { Commitment } from '../model/commitment';
import type { ClientDocument } from '../model/documents';
import type { Session } from '../model/session';
import { lastContactAt } from './no-contact';
import { parsedTime } from './parsed-time';

export interface IndexedSession {
  session: Session;
  startsAt: number;
}

/** What Today reads from one client's file, sorted so that a refresh reads only what it shows. */
export interface ClientTodayIndex {
  /** Sessions that are not cancelled, earliest start first. */
  sessions: readonly IndexedSession[];
  /** Commitments not done yet that have a due date, earliest due date first. */
  openDated: readonly (Commitment & { dueDate: string })[];
  /** The latest held session start or note, or null when there was none. */
  lastContactAt: string | null;
}

const indexes = new WeakMap<ClientDocument, ClientTodayIndex>();

function buildIndex(document: ClientDocument): ClientTodayIndex {
  const sessions = document.sessions
    .filter((session) => session.status !== 'cancelled')
    .map((session) => ({ session, startsAt: parsedTime(session, 'startsAt') }))
    .sort((a, b) => a.startsAt - b.startsAt);
  const openDated = document.commitments
    .filter((commitment): commitment is Commitment & { dueDate: string } => commitment.doneAt === null && commitment.dueDate !== null)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return { sessions, openDated, lastContactAt: lastContactAt(document) };
}

/**
 * The client's Today index, built the first time it is asked for. The store replaces a
 * document on every change and never edits one in place, so an index never goes stale: the
 * next refresh after a change rebuilds the changed client's alone.
 */
export function todayIndex(document: ClientDocument): ClientTodayIndex {
  let index = indexes.get(document);
  if (!index) {
    index = buildIndex(document);
    indexes.set(document, index);
  }
  return index;
}

/** The position of the first entry whose key is not below `key`, in a list sorted by that key. */
export function firstNotBelow<T, K>(sorted: readonly T[], key: K, keyOf: (entry: T) => K): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(sorted[middle]) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
