import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { MENU_CHANNEL, type MenuCommand } from '../../../shared/api/desktop';
import { PROJECT_ROOT } from './choose-host';
import type { RapportHost } from './host';
import { BlockedRequests, isLocalUrl } from './network-guard';
import { PageErrors } from './page-errors';

/** What the stubs installed in the main process keep, on `globalThis.__rapportE2e`. */
interface MainProcessRecord {
  paths: string[];
  printed: string[];
  opened: string[];
}

/**
 * Replaces the OS-facing parts of Electron's main process (dialogs, printing, shell) with
 * stand-ins that answer from queued paths and record what the app asked for.
 */
async function installStubs(app: ElectronApplication, queuedPaths: readonly string[]): Promise<void> {
  await app.evaluate(({ dialog, shell, webContents }, paths) => {
    const record: MainProcessRecord = { paths: [...paths], printed: [], opened: [] };
    (globalThis as unknown as { __rapportE2e: MainProcessRecord }).__rapportE2e = record;
    dialog.showSaveDialog = async () => {
      const filePath = record.paths.shift();
      return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
    };
    dialog.showOpenDialog = async () => {
      const filePath = record.paths.shift();
      return filePath ? { canceled: false, filePaths: [filePath] } : { canceled: true, filePaths: [] };
    };
    shell.openExternal = async (url: string) => {
      record.opened.push(url);
    };
    const [anyContents] = webContents.getAllWebContents();
    if (anyContents) {
      const prototype = Object.getPrototypeOf(anyContents) as { print: Electron.WebContents['print'] };
      prototype.print = function (this: Electron.WebContents, _options, callback) {
        record.printed.push(new URL(this.getURL()).hash.replace(/^#/, ''));
        callback?.(true, '');
      };
    }
  }, queuedPaths);
}

function readRecord(app: ElectronApplication): Promise<MainProcessRecord> {
  return app.evaluate(() => (globalThis as unknown as { __rapportE2e: MainProcessRecord }).__rapportE2e);
}

/** The built app itself, launched by Playwright with its data directory pointed at dataDir. */
export async function startElectronHost(
  executablePath: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RapportHost> {
  const blocked = new BlockedRequests();
  const errors = new PageErrors();
  const queuedPaths: string[] = [];
  let app: ElectronApplication;
  let page: Page;

  async function launch(): Promise<void> {
    const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await _electron.launch({
      executablePath,
      args: [...sandboxArgs, '.'],
      cwd: PROJECT_ROOT,
      env: { ...env, RAPPORT_DATA_DIR: dataDir },
    });
    // The app cancels these itself (electron/hardening.ts); recording them fails the spec anyway.
    app.context().on('request', (request) => {
      if (!isLocalUrl(request.url())) blocked.record(request.url());
    });
    errors.watch(app.context());
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await installStubs(app, queuedPaths.splice(0));
  }

  await launch();

  return {
    host: 'electron',
    dataDir,
    get page() {
      return page;
    },
    async restart(whileClosed) {
      const { paths } = await readRecord(app);
      queuedPaths.push(...paths);
      await app.close();
      await whileClosed?.();
      await launch();
    },
    async queueFilePath(path) {
      await app.evaluate((_modules, next) => {
        (globalThis as unknown as { __rapportE2e: MainProcessRecord }).__rapportE2e.paths.push(next);
      }, path);
    },
    async menu(command: MenuCommand) {
      await app.evaluate(
        ({ BrowserWindow }, { channel, name }) => {
          const [window] = BrowserWindow.getAllWindows();
          window.webContents.send(channel, name);
        },
        { channel: MENU_CHANNEL, name: command },
      );
    },
    async printedRoutes() {
      return (await readRecord(app)).printed;
    },
    async openedUrls() {
      return (await readRecord(app)).opened;
    },
    blockedRequests: () => blocked.list(),
    uncaughtErrors: () => errors.uncaughtErrors(),
    cspRefusals: () => errors.cspRefusals(),
    async close() {
      await app.close();
    },
  };
}
