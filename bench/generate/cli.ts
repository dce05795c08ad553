import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePractice } from './generate-practice';
import { SCALES, type Scale } from './scales';

const usage = `Usage: node bench/run.mjs bench/generate/cli.ts --out <dir> [--scale ${SCALES.join('|')}] [--seed <n>]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      scale: { type: 'string', default: 'ten-year' },
      seed: { type: 'string', default: '1' },
    },
  });
  const scale = values.scale as Scale;
  if (!values.out || !SCALES.includes(scale) || !/^\d+$/.test(values.seed)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const practice = await generatePractice(resolve(values.out), { seed: Number(values.seed), scale });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote the ${scale} practice (seed ${values.seed}) to ${practice.dir}: ${practice.clients.length} clients, ` +
      `${(practice.bytes / 1_048_576).toFixed(1)} MiB in ${seconds} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
