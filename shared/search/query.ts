import { SEARCH_LIMIT, type SearchHit, type SearchHitKind } from '../api/search';
import type { ClientIndex, IndexEntry } from './client-index';
import { indexInOriginal, queryTokens } from './normalise';

const KIND_RANK: Record<SearchHitKind, number> = { client: 0, tag: 1, term: 2, commitment: 3, note: 4, session: 5 };
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

interface Candidate {
  index: ClientIndex;
  entry: IndexEntry;
  /** 0 when the text starts with the first word, 1 when a word does, 2 otherwise. */
  position: number;
}

function matchPosition(entry: IndexEntry, tokens: string[]): number | null {
  for (const token of tokens) if (!entry.normalised.includes(token)) return null;
  const first = tokens[0];
  if (entry.normalised.startsWith(first)) return 0;
  return startsAWord(entry.normalised, first) ? 1 : 2;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function startsAWord(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1])) return true;
  }
  return false;
}

function snippet(text: string, token: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const at = Math.max(0, indexInOriginal(flat, token));
  const start = Math.max(0, Math.min(at - SNIPPET_BEFORE, flat.length - SNIPPET_LENGTH));
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

function compare(a: Candidate, b: Candidate): number {
  return (
    KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
    a.position - b.position ||
    a.index.clientName.localeCompare(b.index.clientName) ||
    a.entry.text.length - b.entry.text.length
  );
}

/**
 * Hits for `query` in the indexes: an entry matches when it contains every word of the
 * query. Client names come first, then tags, terminology, commitments, notes, session notes.
 */
export function searchIndexes(indexes: Iterable<ClientIndex>, query: string, limit = SEARCH_LIMIT): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const candidates: Candidate[] = [];
  for (const index of indexes) {
    for (const entry of index.entries) {
      const position = matchPosition(entry, tokens);
      if (position !== null) candidates.push({ index, entry, position });
    }
  }
  return candidates
    .sort(compare)
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
