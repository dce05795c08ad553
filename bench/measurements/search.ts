import type { Workspace } from '../../electron/core/workspace';
import { COMMON_TERM, RARE_TERM } from '../generate/vocabulary';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce, timeRepeatedly } from '../harness/timing';

/** A global search over the ten-year practice, for a word in many sessions' notes and one in a handful. */
export async function measureSearch(workspace: Workspace, rounds: number): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const [kind, term] of [
    ['common', COMMON_TERM],
    ['rare', RARE_TERM],
  ] as const) {
    const samples = await timeRepeatedly(rounds, 3, async () => (await timeOnce(() => workspace.search.query(term))).ms);
    rows.push(
      measurement({
        id: `search-${kind}`,
        label: `search, ${kind} term “${term}”`,
        subject: series(`search.query('${term}')`, samples),
        baseline: null,
        target: { kind: 'max-ms', value: 50 },
        note: '',
      }),
    );
  }
  return rows;
}
