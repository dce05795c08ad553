import type { Workspace } from '../../electron/core/workspace';
import { COMMON_TERM, RARE_TERM } from '../generate/vocabulary';
import { findMethod } from '../harness/api-slots';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce, timeRepeatedly } from '../harness/timing';

type SearchQuery = (text: string) => Promise<unknown>;

/** A global search over the ten-year practice, for a word in many sessions' notes and one in a handful. */
export async function measureSearch(workspace: Workspace, rounds: number): Promise<Measurement[]> {
  const query = findMethod<SearchQuery>(workspace, 'search', 'query');
  const rows: Measurement[] = [];
  for (const [kind, term] of [['common', COMMON_TERM], ['rare', RARE_TERM]] as const) {
    const samples = query ? await timeRepeatedly(rounds, 3, async () => (await timeOnce(() => query(term))).ms) : null;
    rows.push(
      measurement({
        id: `search-${kind}`,
        label: `search, ${kind} term “${term}”`,
        subject: samples ? series(`search.query('${term}')`, samples) : null,
        baseline: null,
        target: { kind: 'max-ms', value: 50 },
        note: query ? '' : 'not available yet: this build has no search.query.',
      }),
    );
  }
  return rows;
}
