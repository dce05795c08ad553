import { BrowserWindow } from 'electron';
import { printPageFailure, readPrintPageState, type PrintPageState } from '../shared/print-page';

const READY_TIMEOUT_MS = 20_000;

export interface PrintWindowOptions {
  /** The renderer page URL, without the hash. */
  pageUrl: string;
  preloadPath: string;
  /** Registers the window as one of the app's own, so its IPC calls are served. */
  track(window: BrowserWindow): void;
}

/**
 * Loads a print route in a hidden window with the same security settings as the main one,
 * waits until the page says its data is in, and hands it over; a page that cannot be printed
 * (see shared/print-page.ts) fails with the page's own error.
 */
export async function withPrintWindow<T>(
  route: string,
  options: PrintWindowOptions,
  use: (window: BrowserWindow) => Promise<T>,
): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  options.track(window);
  try {
    await window.loadURL(`${options.pageUrl}#${route}`);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const state = (await window.webContents.executeJavaScript(`(${readPrintPageState.toString()})()`)) as PrintPageState;
      const failure = printPageFailure(state);
      if (failure) throw failure;
      if (state.ready) break;
      if (Date.now() > deadline) throw new Error(`The print page ${route} did not finish loading.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await use(window);
  } finally {
    window.destroy();
  }
}
