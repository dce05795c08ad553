import type { SearchApi } from '../../../shared/api/search';
import type { ClientDocument } from '../../../shared/model/documents';
import { buildClientIndex, type ClientIndex } from '../../../shared/search/client-index';
import { searchIndexes } from '../../../shared/search/query';
import type { ServiceContext } from './context';

export function createSearchService({ store }: ServiceContext): SearchApi {
  // The store replaces a client's document object on every saved change and never mutates
  // it in place, so an index keyed by the document is rebuilt exactly when that client changes.
  const indexes = new WeakMap<ClientDocument, ClientIndex>();

  function indexOf(document: ClientDocument): ClientIndex {
    let index = indexes.get(document);
    if (!index) {
      index = buildClientIndex(document);
      indexes.set(document, index);
    }
    return index;
  }

  return {
    async query(text) {
      return searchIndexes(store.allClients().map(indexOf), text);
    },
  };
}
