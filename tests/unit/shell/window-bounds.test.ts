import { describe, expect, it } from 'vitest';
import { restorableState } from '../../../electron/window-bounds';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const minimum = { width: 800, height: 560 };

describe('window state', () => {
  it('restores a window that is on a display', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true };
    expect(restorableState(saved, screen, minimum)).toEqual(saved);
  });

  it('drops a window left on a display that is gone', () => {
    expect(restorableState({ bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false }, screen, minimum)).toBeNull();
  });

  it.each([
    null,
    'x',
    {},
    { bounds: { x: 0, y: 0, width: 'wide', height: 600 } },
    { bounds: { x: 0, y: 0, width: 200, height: 100 } },
    { bounds: { x: NaN, y: 0, width: 900, height: 600 } },
  ])('ignores a damaged or tiny saved state %#', (saved) => {
    expect(restorableState(saved, screen, minimum)).toBeNull();
  });
});
