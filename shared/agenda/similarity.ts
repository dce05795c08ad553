/** Lower case, accents and punctuation removed, spaces collapsed: for comparing, never for display. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'for', 'on', 'in', 'with', 'my', 'your', 'our']);

function tokens(text: string): string[] {
  const all = normaliseText(text).split(' ').filter(Boolean);
  const meaningful = all.filter((token) => !STOP_WORDS.has(token));
  return meaningful.length > 0 ? meaningful : all;
}

/** Pairs of adjacent characters, so that "CV" and "CVs" or small typos still look alike. */
function bigrams(text: string): string[] {
  const compact = normaliseText(text).replaceAll(' ', '');
  const pairs: string[] = [];
  for (let index = 0; index < compact.length - 1; index += 1) pairs.push(compact.slice(index, index + 2));
  return pairs;
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const remaining = new Map<string, number>();
  for (const item of b) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  let shared = 0;
  for (const item of a) {
    const count = remaining.get(item) ?? 0;
    if (count > 0) {
      shared += 1;
      remaining.set(item, count - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Character pairs only count when nearly all agree: a typo, not two titles sharing a word. */
const TYPO_SIMILARITY = 0.75;
/** A title kept whole inside a longer one counts as the same item, reworded. */
const CONTAINED_SIMILARITY = 0.7;

/**
 * How alike two titles are, from 0 to 1: word overlap, or near-identical spelling, so both
 * "Review CV" → "Review my CV draft" and "Intervew prep" → "Interview prep" match.
 */
export function titleSimilarity(a: string, b: string): number {
  if (normaliseText(a) === normaliseText(b)) return 1;
  const spelling = dice(bigrams(a), bigrams(b));
  const contained = containsTitle(a, b) ? CONTAINED_SIMILARITY : 0;
  return Math.max(dice(tokens(a), tokens(b)), spelling >= TYPO_SIMILARITY ? spelling : 0, contained);
}

/**
 * Text with typography evened out — curly quotes, dashes, ellipses and runs of spaces — so
 * that what a mail program or keyboard changed on its own is not read as the client's change.
 */
export function typographic(text: string): string {
  return text
    .replace(/[‘’‚‛′`´]/gu, "'")
    .replace(/[“”„‟″«»]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/…/gu, '...')
    .replace(/\s+/gu, ' ')
    .replace(/ ?- ?/gu, ' - ')
    .trim();
}

/**
 * Whether every meaningful word of the shorter title is in the longer one ("Your Director
 * pitch" in "Your Director pitch, practised out loud"): a rewording that kept the subject.
 */
export function containsTitle(a: string, b: string): boolean {
  const [short, long] = tokens(a).length <= tokens(b).length ? [tokens(a), tokens(b)] : [tokens(b), tokens(a)];
  if (short.length === 0 || short.join('').length < 4) return false;
  const words = new Set(long);
  return short.every((token) => words.has(token));
}

/** Below this, a changed title counts as a different item (removed + added), not a rewording. */
export const REWORD_THRESHOLD = 0.6;
