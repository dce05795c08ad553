// Runs the built out/main/main.js under the electron stand-in (node --import ./register.mjs)
// and plays the steps given as JSON in argv[2], one after the other. Prints what the stand-in
// recorded and each step's result as one JSON line, then exits.
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { standIn } from 'electron';

const [mainPath, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const results = [];

async function until(condition, what) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );

async function play(step) {
  switch (step.do) {
    case 'ready':
      standIn.emitReady();
      return null;
    case 'window':
      await until(() => standIn.journal.some((entry) => entry.api === 'BrowserWindow.loadURL'), 'the main window');
      return null;
    case 'invoke':
      return standIn.invoke(step.channel, standIn.mainWindow(), step.from, step.args ?? []);
    case 'invoke-then-quit': {
      const call = standIn.invoke(step.channel, standIn.mainWindow(), step.from, step.args ?? []);
      const { app } = await import('electron');
      app.quit();
      const reason = await standIn.ended;
      return { reason, answer: await call };
    }
    case 'request': {
      const response = await standIn.request(step.url);
      const body = await response.text();
      return { status: response.status, csp: response.headers.get('Content-Security-Policy'), body: body.slice(0, 200) };
    }
    case 'permission': {
      const { request, check } = standIn.permissionHandlers();
      const requested = await new Promise((resolve) => request({}, step.permission, resolve, { requestingUrl: step.url }));
      return { requested, checked: check(null, step.permission, step.url, {}) };
    }
    case 'context-menu': {
      standIn.mainWindow().webContents.emit('context-menu', {}, step.params);
      const popup = standIn.lastPopup();
      if (step.click !== undefined) popup[step.click].click();
      return popup?.map((item) => item.role ?? item.label ?? item.type) ?? null;
    }
    case 'window-event':
      standIn.mainWindow().emit(step.event, {});
      return null;
    case 'gone':
      await until(async () => !(await exists(step.path)), step.path);
      return null;
    case 'ended':
      return standIn.ended;
    case 'quit': {
      const { app } = await import('electron');
      app.quit();
      return standIn.ended;
    }
    default:
      throw new Error(`Unknown step ${step.do}`);
  }
}

let failure = null;
try {
  await import(pathToFileURL(mainPath).href);
  for (const step of steps) results.push(await play(step));
} catch (error) {
  failure = String(error?.stack ?? error);
}
process.stdout.write(`SMOKE-RESULT ${JSON.stringify({ journal: standIn.journal, violations: standIn.violations, results, failure })}\n`);
process.exit(0);
