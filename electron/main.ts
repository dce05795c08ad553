import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../shared/api';
import { DESKTOP_CHANNELS, desktopContract, type DesktopApi } from '../shared/api/desktop';
import { createBackupKeychain } from './backup-keychain';
import { scheduleAutomaticBackups, type AutomaticSchedule } from './core/backup/schedule';
import { createDispatcher } from './core/dispatch';
import { validatedApi } from './core/validated-api';
import { openWorkspace, type Workspace } from './core/workspace';
import { createDesktopService } from './desktop';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { closeDataOnQuit, closeDataOnSessionEnd, createShutdown, failStartup } from './lifecycle';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { configureSpellcheck } from './spellcheck';
import { refusedSwitches, refusedSwitchesMessage } from './security/command-line';
import { dataLocation } from './security/data-location';
import { DialogTokens } from './security/dialog-tokens';
import { APP_ORIGIN } from './security/origins';
import { pageApi } from './security/page-api';
import { openWithSystem } from './shell/open-document';
import { createMainWindow } from './window';
import { loadWindowState, trackWindowState } from './window-state';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDir, '../preload/preload.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const appWindowIds = new Set<number>();
let workspace: Workspace | null = null;
let automaticBackups: AutomaticSchedule | null = null;
const shutdown = createShutdown(async () => {
  await automaticBackups?.beforeQuit();
  await workspace?.close();
});

const location = () => dataLocation({ isPackaged: app.isPackaged, env: process.env, userData: app.getPath('userData') });

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function track(window: BrowserWindow): void {
  const id = window.webContents.id;
  appWindowIds.add(id);
  window.on('closed', () => appWindowIds.delete(id));
}

const focusedWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

async function openMainWindow(): Promise<void> {
  const window = createMainWindow({ preloadPath, pageUrl, state: await loadWindowState(windowStateFile()) });
  track(window);
  trackWindowState(window, windowStateFile());
  closeDataOnSessionEnd(window, shutdown);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  configureSpellcheck(session.defaultSession);
  serveRenderer(join(mainDir, '../renderer'));
  const keychain = createBackupKeychain(join(app.getPath('userData'), 'automatic-backup-key.bin'));
  const { dataDir, backupsDir } = location();
  workspace = await openWorkspace(dataDir, {
    appVersion: app.getVersion(),
    backupsDir,
    automaticBackupPassphrase: keychain.read,
    // requestSingleInstanceLock below keeps a second Rapport of this user off this computer.
    lock: { singleInstance: true },
  });
  const openWorkspaceNow = workspace;
  automaticBackups = scheduleAutomaticBackups(workspace.backup);
  const dialogTokens = new DialogTokens();
  const desktop = validatedApi<{ desktop: DesktopApi }>(
    { desktop: desktopContract },
    {
      desktop: createDesktopService({
        pageUrl,
        preloadPath,
        track,
        focusedWindow,
        paperSize: async () => (await openWorkspaceNow.settings.get()).paperSize,
        keychain,
        dialogTokens,
      }),
    },
  );
  registerIpc(CHANNELS, createDispatcher(pageApi(workspace, dialogTokens, openWithSystem)), appWindowIds, devServerUrl);
  registerIpc(DESKTOP_CHANNELS, createDispatcher(desktop, DESKTOP_CHANNELS), appWindowIds, devServerUrl);
  buildMenu(focusedWindow);
  await openMainWindow();
}

// Before anything else runs: a packaged build is driven by nothing but the coach.
const refused = app.isPackaged ? refusedSwitches(process.argv.slice(1), process.platform, (name) => app.commandLine.hasSwitch(name)) : [];
if (refused.length > 0) {
  dialog.showErrorBox('Rapport cannot start this way', refusedSwitchesMessage(refused));
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenWebContents();
  app.on('second-instance', () => {
    const window = focusedWindow();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (workspace && BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });
  closeDataOnQuit(shutdown, () => workspace !== null);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error, shutdown));
}
