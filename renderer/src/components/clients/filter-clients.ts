import type { ClientSummary } from '../../../../shared/model/client';
import type { StatusFilter } from './client-status';

/** Lower case without accents, so "zoe" finds "Zoë". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

function matchesStatus(client: ClientSummary, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'not-archived') return client.status !== 'archived';
  return client.status === filter;
}

/**
 * The clients whose name, preferred name, organisation or tags contain every word typed,
 * within the chosen status. Keeps the list's order.
 */
export function filterClients(clients: readonly ClientSummary[], query: string, status: StatusFilter): ClientSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return clients.filter((client) => {
    if (!matchesStatus(client, status)) return false;
    if (words.length === 0) return true;
    const haystack = fold([client.name, client.preferredName, client.organisation, ...client.tags].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}
