import type { SearchApi } from '../../../shared/api/search';
import { SearchIndexCache } from '../../../shared/search/index-cache';
import { searchIndexes } from '../../../shared/search/query';
import type { DocumentTexts } from '../files/document-texts';
import { processInSlices } from '../time-slices';
import type { ServiceContext } from './context';

/** How long one slice of background indexing may hold the event loop. */
const INDEXING_SLICE_MS = 8;

export interface SearchService extends SearchApi {
  /** Resolves once the text of every file attached so far has been read for search. */
  documentTextsRead(): Promise<void>;
  /** Stops indexing ahead; the workspace is closing. */
  close(): void;
}

/**
 * Indexes every client from open on, and again after a restore, in slices between other work,
 * so that the coach's first search finds the index complete; a search that comes sooner
 * indexes whatever is still missing itself, so no search ever misses a result.
 */
export function createSearchService({ store }: ServiceContext, texts: DocumentTexts): SearchService {
  const cache = new SearchIndexCache(texts);
  // Files' texts are read after open, after a restore, and for files attached since, on the
  // next search; a search never waits for them.
  const readTexts = () => texts.extract(store.allClients());
  void readTexts();
  const indexAhead = () =>
    processInSlices(
      store.allClients(),
      (document) => {
        try {
          cache.indexFor(document);
        } catch (error) {
          // A search indexes this client again and reports the failure to the coach.
          console.error('[rapport] indexing a client for search failed:', error);
        }
      },
      INDEXING_SLICE_MS,
    );
  let indexing = indexAhead();
  const stopListening = store.onReplaced(() => {
    indexing.stop();
    indexing = indexAhead();
    void readTexts();
  });
  return {
    async query(text) {
      void readTexts();
      return searchIndexes(
        store.allClients().map((document) => cache.indexFor(document)),
        text,
      );
    },
    documentTextsRead: readTexts,
    close() {
      texts.close();
      stopListening();
      indexing.stop();
    },
  };
}
