import type { SearchApi } from '../../../shared/api/search';
import type { ClientDocument } from '../../../shared/model/documents';
import { SearchIndexCache } from '../../../shared/search/index-cache';
import { searchIndexes } from '../../../shared/search/query';
import type { ServiceContext } from './context';

/** Clients indexed per slice of background work, so that a slice stays a few milliseconds long. */
const CLIENTS_PER_SLICE = 8;

/**
 * Indexes every document ahead of the first search, a slice at a time between other work, so
 * the coach's first search does not pay for it; a search that comes sooner builds whatever is
 * still missing itself.
 */
function warmInBackground(cache: SearchIndexCache, documents: readonly ClientDocument[]): void {
  let next = 0;
  const slice = () => {
    const end = Math.min(documents.length, next + CLIENTS_PER_SLICE);
    for (; next < end; next += 1) cache.indexOf(documents[next]);
    if (next < documents.length) setImmediate(slice).unref();
  };
  setImmediate(slice).unref();
}

export function createSearchService({ store }: ServiceContext): SearchApi {
  const cache = new SearchIndexCache();
  warmInBackground(cache, store.allClients());
  return {
    async query(text) {
      return searchIndexes(store.allClients().map((document) => cache.indexOf(document)), text);
    },
  };
}
