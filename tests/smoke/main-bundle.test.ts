import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api';
import { DESKTOP_CHANNELS } from '../../shared/api/desktop';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/origins';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'out/main/main.js');
const run = promisify(execFile);

interface Entry {
  api: string;
  detail?: unknown;
}
interface Outcome {
  journal: Entry[];
  violations: string[];
  results: unknown[];
  failure: string | null;
}

type Step = Record<string, unknown> & { do: string };

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`The built main process is missing (${MAIN}); run "npm run build" first.`);
});

/** A fresh userData folder; the data folder is inside it, as in the app. */
async function userData(): Promise<{ userData: string; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-smoke-'));
  made.push(dir);
  // The stand-in is a packaged build, which keeps its data under userData whatever RAPPORT_DATA_DIR says.
  return { userData: dir, dataDir: join(dir, 'userData', 'rapport-data') };
}

/** Runs the built main bundle in plain Node under the electron stand-in and plays the steps. */
async function runMain(
  steps: Step[],
  options: { firstInstance?: boolean; failWindow?: boolean; switches?: string[]; dirs?: { userData: string; dataDir: string } } = {},
) {
  const dirs = options.dirs ?? (await userData());
  const { stdout } = await run(
    process.execPath,
    ['--import', join(import.meta.dirname, 'register.mjs'), join(import.meta.dirname, 'drive.mjs'), MAIN, JSON.stringify(steps)],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: dirs.userData,
        RAPPORT_DATA_DIR: join(dirs.userData, 'not-here'),
        RAPPORT_STAND_IN: JSON.stringify({
          userData: dirs.userData,
          firstInstance: options.firstInstance,
          failWindow: options.failWindow,
          switches: options.switches,
        }),
      },
      timeout: 25_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = stdout.split('\n').find((text) => text.startsWith('SMOKE-RESULT '));
  if (!line) throw new Error(`The driver printed no result:\n${stdout}`);
  const outcome = JSON.parse(line.slice('SMOKE-RESULT '.length)) as Outcome;
  return {
    ...outcome,
    ...dirs,
    apis: outcome.journal.map((entry) => entry.api),
    find: (api: string) => outcome.journal.filter((entry) => entry.api === api),
  };
}

const APP_PAGE = 'app://rapport/index.html';
const START: Step[] = [{ do: 'ready' }, { do: 'window' }];

