/**
 * The client's words, ready to complete the word a coach is typing.
 *
 * A vocabulary is built once per client (when their words are loaded) into a trie of folded
 * keys: lower case, accents taken off, one space between words. Every node keeps the best
 * entry that continues past it, so finding a completion costs one step per typed letter
 * whatever the size of the vocabulary.
 */

export interface VocabularySource {
  /** The words or phrases, best first: earlier entries win over later ones. */
  entries: readonly string[];
}

interface Entry {
  text: string;
  words: string[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Index of the best entry whose key continues past this node, or -1. */
  best: number;
}

export interface Vocabulary {
  readonly size: number;
  /** The most words any entry has: how far back a phrase can start. */
  readonly longestPhrase: number;
  lookup(foldedPrefix: string): Entry | null;
}

/** A typed word's completion. */
export interface Completion {
  /** Where the replaced text starts (the start of the word being typed). */
  from: number;
  /** Where it ends (the caret). */
  to: number;
  /** The text that replaces `from..to`: the typed word, completed, in the coach's case. */
  replacement: string;
  /** What shows after the caret. */
  ghost: string;
  /** The client's word or phrase as they use it (for the announcement). */
  term: string;
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const LETTER = /\p{L}/u;
const MIN_TYPED_LETTERS = 2;
const MAX_PHRASE_WORDS = 6;

/**
 * One character folded to what matching compares: its base letter, lower case ("É" → "e").
 * Always exactly one code point, so a position in a folded text is the same position in the
 * text it came from.
 */
function foldChar(char: string): string {
  if (/\s/u.test(char)) return ' ';
  const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
  const lower = (base === '' ? char : base).toLowerCase();
  return Array.from(lower)[0] ?? char;
}

export function fold(text: string): string {
  return Array.from(text.normalize('NFC'), foldChar).join('');
}

function wordsOf(text: string): string[] {
  return text.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
}

export function buildVocabulary(source: VocabularySource): Vocabulary {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const root: TrieNode = { children: new Map(), best: -1 };
  let longestPhrase = 1;
  for (const raw of source.entries) {
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    const key = fold(words.join(' '));
    if (seen.has(key)) continue;
    seen.add(key);
    const index = entries.push({ text: words.join(' '), words }) - 1;
    longestPhrase = Math.max(longestPhrase, Math.min(words.length, MAX_PHRASE_WORDS));
    // The node an entry ends at is not marked: a word is never "completed" to itself.
    let node = root;
    for (const char of Array.from(key)) {
      if (node.best === -1) node.best = index;
      let next = node.children.get(char);
      if (!next) {
        next = { children: new Map(), best: -1 };
        node.children.set(char, next);
      }
      node = next;
    }
  }
  return {
    size: entries.length,
    longestPhrase,
    lookup(foldedPrefix) {
      let node: TrieNode | undefined = root;
      for (const char of Array.from(foldedPrefix)) {
        node = node.children.get(char);
        if (!node) return null;
      }
      return node.best === -1 ? null : (entries[node.best] ?? null);
    },
  };
}

export const EMPTY_VOCABULARY: Vocabulary = buildVocabulary({ entries: [] });

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLower(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/**
 * The client's word in the case the coach typed: each typed letter keeps its case (and takes
 * the client's accents); the rest follows the client's spelling, or capitals if the coach is
 * typing in capitals.
 */
function inCoachCase(typed: string[], word: string[], rest: string): { word: string; rest: string } {
  const shouting = typed.filter((char) => LETTER.test(char)).length >= MIN_TYPED_LETTERS && typed.every((char) => !isLower(char));
  const head = word.slice(0, typed.length).map((char, index) => {
    const mine = typed[index] ?? char;
    if (isUpper(mine)) return char.toUpperCase();
    if (isLower(mine)) return char.toLowerCase();
    return char;
  });
  const tail = word.slice(typed.length).join('');
  return shouting ? { word: head.join('') + tail.toUpperCase(), rest: rest.toUpperCase() } : { word: head.join('') + tail, rest };
}

/**
 * The completion for the word ending at `caret` in `text`, or null: none while the caret is
 * inside a word, for a word of fewer than two letters, or when the client has no word that
 * continues it. A phrase is matched with the words typed before it ("my pr" → "my practice").
 */
export function completionAt(vocabulary: Vocabulary, text: string, caret: number): Completion | null {
  if (vocabulary.size === 0) return null;
  const after = text.slice(caret, caret + 2);
  const nextChar = Array.from(after)[0];
  if (nextChar !== undefined && WORD_CHAR.test(nextChar)) return null;
  const before = Array.from(text.slice(0, caret));
  let start = before.length;
  while (start > 0 && WORD_CHAR.test(before[start - 1] ?? '')) start -= 1;
  const typed = before.slice(start);
  if (typed.filter((char) => LETTER.test(char)).length < MIN_TYPED_LETTERS) return null;
  const from = before.slice(0, start).join('').length;

  // Longest context first: the words before the one being typed, separated by spaces only.
  const starts = [start];
  let cursor = start;
  while (starts.length < vocabulary.longestPhrase) {
    let gap = cursor;
    while (gap > 0 && (before[gap - 1] === ' ' || before[gap - 1] === '\u00a0')) gap -= 1;
    if (gap === cursor || gap === 0) break;
    let wordStart = gap;
    while (wordStart > 0 && WORD_CHAR.test(before[wordStart - 1] ?? '')) wordStart -= 1;
    if (wordStart === gap) break;
    starts.push(wordStart);
    cursor = wordStart;
  }

  for (let k = starts.length; k >= 1; k -= 1) {
    const spanStart = starts[k - 1] ?? start;
    const span = wordsOf(before.slice(spanStart).join(''));
    const entry = vocabulary.lookup(fold(span.join(' ')));
    if (!entry || entry.words.length < k) continue;
    const word = Array.from(entry.words[k - 1] ?? '');
    const restWords = entry.words.slice(k);
    const rest = restWords.length > 0 ? ` ${restWords.join(' ')}` : '';
    const cased = inCoachCase(typed, word, rest);
    const replacement = cased.word + cased.rest;
    const ghost = Array.from(replacement).slice(typed.length).join('');
    if (ghost === '') continue;
    return { from, to: caret, replacement, ghost, term: entry.text };
  }
  return null;
}

/** Words of the client's own sentences worth offering: long enough to save typing. */
export function distinctiveWords(texts: readonly string[], minLength = 6): string[] {
  const counts = new Map<string, { word: string; count: number }>();
  for (const text of texts) {
    for (const match of text.normalize('NFC').matchAll(/[\p{L}][\p{L}'’-]*[\p{L}]/gu)) {
      const word = match[0];
      if (Array.from(word).length < minLength) continue;
      const key = fold(word);
      const known = counts.get(key);
      if (known) known.count += 1;
      else counts.set(key, { word, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.word.length - b.word.length).map((entry) => entry.word);
}
