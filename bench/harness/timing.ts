export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('No samples to take the median of.');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds taken by `task`, with what it returned. */
export async function timeOnce<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await task();
  return { ms: performance.now() - started, value };
}

export interface Pair {
  subject: number[];
  baseline: number[];
}

/**
 * Times a subject and its baseline in alternation (subject, baseline, subject, …) after
 * `warmups` untimed rounds of each, so that drift on the machine affects both alike.
 */
export async function timeAlternately(
  rounds: number,
  warmups: number,
  subject: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
): Promise<Pair> {
  const pair: Pair = { subject: [], baseline: [] };
  for (let round = 0; round < warmups + rounds; round += 1) {
    const subjectMs = await subject(round);
    const baselineMs = await baseline(round);
    if (round >= warmups) {
      pair.subject.push(subjectMs);
      pair.baseline.push(baselineMs);
    }
  }
  return pair;
}

/** Times `task` `rounds` times after `warmups` untimed runs; `task` returns its own measured milliseconds. */
export async function timeRepeatedly(rounds: number, warmups: number, task: (round: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < warmups + rounds; round += 1) {
    const ms = await task(round);
    if (round >= warmups) samples.push(ms);
  }
  return samples;
}
