import { REWORD_THRESHOLD, normaliseText, titleSimilarity } from './similarity';

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
  candidates.sort(
    (a, b) => b.score - a.score || Math.abs(a.replyIndex - a.currentIndex) - Math.abs(b.replyIndex - b.currentIndex),
  );
  for (const { replyIndex, currentIndex } of candidates) {
    if (matchOf[replyIndex] >= 0 || taken.has(currentIndex)) continue;
    matchOf[replyIndex] = currentIndex;
    taken.add(currentIndex);
  }
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
