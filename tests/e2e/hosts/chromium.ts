import { chromium, type Browser } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function onPath(command: string): string | null {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** RAPPORT_CHROMIUM, else the system's Chromium, else undefined (Playwright's own build). */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.RAPPORT_CHROMIUM) {
    if (!existsSync(env.RAPPORT_CHROMIUM)) throw new Error(`RAPPORT_CHROMIUM names ${env.RAPPORT_CHROMIUM}, which does not exist.`);
    return env.RAPPORT_CHROMIUM;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? undefined;
}

/** The fontconfig file that offers Chromium only the DejaVu fonts (see README, "Fonts and tests"). */
export const DEJAVU_ONLY_FONTCONFIG = resolve(import.meta.dirname, '../../fonts/dejavu-only.conf');

/**
 * The environment the browser (Chromium, or Electron) is launched with: this process's, with
 * FONTCONFIG_FILE set to `fontconfigFile` when given, else as the environment sets it, made
 * absolute and checked, so that a misspelt path fails the run instead of leaving fontconfig with
 * no fonts or the machine's.
 */
export function browserEnv(fontconfigFile?: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = fontconfigFile ?? env.FONTCONFIG_FILE;
  if (!file) return { ...env };
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`FONTCONFIG_FILE names ${path}, which does not exist.`);
  return { ...env, FONTCONFIG_FILE: path };
}

export function launchChromium(options: { fontconfigFile?: string | undefined } = {}): Promise<Browser> {
  const executablePath = chromiumExecutable();
  // Without a path Playwright falls back to its own Chromium (absent here, present where it was installed).
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_FLAGS, env: browserEnv(options.fontconfigFile) });
}
