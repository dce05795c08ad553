import type { Client, ClientStatus } from '../model/client';
import type { ClientDocument } from '../model/documents';
import { DAY_MS, wholeDaysBetween } from '../dates';
import { parsedTime } from './parsed-time';

/** Statuses of clients the coach is expected to stay in touch with. */
export const CONTACT_STATUSES: readonly ClientStatus[] = ['active', 'prospect', 'paused'];

/** The latest held session start or note, or null when there was none. */
export function lastContactAt(document: Pick<ClientDocument, 'client' | 'sessions'>): string | null {
  let latest: string | null = null;
  let latestTime = -Infinity;
  const consider = (at: string, time: number) => {
    if (time > latestTime) [latest, latestTime] = [at, time];
  };
  for (const session of document.sessions) {
    if (session.status === 'held') consider(session.startsAt, parsedTime(session, 'startsAt'));
  }
  for (const note of document.client.notes) consider(note.createdAt, parsedTime(note, 'createdAt'));
  return latest;
}

export interface NoContact {
  /** The last held session or note; null when there was none yet. */
  lastContactAt: string | null;
  /** Days since the last contact — or, with none yet, since the client was added. */
  days: number;
}

/**
 * Whether Today should list the client as not heard from: an active, prospect or paused
 * client with no held session or note for longer than `thresholdDays`, or with none at all
 * yet. A client never contacted is always listed ("no contact yet"), however recently they
 * were added: counting them as in touch would hide the first call a new client is waiting for.
 */
export function noContact(document: Pick<ClientDocument, 'client' | 'sessions'>, now: Date, thresholdDays: number): NoContact | null {
  if (!CONTACT_STATUSES.includes(document.client.status)) return null;
  return contactGap(document.client, lastContactAt(document), now, thresholdDays);
}

/** As `noContact`, for a client whose last contact is already known. */
export function contactGap(
  client: Pick<Client, 'status' | 'createdAt'>,
  last: string | null,
  now: Date,
  thresholdDays: number,
): NoContact | null {
  if (!CONTACT_STATUSES.includes(client.status)) return null;
  const since = new Date(last ?? client.createdAt);
  if (last !== null && now.getTime() - since.getTime() <= thresholdDays * DAY_MS) return null;
  return { lastContactAt: last, days: Math.max(0, wholeDaysBetween(since, now)) };
}
