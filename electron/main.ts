import { app, BrowserWindow, dialog, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../shared/api';
import { DESKTOP_CHANNELS, desktopContract, type DesktopApi } from '../shared/api/desktop';
import { RapportError } from '../shared/errors';
import { createBackupKeychain } from './backup-keychain';
import { scheduleAutomaticBackups, type AutomaticSchedule } from './core/backup/schedule';
import { createDispatcher } from './core/dispatch';
import { validatedApi } from './core/validated-api';
import { openWorkspace, type Workspace } from './core/workspace';
import { createDesktopService } from './desktop';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN } from './security/origins';
import { createMainWindow } from './window';
import { loadWindowState, trackWindowState } from './window-state';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDir, '../preload/preload.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const appWindowIds = new Set<number>();
let workspace: Workspace | null = null;
let automaticBackups: AutomaticSchedule | null = null;

function dataDir(): string {
  return process.env.RAPPORT_DATA_DIR || join(app.getPath('userData'), 'rapport-data');
}

/** Beside the data directory, as docs/backups.md puts it: `userData/backups`. */
function backupsDir(): string {
  return process.env.RAPPORT_DATA_DIR ? join(dirname(dataDir()), 'backups') : join(app.getPath('userData'), 'backups');
}

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
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  serveRenderer(join(mainDir, '../renderer'));
  const keychain = createBackupKeychain(join(app.getPath('userData'), 'automatic-backup-key.bin'));
  try {
    workspace = await openWorkspace(dataDir(), {
      appVersion: app.getVersion(),
      backupsDir: backupsDir(),
      automaticBackupPassphrase: keychain.read,
    });
  } catch (error) {
    dialog.showErrorBox('Rapport cannot open your data', RapportError.from(error).message);
    app.exit(1);
    return;
  }
  const openWorkspaceNow = workspace;
  automaticBackups = scheduleAutomaticBackups(workspace.backup);
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
      }),
    },
  );
  registerIpc(CHANNELS, createDispatcher(workspace), appWindowIds, devServerUrl);
  registerIpc(DESKTOP_CHANNELS, createDispatcher(desktop, DESKTOP_CHANNELS), appWindowIds, devServerUrl);
  buildMenu(focusedWindow);
  await openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
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
  let closing = false;
  app.on('will-quit', (event) => {
    if (!workspace || closing) return;
    closing = true;
    event.preventDefault();
    const open = workspace;
    const finish = async () => {
      await automaticBackups?.beforeQuit();
      await open.close();
    };
    void finish().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
