import { REWORD_THRESHOLD, normaliseText, titleSimilarity } from './similarity';

/** In the very place of the old text, less likeness is enough to call it a rewording. */
const POSITION_THRESHOLD = 0.3;

/**
 * Pairs each reply text with at most one current text: identical wording first (in order),
 * then the most alike remaining pairs above the rewording threshold. Returns, for each reply
 * index, the current index it matches, or -1.
 */
export function matchTexts(current: readonly string[], reply: readonly string[]): number[] {
  const matchOf = reply.map(() => -1);
  const taken = new Set<number>();
  const currentKeys = current.map(normaliseText);
  reply.forEach((text, replyIndex) => {
    const key = normaliseText(text);
    const found = currentKeys.findIndex((candidate, index) => candidate === key && !taken.has(index));
    if (found >= 0) {
      matchOf[replyIndex] = found;
      taken.add(found);
    }
  });
  const candidates: { replyIndex: number; currentIndex: number; score: number }[] = [];
  reply.forEach((text, replyIndex) => {
    if (matchOf[replyIndex] >= 0) return;
    current.forEach((currentText, currentIndex) => {
      if (taken.has(currentIndex)) return;
      const score = titleSimilarity(currentText, text);
      if (score >= REWORD_THRESHOLD) candidates.push({ replyIndex, currentIndex, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.replyIndex - a.currentIndex) - Math.abs(b.replyIndex - b.currentIndex));
  for (const { replyIndex, currentIndex } of candidates) {
    if (matchOf[replyIndex] >= 0 || taken.has(currentIndex)) continue;
    matchOf[replyIndex] = currentIndex;
    taken.add(currentIndex);
  }
  // Position: a reply text left alone in the place of a current text left alone, and still
  // somewhat alike, is that text reworded rather than one removed and another added.
  reply.forEach((text, replyIndex) => {
    if (matchOf[replyIndex] >= 0) return;
    const before = replyIndex > 0 ? matchOf[replyIndex - 1] : -1;
    const slot = replyIndex === 0 ? 0 : before >= 0 ? before + 1 : -1;
    if (slot < 0 || slot >= current.length || taken.has(slot)) return;
    const after = matchOf[replyIndex + 1];
    const nextFits = replyIndex + 1 >= reply.length || after === undefined || after < 0 || after === slot + 1;
    if (nextFits && titleSimilarity(current[slot], text) >= POSITION_THRESHOLD) {
      matchOf[replyIndex] = slot;
      taken.add(slot);
    }
  });
  return matchOf;
}

/** Positions (in `sequence`) of a longest strictly increasing subsequence: the items that kept their order. */
export function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = sequence.map(() => -1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]) kept.add(index);
  return kept;
}
