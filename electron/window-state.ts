import { screen, type BrowserWindow } from 'electron';
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from './core/durable-write';
import { restorableState, type WindowState } from './window-bounds';

export const MIN_SIZE = { width: 800, height: 560 };

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const saved: unknown = JSON.parse(await readFile(file, 'utf8'));
    return restorableState(
      saved,
      screen.getAllDisplays().map((display) => display.workArea),
      MIN_SIZE,
    );
  } catch {
    return null;
  }
}

/** Saves the window's size and position (debounced) so the next start opens it in the same place. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    void writeFileDurably(file, JSON.stringify(state)).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