describe('the built main process, under a recording stand-in for electron', () => {
  it('starts into a window with the secure webPreferences, by Electron’s rules', async () => {
    const outcome = await runMain(START);
    expect(outcome.failure).toBeNull();
    expect(outcome.violations).toEqual([]);
    const ready = outcome.apis.indexOf('new BrowserWindow');
    expect(outcome.apis.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(outcome.apis.indexOf('protocol.handle'));
    expect(outcome.find('protocol.registerSchemesAsPrivileged')[0].detail).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(ready).toBeGreaterThan(0);
    const [window] = outcome.find('new BrowserWindow');
    expect((window.detail as { webPreferences: Record<string, unknown> }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      preload: expect.stringMatching(/out[\\/]preload[\\/]preload\.cjs$/),
    });
    expect(outcome.find('BrowserWindow.loadURL')[0].detail).toBe(APP_PAGE);
    expect(existsSync(join(outcome.dataDir, 'rapport.lock'))).toBe(true);
    expect(existsSync(join(outcome.userData, 'not-here')), 'a packaged build ignores RAPPORT_DATA_DIR').toBe(false);
  });

  it('handles exactly the contract’s channels', async () => {
    const outcome = await runMain(START);
    const handled = outcome.find('ipcMain.handle').map((entry) => entry.detail);
    expect([...handled].sort()).toEqual([...CHANNELS, ...DESKTOP_CHANNELS].sort());
  });

  it('serves a call from the app’s page and refuses one from another origin', async () => {
    const outcome = await runMain([
      ...START,
      { do: 'invoke', channel: 'clients:create', from: APP_PAGE, args: [{ name: 'Amara Okafor' }] },
      { do: 'invoke', channel: 'clients:list', from: 'https://evil.example/', args: [] },
      { do: 'invoke', channel: 'desktop:openExternal', from: 'file:///tmp/page.html', args: ['mailto:a@example.com'] },
    ]);
    expect(outcome.failure).toBeNull();
    expect(outcome.results[2]).toMatchObject({ ok: true, value: { name: 'Amara Okafor' } });
    expect(outcome.results[3]).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Rapport.' } });
    expect(outcome.results[4]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(outcome.apis).not.toContain('shell.openExternal');
  });

  it('serves the built renderer with the CSP, answers 404 for a missing file and refuses traversal', async () => {
    const outcome = await runMain([
      ...START,
      { do: 'request', url: APP_PAGE },
      { do: 'request', url: 'app://rapport/no-such-file.js' },
      { do: 'request', url: 'app://rapport/..%2Fmain%2Fmain.js' },
      { do: 'request', url: 'app://rapport/%2e%2e%2fpreload%2fpreload.cjs' },
      { do: 'request', url: 'app://elsewhere/index.html' },
    ]);
    expect(outcome.failure).toBeNull();
    const [page, missing, ...refused] = outcome.results.slice(2) as { status: number; csp: string | null; body: string }[];
    expect(page).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(page.body).toMatch(/^<!doctype html>/i);
    expect(missing.status).toBe(404);
    for (const response of refused) expect(response).toMatchObject({ status: 404, body: 'Not found' });
  });

  it('lets the app’s pages write to the clipboard and nothing else', async () => {
    const outcome = await runMain([
      ...START,
      { do: 'permission', permission: 'clipboard-sanitized-write', url: APP_PAGE },
      { do: 'permission', permission: 'clipboard-sanitized-write', url: 'https://evil.example/' },
      { do: 'permission', permission: 'clipboard-read', url: APP_PAGE },
    ]);
    expect(outcome.results.slice(2)).toEqual([
      { requested: true, checked: true },
      { requested: false, checked: false },
      { requested: false, checked: false },
    ]);
  });

  it('pops up spelling suggestions and adds a word to the dictionary on right-click', async () => {
    const params = {
      isEditable: true,
      selectionText: '',
      misspelledWord: 'Okafr',
      dictionarySuggestions: ['Okafor'],
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    };
    const outcome = await runMain([...START, { do: 'context-menu', params, click: 2 }]);
    expect(outcome.results[2]).toEqual([
      'Okafor',
      'separator',
      'Add to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    expect(outcome.find('session.addWordToSpellCheckerDictionary')[0].detail).toBe('Okafr');
  });

  it('on quit waits for a write in flight, then releases the lock', async () => {
    const outcome = await runMain([
      ...START,
      { do: 'invoke-then-quit', channel: 'clients:create', from: APP_PAGE, args: [{ name: 'Grace Hopper' }] },
    ]);
    expect(outcome.failure).toBeNull();
    const { reason, answer } = outcome.results[2] as { reason: string; answer: { ok: boolean; value: { id: string } } };
    expect(reason).toBe('quit');
    expect(answer.ok).toBe(true);
    expect(outcome.apis.filter((api) => api === 'app.quit')).toHaveLength(2);
    expect(existsSync(join(outcome.dataDir, 'rapport.lock'))).toBe(false);
    const files = await readdir(join(outcome.dataDir, 'clients'));
    expect(files).toContain(`${answer.value.id}.json`);
  });

  it('on a Windows session end closes the data and releases the lock', async () => {
    const dirs = await userData();
    const outcome = await runMain(
      [...START, { do: 'window-event', event: 'session-end' }, { do: 'gone', path: join(dirs.dataDir, 'rapport.lock') }],
      { dirs },
    );
    expect(outcome.failure).toBeNull();
  });

  it('quits at once as a second instance, touching nothing', async () => {
    const outcome = await runMain([], { firstInstance: false });
    expect(outcome.failure).toBeNull();
    expect(outcome.apis).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    expect(existsSync(outcome.dataDir)).toBe(false);
  });

  it('shows a startup failure and quits, releasing both locks', async () => {
    const outcome = await runMain([{ do: 'ready' }, { do: 'ended' }], { failWindow: true });
    expect(outcome.failure).toBeNull();
    expect(outcome.results[1]).toBe('exit 1');
    expect(outcome.find('dialog.showErrorBox')[0].detail).toMatchObject({
      title: 'Rapport could not start',
      content: expect.stringMatching(/The window could not be created/),
    });
    expect(outcome.apis).toContain('app.releaseSingleInstanceLock');
    expect(existsSync(join(outcome.dataDir, 'rapport.lock'))).toBe(false);
  });

  it('refuses to start with a remote-debugging switch, before any data or window is opened', async () => {
    const outcome = await runMain([{ do: 'ended' }], { switches: ['remote-debugging-port'] });
    expect(outcome.failure).toBeNull();
    expect(outcome.results[0]).toBe('exit 1');
    expect(outcome.find('dialog.showErrorBox')[0].detail).toMatchObject({ content: expect.stringMatching(/remote-debugging-port/) });
    expect(outcome.apis).not.toContain('new BrowserWindow');
    expect(outcome.apis).not.toContain('app.requestSingleInstanceLock');
    expect(existsSync(outcome.dataDir)).toBe(false);
  });

  it('takes over a lock left on this computer by a crash, whatever process has its PID now', async () => {
    const dirs = await userData();
    await mkdir(dirs.dataDir, { recursive: true });
    const first = await runMain([...START, { do: 'quit' }], { dirs });
    expect(first.failure).toBeNull();
    await runMain([...START], { dirs });
    const lock = JSON.parse(await readFile(join(dirs.dataDir, 'rapport.lock'), 'utf8')) as { machineId: string };
    await writeFile(join(dirs.dataDir, 'rapport.lock'), JSON.stringify({ ...lock, pid: process.pid, hostname: 'renamed-host' }));
    const again = await runMain([...START], { dirs });
    expect(again.failure).toBeNull();
    expect(again.apis).not.toContain('dialog.showErrorBox');
  });
});
