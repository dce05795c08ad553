import { openWorkspace, type Workspace } from '../../electron/core/workspace';
import { dataSize } from '../baselines/physical-read';
import { RARE_TERM } from '../generate/vocabulary';
import { measurement, series, type Measurement } from '../harness/results';
import { WORKSPACE_OPTIONS } from './clock';

function collectGarbage(): void {
  if (!globalThis.gc) throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
  globalThis.gc();
  globalThis.gc();
}

/** How much more heap is in use, after full collections, while the workspace is open. */
async function heapHeldByWorkspace(dataDir: string): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let workspace: Workspace | null = await openWorkspace(dataDir, WORKSPACE_OPTIONS);
  // A query completes the search index the workspace builds in the background, so it is counted.
  await workspace.search.query(RARE_TERM);
  collectGarbage();
  const held = process.memoryUsage().heapUsed - before;
  await workspace.close();
  workspace = null;
  collectGarbage();
  return held;
}

export async function measureMemory(dataDir: string, rounds: number): Promise<Measurement> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) samples.push(await heapHeldByWorkspace(dataDir));
  return measurement({
    id: 'memory',
    label: 'heap of the open ten-year workspace',
    unit: 'bytes',
    subject: series('heapUsed after open and first search − before', samples),
    baseline: series('data directory size', [await dataSize(dataDir)]),
    target: { kind: 'max-ratio', value: 3 },
  });
}
