import type { ClientSummary } from '../../../../shared/model/client';
import type { StatusFilter } from './client-status';

function matchesStatus(client: ClientSummary, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'not-archived') return client.status !== 'archived';
  return client.status === filter;
}

/**
 * The clients with the chosen status, in the list's order. Finding clients by what they are
 * called or anything written about them is the sidebar search's job (one search, not two).
 */
export function filterClients(clients: readonly ClientSummary[], status: StatusFilter): ClientSummary[] {
  return clients.filter((client) => matchesStatus(client, status));
}
