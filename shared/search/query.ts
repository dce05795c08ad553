import { SEARCH_LIMIT, type SearchHit, type SearchHitKind } from '../api/search';
import { ENTRY_SEPARATOR, KINDS_BY_RANK, type ClientIndex, type IndexEntry, type IndexSection, type KindIndex } from './client-index';
import { indexInOriginal, queryTokens } from './normalise';

const KIND_RANK = Object.fromEntries(KINDS_BY_RANK.map((kind, rank) => [kind, rank])) as Record<SearchHitKind, number>;
/** Within a kind: the text starts with the first word (0), a word does (1), or it is inside a word (2). */
const POSITIONS = 3;
const RANKS = KINDS_BY_RANK.length * POSITIONS;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const byName = new Intl.Collator();

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(char);
}

interface Candidate {
  index: ClientIndex;
  entry: IndexEntry;
}

/** The last entry of the section that starts at or before `at`. */
function entryAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Whether `token`, first found at `at` in `text`, starts a word there or anywhere after. */
function startsAWord(text: string, token: string, at: number): boolean {
  for (; at >= 0; at = text.indexOf(token, at + 1)) {
    if (at === 0 || !isWordChar(text[at - 1])) return true;
  }
  return false;
}

/** How well `text` matches where `token` occurs: 0 it starts with it, 1 a word does, 2 it is inside a word. */
function positionOf(text: string, token: string): number {
  const at = text.indexOf(token);
  return at === 0 ? 0 : startsAWord(text, token, at) ? 1 : 2;
}

interface Match {
  entry: IndexEntry;
  rank: number;
}

/**
 * Adds the section's entries that contain every token, with their rank (lower is better).
 * One `indexOf` of the longest token, the likeliest to be rare, runs over the whole section,
 * skipping to the next entry once an entry has been looked at.
 */
function addMatches(section: IndexSection, tokens: readonly string[], kindRank: number, into: Match[]): void {
  const { text, starts } = section;
  const scanned = tokens.reduce((longest, token) => (token.length > longest.length ? token : longest));
  for (let at = text.indexOf(scanned); at >= 0;) {
    const i = entryAt(starts, at);
    const end = i + 1 < starts.length ? starts[i + 1] - ENTRY_SEPARATOR.length : text.length;
    const normalised = text.slice(starts[i], end);
    if (tokens.every((token) => token === scanned || normalised.includes(token))) {
      into.push({ entry: section.entries[i], rank: kindRank + positionOf(normalised, tokens[0]) });
    }
    at = end < text.length ? text.indexOf(scanned, end) : -1;
  }
}

/** The kind's entries that contain every token, in document order. */
function matchesOf(kind: KindIndex, tokens: readonly string[]): Match[] {
  const matches: Match[] = [];
  for (const section of kind.sections) addMatches(section, tokens, KIND_RANK[kind.kind] * POSITIONS, matches);
  if (kind.sections.length > 1) matches.sort((a, b) => a.entry.place - b.entry.place);
  return matches;
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
  const inNameOrder = [...indexes].sort((a, b) => byName.compare(a.clientName, b.clientName) || byName.compare(a.clientId, b.clientId));
  const buckets: Candidate[][] = Array.from({ length: RANKS }, () => []);
  // Once the better ranks hold `limit` hits, entries of a worse kind cannot make the list.
  let cutoff = RANKS;
  for (const index of inNameOrder) {
    for (const kind of index.kinds) {
      if (KIND_RANK[kind.kind] * POSITIONS >= cutoff) break;
      for (const { entry, rank } of matchesOf(kind, tokens)) {
        if (rank >= cutoff || buckets[rank].length >= limit) continue;
        buckets[rank].push({ index, entry });
        cutoff = Math.min(cutoff, cutoffFor(buckets, limit));
      }
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
