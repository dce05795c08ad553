/**
 * The client's words, ready to complete the word a coach is typing.
 *
 * A vocabulary is built once per client (when their words are loaded) into a sorted list of
 * folded keys (lower case, accents taken off, one space between words) and a sparse table of the
 * best entry over every run of keys. Finding a completion is two binary searches for the keys
 * that start with what was typed and one look-up of the best among them: a few dozen string
 * comparisons whatever the size of the vocabulary.
 */

export interface VocabularySource {
  /** The words or phrases, best first: earlier entries win over later ones. */
  entries: readonly string[];
}

interface Entry {
  text: string;
  words: string[];
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
const LOOK_BACK = 200;

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

const PLAIN = /^[\x21-\x7e ]*$/;

export function fold(text: string): string {
  // Most words are plain ASCII: lower case alone keeps them one character for one.
  if (PLAIN.test(text)) return text.toLowerCase();
  return Array.from(text.normalize('NFC'), foldChar).join('');
}

function wordsOf(text: string): string[] {
  return text.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
}

/** The first position in the sorted keys at or after `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function buildVocabulary(source: VocabularySource): Vocabulary {
  const entries: Entry[] = [];
  const byKey = new Map<string, number>();
  let longestPhrase = 1;
  for (const raw of source.entries) {
    const words = wordsOf(raw);
    if (words.length === 0) continue;
    const key = fold(words.join(' '));
    if (byKey.has(key)) continue;
    byKey.set(key, entries.push({ text: words.join(' '), words }) - 1);
    longestPhrase = Math.max(longestPhrase, Math.min(words.length, MAX_PHRASE_WORDS));
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // best[level][i]: the best (lowest) entry index among keys i .. i + 2^level - 1, so the best
  // of any run of keys sharing a prefix is read from two cells.
  const first = new Int32Array(keys.length);
  keys.forEach((key, i) => (first[i] = byKey.get(key) ?? -1));
  const best: Int32Array[] = [first];
  for (let half = 1; half * 2 <= keys.length; half *= 2) {
    const previous = best[best.length - 1] ?? first;
    const row = new Int32Array(keys.length - half * 2 + 1);
    for (let i = 0; i < row.length; i += 1) row[i] = Math.min(previous[i] ?? 0, previous[i + half] ?? 0);
    best.push(row);
  }
  return {
    size: entries.length,
    longestPhrase,
    lookup(foldedPrefix) {
      let from = lowerBound(keys, foldedPrefix);
      // The word itself is never its own completion.
      if (keys[from] === foldedPrefix) from += 1;
      const to = lowerBound(keys, `${foldedPrefix}\uffff`);
      if (from >= to) return null;
      const level = Math.floor(Math.log2(to - from));
      const row = best[level];
      if (!row) return null;
      const index = Math.min(row[from] ?? Infinity, row[to - 2 ** level] ?? Infinity);
      return entries[index] ?? null;
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
  // Only the end of a long note matters: a phrase is a few words, so each keystroke costs the
  // same however much was written before it.
  const offset = Math.max(0, caret - LOOK_BACK);
  const before = Array.from(text.slice(offset, caret));
  let start = before.length;
  while (start > 0 && WORD_CHAR.test(before[start - 1] ?? '')) start -= 1;
  if (start === 0 && offset > 0) return null;
  const typed = before.slice(start);
  if (typed.filter((char) => LETTER.test(char)).length < MIN_TYPED_LETTERS) return null;
  const from = offset + before.slice(0, start).join('').length;

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
