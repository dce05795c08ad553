import { z } from 'zod';

export const SEARCH_LIMIT = 50;

export type SearchHitKind = 'client' | 'tag' | 'term' | 'commitment' | 'note' | 'session' | 'intimacy';
/** The client-file tab a hit opens. */
export type SearchTab = 'profile' | 'terminology' | 'commitments' | 'notes' | 'sessions';

export interface SearchHit {
  clientId: string;
  clientName: string;
  kind: SearchHitKind;
  /** The field that matched, e.g. `name`, `preferredName`, `tags`, `text`, `notes`, `term`, `meaning`. */
  field: string;
  /** The matching text, shortened around the match. */
  snippet: string;
  /** Where to open it: a tab of the client file and, for a record, its id. */
  target: { tab: SearchTab; id?: string };
}

export interface SearchApi {
  /** Case- and accent-insensitive search across the practice, best hits first (client names lead), at most 50. */
  query(text: string): Promise<SearchHit[]>;
}

export const searchContract = {
  query: z.tuple([z.string().max(200, { error: 'Please search for something shorter.' })]),
};
