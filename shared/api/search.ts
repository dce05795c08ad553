import { z } from 'zod';

export const SEARCH_LIMIT = 50;

/**
 * What a hit is: the client's name, a tag, their words, a profile text (roles, organisation,
 * background), a goal (title, why, a step), a commitment, a note, an agenda (meeting goals,
 * item titles and details), a session (notes, reflection), a job-search application
 * (organisation, role, notes, contacts, next action, offer, the client's criteria), an attached document (its
 * name and label) or the coach's intimacy preparation
 * (phrasings, way-out lines, first moves, look back).
 */
export type SearchHitKind =
  'client' | 'tag' | 'term' | 'profile' | 'goal' | 'commitment' | 'note' | 'agenda' | 'session' | 'application' | 'document' | 'intimacy';
/** The client-file tab a hit opens. */
export type SearchTab = 'profile' | 'terminology' | 'commitments' | 'goals' | 'notes' | 'sessions' | 'job-search' | 'documents';

export interface SearchHit {
  clientId: string;
  clientName: string;
  kind: SearchHitKind;
  /**
   * The field that matched, e.g. `name`, `preferredName`, `tags`, `term`, `meaning`, `currentRole`,
   * `targetRole`, `organisation`, `background`, `title`, `why`, `step`, `text`, `notes`, `reflection`,
   * `meetingGoal`, `itemTitle`, `itemDetails`.
   */
  field: string;
  /** The matching text, shortened around the match. */
  snippet: string;
  /** Where to open it: a tab of the client file and, for a record, its id (an agenda's is its session's). */
  target: { tab: SearchTab; id?: string };
}

export interface SearchApi {
  /** Case- and accent-insensitive search across the practice, best hits first (client names lead), at most 50. */
  query(text: string): Promise<SearchHit[]>;
}

export const searchContract = {
  query: z.tuple([z.string().max(200, { error: 'Please search for something shorter.' })]),
};
