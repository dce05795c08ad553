import { describe, expect, it } from 'vitest';
import { checkCase, corpusCases } from './reply-corpus';

const cases = corpusCases();

describe('the corpus of real-world replies', () => {
  it('holds at least 60 replies, each with its expected outcome', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it('reads every reply as expected (prints the pass rate)', () => {
    const failures = cases.map((entry) => ({ name: entry.name, problems: checkCase(entry) })).filter((entry) => entry.problems.length > 0);
    const refusals = cases.filter((entry) => entry.expected.outcome === 'refused').length;
    const passed = cases.length - failures.length;
    console.info(
      `agenda reply corpus: ${passed}/${cases.length} as expected (${((100 * passed) / cases.length).toFixed(1)}%), ${refusals} of them expected refusals`,
    );
    expect(failures).toEqual([]);
  });
});
