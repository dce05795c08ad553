import type { Browser, BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANNELS } from '../../../shared/api';
import { DESKTOP_CHANNELS, desktopContract, type MenuCommand } from '../../../shared/api/desktop';
import { buildBridge } from '../../../shared/bridge';
import { createDispatcher, type Dispatch } from '../../../electron/core/dispatch';
import { validatedApi } from '../../../electron/core/validated-api';
import { openWorkspace, type Workspace } from '../../../electron/core/workspace';
import { pageApi } from '../../../electron/security/page-api';
import { BrowserDesktop } from './browser-desktop';
import { PROJECT_ROOT } from './choose-host';
import type { RapportHost } from './host';
import { BlockedRequests, BROWSER_ORIGIN, isLocalUrl } from './network-guard';
import { PageErrors } from './page-errors';
import { bridgeInitScript, type HostBindings } from './page-bridge';
import { fulfilFromRenderer } from './renderer-files';
import { copyAcrossContextBridge } from '../../helpers/context-bridge-copy';

const RENDERER_DIR = resolve(PROJECT_ROOT, 'out/renderer');

export interface BrowserHostOptions {
  /** Stops both clocks, the workspace's and the page's, at this moment (for stable screenshots). */
  frozenAt?: Date;
}

/**
 * The built renderer in Chromium, served from a fixed origin without a socket, with
 * window.rapport wired to a real workspace through the same dispatcher Electron's IPC uses.
 */
export async function startBrowserHost(browser: Browser, dataDir: string, options: BrowserHostOptions = {}): Promise<RapportHost> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The built renderer is missing (${RENDERER_DIR}); run "npm run build" first.`);
  }
  const blocked = new BlockedRequests();
  const errors = new PageErrors();
  // Reduced motion: no transition is caught half-way by a screenshot or an axe colour check.
  const context: BrowserContext = await browser.newContext({ reducedMotion: 'reduce' });
  errors.watch(context);
  const desktop = new BrowserDesktop({ context, paperSize: async () => (await workspace.settings.get()).paperSize });
  const { frozenAt } = options;
  const clock = frozenAt ? { now: () => new Date(frozenAt) } : {};
  const open = () => openWorkspace(dataDir, { automaticBackupPassphrase: desktop.automaticPassphrase, ...clock });
  let workspace: Workspace = await open();
  let dispatch: Dispatch = createDispatcher(pageApi(workspace, desktop.dialogTokens, (path) => desktop.openPath(path)));
  // The same validation and dispatch as Electron's main process gives its desktop channels.
  const dispatchDesktop = createDispatcher(validatedApi({ desktop: desktopContract }, { desktop }), DESKTOP_CHANNELS);

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${BROWSER_ORIGIN}/`)) return fulfilFromRenderer(route, RENDERER_DIR);
    if (isLocalUrl(url)) return route.continue();
    blocked.record(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    blocked.record(socket.url());
    return socket.close();
  });
  // Electron's IPC copies an answer in one go (structured clone: about 1 ms for the 73 kB client
  // list of a ten-year practice). Playwright would marshal it value by value through its own
  // protocol, about 1 ms per kB, and make every page wait on the harness rather than on Rapport.
  // The answers are plain JSON data, so they cross as one JSON text that the page parses.
  await context.exposeFunction('__rapportInvoke', async (channel: unknown, args: unknown) => JSON.stringify(await dispatch(channel, args)));
  await context.exposeFunction('__rapportDesktopInvoke', (channel: unknown, args: unknown) => dispatchDesktop(channel, args));
  await context.addInitScript({
    content: bridgeInitScript(buildBridge, copyAcrossContextBridge, { channels: CHANNELS, desktopChannels: DESKTOP_CHANNELS }),
  });

  if (frozenAt) await context.clock.setFixedTime(frozenAt);

  async function openPage(): Promise<Page> {
    const opened = await context.newPage();
    await opened.goto(`${BROWSER_ORIGIN}/index.html`);
    return opened;
  }

  let page = await openPage();

  return {
    host: 'browser',
    dataDir,
    get page() {
      return page;
    },
    async restart(whileClosed) {
      await page.close();
      await workspace.close();
      await whileClosed?.();
      workspace = await open();
      dispatch = createDispatcher(pageApi(workspace, desktop.dialogTokens, (path) => desktop.openPath(path)));
      page = await openPage();
    },
    async queueFilePath(path) {
      desktop.queueFilePath(path);
    },
    async menu(command: MenuCommand) {
      await page.evaluate((name) => (window as unknown as HostBindings).__rapportMenuCommand(name), command);
    },
    async printedRoutes() {
      return [...desktop.printed];
    },
    async openedUrls() {
      return [...desktop.opened];
    },
    blockedRequests: () => blocked.list(),
    uncaughtErrors: () => errors.uncaughtErrors(),
    cspRefusals: () => errors.cspRefusals(),
    async close() {
      await context.close();
      await workspace.close();
    },
  };
}
