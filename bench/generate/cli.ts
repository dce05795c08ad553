import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TEN_YEAR_ATTACHMENTS } from './attachments';
import { generatePractice } from './generate-practice';
import { SCALES, type Scale } from './scales';

const usage = `Usage: node bench/run.mjs bench/generate/cli.ts --out <dir> [--scale ${SCALES.join('|')}] [--seed <n>] [--attachments [--attachment-count <n>] [--attachment-mib <n>]]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      scale: { type: 'string', default: 'ten-year' },
      seed: { type: 'string', default: '1' },
      attachments: { type: 'boolean', default: false },
      'attachment-count': { type: 'string', default: String(TEN_YEAR_ATTACHMENTS.count) },
      'attachment-mib': { type: 'string', default: String(TEN_YEAR_ATTACHMENTS.bytes / 1_048_576) },
    },
  });
  const scale = values.scale as Scale;
  const numbers = [values.seed, values['attachment-count'], values['attachment-mib']];
  if (!values.out || !SCALES.includes(scale) || !numbers.every((text) => /^\d+$/.test(text))) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const attachments = values.attachments
    ? { count: Number(values['attachment-count']), bytes: Number(values['attachment-mib']) * 1_048_576 }
    : undefined;
  const practice = await generatePractice(resolve(values.out), { seed: Number(values.seed), scale, attachments });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote the ${scale} practice (seed ${values.seed}) to ${practice.dir}: ${practice.clients.length} clients, ` +
      `${(practice.bytes / 1_048_576).toFixed(1)} MiB, ${practice.files.count} attached files of ${(practice.files.bytes / 1_048_576).toFixed(1)} MiB in ${seconds} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
