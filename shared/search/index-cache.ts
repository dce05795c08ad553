import type { ClientDocument } from '../model/documents';
import { buildClientIndex, type ClientIndex } from './client-index';

/**
 * Client indexes keyed by document. A store replaces a client's document object on every
 * saved change and never mutates it in place, so an index is rebuilt exactly when its client
 * changes.
 */
export class SearchIndexCache {
  private readonly indexes = new WeakMap<ClientDocument, ClientIndex>();

  indexFor(document: ClientDocument): ClientIndex {
    let index = this.indexes.get(document);
    if (!index) {
      index = buildClientIndex(document);
      this.indexes.set(document, index);
    }
    return index;
  }
}
