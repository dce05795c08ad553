import run from '@doyensec/electronegativity';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = resolve(import.meta.dirname, '../../..');
const AUDIT_TIMEOUT_MS = 120_000;

interface AllowList {
  excludedChecks: { check: string; reason: string }[];
  accepted: { check: string; file: string; reason: string }[];
}

const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

async function allowList(): Promise<AllowList> {
  return JSON.parse(await readFile(join(ROOT, 'security/electronegativity-allowlist.json'), 'utf8')) as AllowList;
}

/** Everything the audit looks at, at every severity and confidence. */
async function audit(input: string, excludedChecks: string[]) {
  return run({
    input,
    isRelative: true,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    electronVersionOverride: electronVersion,
    excludeFromScan: excludedChecks,
  });
}

/** The app's own code (main, preload, shared, renderer and its page) and package.json, without tests or builds. */
async function stageSources(): Promise<string> {
  const dir = await tempDir('rapport-audit-');
  for (const part of ['electron', 'shared', 'renderer']) {
    await cp(join(ROOT, part), join(dir, part), { recursive: true, filter: (path) => !path.includes('node_modules') });
  }
  await cp(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

const INSECURE_MAIN = `
const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
  window.loadURL('http://example.com/');
});
`;

describe('Electronegativity static audit', () => {
  it(
    'finds nothing in the app that is not reviewed and accepted in security/electronegativity-allowlist.json',
    async () => {
      const list = await allowList();
      for (const entry of [...list.excludedChecks, ...list.accepted])
        expect(entry.reason.length, JSON.stringify(entry)).toBeGreaterThan(40);
      const result = await audit(
        await stageSources(),
        list.excludedChecks.map((entry) => entry.check),
      );
      expect(result.errors, 'files the audit could not parse (it would miss what is in them)').toEqual([]);
      const isAccepted = (id: string, file: string) => list.accepted.some((entry) => entry.check === id && entry.file === file);
      const unreviewed = result.issues
        .filter((issue) => !isAccepted(issue.id, issue.file))
        .map((issue) => `${issue.id} ${issue.file}:${issue.location.line} (${issue.severity.name}) ${issue.description}`);
      expect(unreviewed).toEqual([]);
      const stale = list.accepted.filter((entry) => !result.issues.some((issue) => issue.id === entry.check && issue.file === entry.file));
      expect(stale, 'allow-list entries that match no finding any more (remove them)').toEqual([]);
    },
    AUDIT_TIMEOUT_MS,
  );

  it(
    'does report an insecure window, missing handlers and a missing CSP (the audit can fail)',
    async () => {
      const dir = await tempDir('rapport-audit-canary-');
      await mkdir(join(dir, 'src'));
      await writeFile(join(dir, 'src/main.js'), INSECURE_MAIN);
      await writeFile(join(dir, 'src/index.html'), '<!doctype html><html><body><script>window.x = 1</script></body></html>');
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'canary', main: 'src/main.js' }));
      const found = new Set(
        (
          await audit(
            dir,
            (await allowList()).excludedChecks.map((entry) => entry.check),
          )
        ).issues.map((issue) => issue.id),
      );
      for (const check of [
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]) {
        expect(found, check).toContain(check);
      }
    },
    AUDIT_TIMEOUT_MS,
  );
});
