import { join } from 'node:path';
import type { Workspace } from '../../electron/core/workspace';
import { CRAFTED_BACKUP_HEADER, craftedFile } from '../generate/crafted-file';
import { measurement, series, type Measurement } from '../harness/results';

/** Files crafted to cost as much as a backup file can make Rapport spend (see the hostile-file tests). */
const FILES: [string, string, (path: string) => Promise<void>][] = [
  ['arrays', '25 MB of empty arrays', (path) => craftedFile(path, `${CRAFTED_BACKUP_HEADER}"counts":[`, '[]', ',', ']}', 25)],
  [
    'objects',
    '1 million small objects of numbers',
    (path) =>
      craftedFile(path, `${CRAFTED_BACKUP_HEADER}"encryption":null,"payload":{"clients":[`, '{"a":0.5,"b":0.5,"c":0.5}', ',', ']}}', 23),
  ],
  [
    'string',
    '63 MB of one string',
    (path) => craftedFile(path, `${CRAFTED_BACKUP_HEADER}"encryption":null,"payload":{"practice":"`, 'x', '', '"}}', 63),
  ],
];

/**
 * backup.inspect of each crafted file, which must be refused within 5 s; the note gives the
 * largest rise of resident memory seen while it was read (target: under 256 MiB).
 */
export async function measureHostileFiles(workspace: Workspace, scratchDir: string, rounds: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const [id, label, make] of FILES) {
    const path = join(scratchDir, `hostile-${id}.rapport-backup`);
    await make(path);
    const samples: number[] = [];
    let worstRise = 0;
    for (let round = 0; round < rounds; round += 1) {
      globalThis.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const started = performance.now();
      const refused = await workspace.backup.inspect(path).then(
        () => false,
        () => true,
      );
      samples.push(performance.now() - started);
      clearInterval(sampler);
      worstRise = Math.max(worstRise, Math.max(peak, process.memoryUsage().rss) - before);
      if (!refused) throw new Error(`the crafted file "${label}" was accepted`);
    }
    results.push(
      measurement({
        id: `hostile-${id}`,
        label: `hostile backup refused: ${label}`,
        subject: series('backup.inspect, refused', samples),
        baseline: null,
        target: { kind: 'max-ms', value: 5000 },
        note: `Largest rise of resident memory while it was read: ${(worstRise / 2 ** 20).toFixed(0)} MiB (target: under 256 MiB).`,
      }),
    );
  }
  return results;
}
