import { BrowserWindow } from 'electron';
import { askBeforeClosingWithUnsavedChanges } from './unsaved-close';
import type { WindowState } from './window-bounds';
import { MIN_SIZE } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  pageUrl: string;
  state: WindowState | null;
}

export function createMainWindow({ preloadPath, pageUrl, state }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...(state?.bounds ?? { width: 1200, height: 800 }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Rapport',
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
  askBeforeClosingWithUnsavedChanges(window);
  window.once('ready-to-show', () => {
    if (state?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(pageUrl);
  return window;
}
