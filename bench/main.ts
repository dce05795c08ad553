import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkspace } from '../electron/core/workspace';
import { readAndParseAll } from './baselines/physical-read';
import { TEN_YEAR_ATTACHMENTS } from './generate/attachments';
import { generatePractice } from './generate/generate-practice';
import { describeMachine, describeMachineLine } from './harness/machine';
import type { Measurement } from './harness/results';
import { formatTable } from './harness/table';
import { measureAgendaReply } from './measurements/agenda-reply';
import { measureBackups } from './measurements/backup';
import { WORKSPACE_OPTIONS } from './measurements/clock';
import { measureEdits } from './measurements/edit';
import { measureFirstSearch } from './measurements/first-search';
import { measureHostileFiles } from './measurements/hostile-files';
import { measureMemory } from './measurements/memory';
import { measureOpen, measureOpenWithAttachments } from './measurements/open';
import { measureSearch } from './measurements/search';

const FULL = {
  open: 5,
  memory: 3,
  edit: 21,
  singleFile: 5,
  backup: { rounds: 3, warmups: 1 },
  hostile: 5,
  search: 21,
  firstSearch: 5,
  agendaReply: 11,
};
const QUICK = {
  open: 2,
  memory: 1,
  edit: 5,
  singleFile: 2,
  backup: { rounds: 1, warmups: 0 },
  hostile: 2,
  search: 5,
  firstSearch: 2,
  agendaReply: 3,
};

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function run(
  root: string,
  seed: number,
  rounds: typeof FULL,
  withAttachments: boolean,
): Promise<{ measurements: Measurement[]; practice: object }> {
  log('generating the ten-year and one-client practices…');
  const tenYearDir = join(root, 'ten-year');
  const oneClientDir = join(root, 'one-client');
  const withFilesDir = join(root, 'ten-year-files');
  const tenYear = await generatePractice(tenYearDir, { seed, scale: 'ten-year' });
  await generatePractice(oneClientDir, { seed, scale: 'one-client' });
  // The same practice (same seed), its clients holding about a thousand PDF and DOCX files besides.
  const withFiles = withAttachments
    ? await generatePractice(withFilesDir, { seed, scale: 'ten-year', attachments: TEN_YEAR_ATTACHMENTS })
    : null;
  if (withFiles) log(`${withFiles.files.count} attached files, ${(withFiles.files.bytes / 1_048_576).toFixed(0)} MiB`);
  const measurements: Measurement[] = [];

  log('memory…');
  measurements.push(await measureMemory(tenYearDir, rounds.memory));
  log('open…');
  measurements.push(...(await measureOpen(tenYearDir, rounds.open)));
  if (withFiles) {
    log('open with attached files…');
    measurements.push(await measureOpenWithAttachments(withFilesDir, tenYearDir, withFiles.files, rounds.open));
  }
  log('first search after open…');
  measurements.push(...(await measureFirstSearch(tenYearDir, rounds.firstSearch)));

  measurements.push(...(await measureOnOpenWorkspaces(root, tenYearDir, oneClientDir, rounds)));
  log(`backup and restore${withFiles ? ' with the attached files' : ''}…`);
  measurements.push(
    ...(await measureBackupsOf(withFiles ? withFilesDir : tenYearDir, join(root, 'backup-scratch'), rounds.backup, !!withFiles)),
  );
  return { measurements, practice: { seed, counts: tenYear.counts, bytes: tenYear.bytes, attachedFiles: withFiles?.files ?? null } };
}

/**
 * Edits, search and hostile backup files, on the ten-year and one-client practices open. In a
 * function of its own so that what it holds (both workspaces and both practices parsed for the
 * baselines) can be collected before the backup rounds, which measure a backup beside one open
 * workspace, as in the app: they began with 326 MiB of live heap, 144 MiB since, and V8's
 * concurrent marking of the larger heap took 0.6–1.3 s of CPU beside each backup (bench/README.md).
 */
async function measureOnOpenWorkspaces(
  root: string,
  tenYearDir: string,
  oneClientDir: string,
  rounds: typeof FULL,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const tenYearData = await readAndParseAll(tenYearDir);
  const workspace = await openWorkspace(tenYearDir, WORKSPACE_OPTIONS);
  const oneClient = await openWorkspace(oneClientDir, WORKSPACE_OPTIONS);
  try {
    log('edit…');
    const oneClientData = await readAndParseAll(oneClientDir);
    measurements.push(
      ...(await measureEdits(
        { tenYear: workspace, tenYearData, oneClient, oneClientData, scratchDir: join(root, 'single-file') },
        { workspace: rounds.edit, singleFile: rounds.singleFile },
      )),
    );
    log('search…');
    measurements.push(...(await measureSearch(workspace, rounds.search)));
    log('agenda reply…');
    measurements.push(...(await measureAgendaReply(rounds.agendaReply)));
    await mkdir(join(root, 'backups'));
    log('hostile backup files…');
    measurements.push(...(await measureHostileFiles(workspace, join(root, 'backups'), rounds.hostile)));
  } finally {
    await Promise.all([workspace.close(), oneClient.close()]);
  }
  return measurements;
}

/** Backups and restores of the practice in `dataDir`, on a workspace of their own whose safety backups go to a folder of their own. */
async function measureBackupsOf(dataDir: string, scratchDir: string, rounds: typeof FULL.backup, withAttachments: boolean) {
  const safetyDir = join(scratchDir, 'safety');
  await mkdir(scratchDir, { recursive: true });
  const workspace = await openWorkspace(dataDir, { ...WORKSPACE_OPTIONS, backupsDir: safetyDir });
  try {
    // Search reads the files' texts in the background from open on; backups are measured after.
    await workspace.documentTextsRead();
    return await measureBackups(workspace, scratchDir, safetyDir, rounds, withAttachments);
  } finally {
    await workspace.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/latest.json' },
      'data-root': { type: 'string', default: tmpdir() },
      'without-attachments': { type: 'boolean', default: false },
    },
  });
  const root = await mkdtemp(join(values['data-root'], 'rapport-bench-'));
  const machine = describeMachine(root);
  const startedAt = new Date();
  log(describeMachineLine(machine));
  try {
    const { measurements, practice } = await run(root, Number(values.seed), values.quick ? QUICK : FULL, !values['without-attachments']);
    const durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
    const loadAtEnd = loadavg()[0];
    const outFile = resolve(values.out);
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(
      outFile,
      `${JSON.stringify(
        { startedAt: startedAt.toISOString(), durationSeconds, quick: values.quick, machine, loadAtEnd, practice, measurements },
        null,
        2,
      )}\n`,
    );
    console.log(`\nRapport benchmark — ${describeMachineLine(machine)}`);
    console.log(`Medians; baselines measured in the same run, alternating with what they are compared to. ${durationSeconds} s in all.`);
    if (Math.max(machine.loadAtStart, loadAtEnd) > machine.cores) {
      console.log(
        `Other work was competing for the CPU (load ${machine.loadAtStart.toFixed(1)} at start, ${loadAtEnd.toFixed(1)} at end, ${machine.cores} cores): absolute times are inflated, ratios less so.`,
      );
    }
    console.log('');
    console.log(formatTable(measurements));
    console.log(`\nWritten to ${outFile}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
