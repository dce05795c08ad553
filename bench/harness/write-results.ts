import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Measurement } from './results';

export interface ResultsFile {
  startedAt: Date;
  quick: boolean;
  machine: object;
  practice: object;
  measurements: Measurement[];
}

/** Writes the run's results as JSON, with its duration and the load at its end; returns the file. */
export async function writeResults(outFile: string, results: ResultsFile): Promise<string> {
  const durationSeconds = Math.round((Date.now() - results.startedAt.getTime()) / 100) / 10;
  await mkdir(dirname(outFile), { recursive: true });
  const { startedAt, ...rest } = results;
  await writeFile(
    outFile,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), durationSeconds, loadAtEnd: loadavg()[0], ...rest }, null, 2)}\n`,
  );
  return outFile;
}
