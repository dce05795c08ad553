import type { ClientDocument } from '../model/documents';
import { buildClientIndexWithTexts, type ClientIndex } from './client-index';

/** The text of stored files by digest, and a count that grows as more is found. */
export interface DocumentTextSource {
  readonly version: number;
  textOf(sha256: string): string | undefined;
}

/**
 * Client indexes keyed by document. A store replaces a client's document object on every
 * saved change and never mutates it in place, so an index is rebuilt exactly when its client
 * changes.
 */
export class SearchIndexCache {
  private readonly indexes = new WeakMap<ClientDocument, { index: ClientIndex; textsVersion: number }>();

  /**
   * `texts` gives the extracted text of attached files, found in the background: a client with
   * documents is indexed again once more texts have been found since its index was built.
   */
  constructor(private readonly texts?: DocumentTextSource) {}

  indexFor(document: ClientDocument): ClientIndex {
    const textsVersion = this.texts?.version ?? 0;
    const cached = this.indexes.get(document);
    if (cached && (cached.textsVersion === textsVersion || document.documents.length === 0)) return cached.index;
    const index = buildClientIndexWithTexts(document, this.texts ? (sha256) => this.texts?.textOf(sha256) : undefined);
    this.indexes.set(document, { index, textsVersion });
    return index;
  }
}
