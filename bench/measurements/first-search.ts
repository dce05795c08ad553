import { setTimeout as sleep } from 'node:timers/promises';
import { openWorkspace } from '../../electron/core/workspace';
import { RARE_TERM } from '../generate/vocabulary';
import { measurement, series, type Measurement } from '../harness/results';
import { timeOnce } from '../harness/timing';
import { WORKSPACE_OPTIONS } from './clock';

/** Roughly when a coach can first type: the window has loaded and the client list is showing. */
const FIRST_TYPING_MS = 1000;

/** The first search of a freshly opened workspace: at once (the index is not complete yet) and when a coach could first type. */
async function firstQuery(dataDir: string, delayMs: number): Promise<number> {
  const workspace = await openWorkspace(dataDir, WORKSPACE_OPTIONS);
  try {
    if (delayMs > 0) await sleep(delayMs);
    return (await timeOnce(() => workspace.search.query(RARE_TERM))).ms;
  } finally {
    await workspace.close();
  }
}

export async function measureFirstSearch(dataDir: string, rounds: number): Promise<Measurement[]> {
  const immediate: number[] = [];
  const later: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    immediate.push(await firstQuery(dataDir, 0));
    later.push(await firstQuery(dataDir, FIRST_TYPING_MS));
  }
  return [
    measurement({
      id: 'search-first',
      label: `search, first query ${FIRST_TYPING_MS} ms after open`,
      subject: series(`search.query('${RARE_TERM}'), first of the workspace`, later),
      baseline: null,
      target: { kind: 'max-ms', value: 50 },
      note: 'The search index is built in the background from open on, a few clients at a time.',
    }),
    measurement({
      id: 'search-first-immediate',
      label: 'search, first query right as open returns',
      subject: series(`search.query('${RARE_TERM}'), issued as openWorkspace resolves`, immediate),
      baseline: null,
      target: null,
      note: 'For information: a search issued before the background indexing has run builds the whole index itself; no window can send one that early.',
    }),
  ];
}
