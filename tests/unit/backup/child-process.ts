import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tempDir } from '../../helpers/temp-dir';

/*
 * What the tests that run backups in a child Node process share (the crash tests kill it at
 * chosen moments, the memory test measures it): bundling its script, running it, killing it.
 */

/** Bundled CommonJS dependencies (tar-stream) require Node's modules; an ES module has no `require` of its own. */
const CJS_REQUIRE = "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);";

/**
 * Bundles the child script `name` (a .ts beside this file) into `dir`, by default a new temp
 * folder (removed after the test, so bundle per test), for Node to run.
 */
export async function bundleChild(name: string, dir?: string): Promise<string> {
  const script = join(dir ?? (await tempDir('rapport-crash-child-')), `${name}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: CJS_REQUIRE },
    logLevel: 'silent',
  });
  return script;
}

/**
 * Runs the bundled child `script` and kills it with SIGKILL `killAfter` ms after it printed
 * `ready`; resolves to the ms from `ready` to `done` when it was not killed first, else null.
 */
export function runChild(script: string, args: string[], killAfter: number | null): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let readyAt = 0;
    let elapsed: number | null = null;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('ready')) {
        readyAt = performance.now();
        if (killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter);
      }
      if (text.includes('done')) elapsed = performance.now() - readyAt;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(elapsed);
      else reject(new Error(`the child failed (${code}): ${stderr}`));
    });
  });
}

/** The kill time of run `run` of `runs`: spread over the whole span, from before the work starts to after it ended, with jitter. */
export const killAt = (run: number, runs: number, span: number) =>
  Math.max(0, (run / (runs - 1)) * span + (Math.random() - 0.5) * (span / runs));

/**
 * How long the child takes, from `ready` to `done`, when two run at once as the killed runs do
 * (inPairs): the slower of two runs started together, each given its own arguments by `argsOf`.
 * A calibration run alone once took 103 ms where the pairs beside the rest of the suite took
 * longer, and a kill span of 1.5 times it had no kill land after a backup ended.
 */
export async function pairedElapsed(script: string, argsOf: (index: number) => Promise<string[]>): Promise<number> {
  const elapsed = await Promise.all([0, 1].map(async (index) => runChild(script, await argsOf(index), null)));
  if (elapsed.some((value) => value === null)) throw new Error('a calibration run did not finish');
  return Math.max(...(elapsed as number[]));
}

/** Runs `killedRun` for runs 0 to `runs` - 1, two at a time (the machine has two cores); each run keeps to its own folders. */
export async function inPairs(runs: number, killedRun: (run: number) => Promise<void>): Promise<void> {
  for (let run = 0; run < runs; run += 2) await Promise.all([killedRun(run), run + 1 < runs ? killedRun(run + 1) : undefined]);
}
