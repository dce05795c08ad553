import { byClientName, type ClientSummary } from '../../../../shared/model/client';
import type { StatusFilter } from './client-status';

export type ClientSort = 'name' | 'next-session' | 'last-contact';

export const SORT_OPTIONS: { value: ClientSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'next-session', label: 'Next session' },
  { value: 'last-contact', label: 'Last contact' },
];

export function isClientSort(value: unknown): value is ClientSort {
  return SORT_OPTIONS.some((option) => option.value === value);
}

function matchesStatus(client: ClientSummary, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'not-archived') return client.status !== 'archived';
  return client.status === filter;
}

/**
 * The clients with the chosen status (and tag, unless `tag` is empty), in the list's order.
 * Finding clients by what they are called or anything written about them is the sidebar
 * search's job (one search, not two).
 */
export function filterClients(clients: readonly ClientSummary[], status: StatusFilter, tag = ''): ClientSummary[] {
  return clients.filter((client) => matchesStatus(client, status) && (tag === '' || client.tags.includes(tag)));
}

/** Every tag the clients carry, once each, alphabetically. */
export function tagsOf(clients: readonly ClientSummary[]): string[] {
  return [...new Set(clients.flatMap((client) => client.tags))].sort((a, b) => a.localeCompare(b));
}

/** Earliest first; no time at all comes after every time. */
function byTime(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return Date.parse(a) - Date.parse(b);
}

/**
 * The list in the chosen order:
 * - by next session: soonest first, then the clients with nothing planned;
 * - by last contact: the longest without contact first, so that the quiet ones lead; a client
 *   never in touch yet comes before all of them — never among the "recently in touch".
 * Namesakes and ties keep the name order.
 */
export function sortClients(clients: readonly ClientSummary[], sort: ClientSort): ClientSummary[] {
  const sorted = [...clients];
  if (sort === 'next-session') return sorted.sort((a, b) => byTime(a.nextSessionAt, b.nextSessionAt) || byClientName(a, b));
  if (sort === 'last-contact') {
    return sorted.sort((a, b) => {
      if ((a.lastContactAt === null) !== (b.lastContactAt === null)) return a.lastContactAt === null ? -1 : 1;
      return byTime(a.lastContactAt, b.lastContactAt) || byClientName(a, b);
    });
  }
  return sorted.sort(byClientName);
}

/** What the list shows under a name when sorted by a date, so that the order explains itself. */
export function activityText(
  client: Pick<ClientSummary, 'nextSessionAt' | 'lastContactAt'>,
  sort: ClientSort,
  format: (instant: string) => string,
): string {
  if (sort === 'next-session') return client.nextSessionAt ? `next session ${format(client.nextSessionAt)}` : 'no session planned';
  if (sort === 'last-contact') return client.lastContactAt ? `last contact ${format(client.lastContactAt)}` : 'no contact yet';
  return '';
}
