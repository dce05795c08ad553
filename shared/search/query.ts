import { SEARCH_LIMIT, type SearchHit, type SearchHitKind } from '../api/search';
import type { ClientIndex, IndexEntry } from './client-index';
import { indexInOriginal, queryTokens } from './normalise';

const KIND_RANK: Record<SearchHitKind, number> = { client: 0, tag: 1, term: 2, commitment: 3, note: 4, session: 5 };
/** Within a kind: the text starts with the first word (0), a word does (1), or it is inside a word (2). */
const POSITIONS = 3;
const RANKS = Object.keys(KIND_RANK).length * POSITIONS;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(char);
}

interface Candidate {
  index: ClientIndex;
  entry: IndexEntry;
}

function startsAWord(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    if (at === 0 || !isWordChar(text[at - 1])) return true;
  }
  return false;
}

/** The rank of a matching entry (lower is better), or -1 when it does not contain every word. */
function rankOf(entry: IndexEntry, tokens: string[]): number {
  for (const token of tokens) if (!entry.normalised.includes(token)) return -1;
  const first = tokens[0];
  const position = entry.normalised.startsWith(first) ? 0 : startsAWord(entry.normalised, first) ? 1 : 2;
  return KIND_RANK[entry.kind] * POSITIONS + position;
}

/** One past the last rank needed to fill `limit` hits. */
function cutoffFor(buckets: Candidate[][], limit: number): number {
  let count = 0;
  for (let rank = 0; rank < buckets.length; rank += 1) {
    count += buckets[rank].length;
    if (count >= limit) return rank + 1;
  }
  return buckets.length;
}

function snippet(text: string, token: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const at = Math.max(0, indexInOriginal(flat, token));
  const start = Math.max(0, Math.min(at - SNIPPET_BEFORE, flat.length - SNIPPET_LENGTH));
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/**
 * Hits for `query` in the indexes: an entry matches when it contains every word of the
 * query. Ranked by kind (client names first, then tags, terminology, commitments, notes,
 * session notes), then by how well the match starts, then by client name.
 */
export function searchIndexes(indexes: readonly ClientIndex[], query: string, limit = SEARCH_LIMIT): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  // Visiting clients in name order and bucketing by rank avoids sorting every match.
  const byName = [...indexes].sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  const buckets: Candidate[][] = Array.from({ length: RANKS }, () => []);
  // Once the better ranks hold `limit` hits, entries of a worse kind cannot make the list.
  let cutoff = RANKS;
  for (const index of byName) {
    for (const entry of index.entries) {
      if (KIND_RANK[entry.kind] * POSITIONS >= cutoff) continue;
      const rank = rankOf(entry, tokens);
      if (rank < 0 || rank >= cutoff || buckets[rank].length >= limit) continue;
      buckets[rank].push({ index, entry });
      cutoff = Math.min(cutoff, cutoffFor(buckets, limit));
    }
  }
  return buckets
    .flat()
    .slice(0, limit)
    .map(({ index, entry }) => ({
      clientId: index.clientId,
      clientName: index.clientName,
      kind: entry.kind,
      field: entry.field,
      snippet: snippet(entry.text, tokens[0]),
      target: entry.id === undefined ? { tab: entry.tab } : { tab: entry.tab, id: entry.id },
    }));
}
