import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RapportError } from '../shared/errors';
import { createDispatcher } from './core/dispatch';
import { openWorkspace, type Workspace } from './core/workspace';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, rendererDir } from './window';

const mainDir = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appWindowIds = new Set<number>();
let workspace: Workspace | null = null;

function dataDir(): string {
  return process.env.RAPPORT_DATA_DIR || join(app.getPath('userData'), 'rapport-data');
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preloadPath: join(mainDir, '../preload/preload.cjs'), devServerUrl });
  const id = window.webContents.id;
  appWindowIds.add(id);
  window.on('closed', () => appWindowIds.delete(id));
  return window;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  serveRenderer(rendererDir(mainDir));
  try {
    workspace = await openWorkspace(dataDir(), { appVersion: app.getVersion() });
  } catch (error) {
    const message = RapportError.from(error).message;
    dialog.showErrorBox('Rapport cannot open your data', message);
    app.exit(1);
    return;
  }
  registerIpc(createDispatcher(workspace), appWindowIds, devServerUrl);
  buildMenu();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenWebContents();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (workspace && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!workspace || closing) return;
    closing = true;
    event.preventDefault();
    void workspace.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
