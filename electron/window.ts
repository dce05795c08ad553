import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './security/origins';

export interface WindowOptions {
  preloadPath: string;
  devServerUrl?: string;
}

export function createMainWindow({ preloadPath, devServerUrl }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Rapport',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export function rendererDir(mainDir: string): string {
  return join(mainDir, '../renderer');
}
