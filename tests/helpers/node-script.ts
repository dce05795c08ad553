import { build } from 'esbuild';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { tempDir } from './temp-dir';

/** Bundles a TypeScript entry (and the core it imports) into one .mjs that plain Node can run. */
export async function bundleScript(entry: string): Promise<string> {
  const outfile = join(await tempDir('rapport-script-'), 'script.mjs');
  // Bundled CommonJS dependencies (debug under file-type, tar-stream behind backups) require Node's modules; an ES module has no `require`.
  const banner = {
    js: "import { createRequire as __rapportCreateRequire } from 'node:module'; const require = __rapportCreateRequire(import.meta.url);",
  };
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner,
  });
  return outfile;
}

export interface ScriptProcess {
  child: ChildProcessWithoutNullStreams;
  /** Every line the script printed so far. */
  lines: string[];
  /** Resolves with the first printed line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

export function runScript(file: string, args: string[]): ScriptProcess {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`script exited (${code}) before printing ${pattern}: ${stderr}`)));
      });
    },
  };
}
