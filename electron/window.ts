import { BrowserWindow, Menu } from 'electron';
import { contextMenuTemplate } from './shell/context-menu';
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
  installContextMenu(window);
  void window.loadURL(pageUrl);
  return window;
}

/** Right-click: spelling suggestions and "Add to Dictionary" (spellcheck is on), and the edit commands. */
function installContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
}
