/**
 * Splits `total` into integer shares proportional to `weights` (largest remainder), each
 * share at least `minimum`, so that the shares add up to exactly `total`.
 */
export function allocate(total: number, weights: readonly number[], minimum = 0): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new Error(`Cannot give ${weights.length} shares at least ${minimum} each out of ${total}.`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum === 0 ? spare / weights.length : (spare * weight) / sum));
  const shares = exact.map((value) => minimum + Math.floor(value));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}
