import { describe, expect, it } from 'vitest';
import {
  CSS_PIXELS_PER_POINT,
  MAX_CANVAS_PIXELS,
  canvasResolution,
  clampPage,
  currentPageAt,
  pageForKey,
  pageScale,
  pagesNear,
  zoomPercent,
} from '../../../renderer/src/components/documents/pdf-view-state';

describe('PDF preview: pages', () => {
  it('keeps a page number between 1 and the page count', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(-3, 5)).toBe(1);
    expect(clampPage(6, 5)).toBe(5);
    expect(clampPage(2.6, 5)).toBe(3);
    expect(clampPage(Number.NaN, 5)).toBe(1);
    expect(clampPage(3, 0)).toBe(1);
  });

  it('moves one page with Page Up/Down and the arrows, to the ends with Home and End', () => {
    expect(pageForKey('PageDown', 2, 5)).toBe(3);
    expect(pageForKey('ArrowDown', 2, 5)).toBe(3);
    expect(pageForKey('ArrowRight', 2, 5)).toBe(3);
    expect(pageForKey('PageUp', 2, 5)).toBe(1);
    expect(pageForKey('ArrowUp', 2, 5)).toBe(1);
    expect(pageForKey('ArrowLeft', 2, 5)).toBe(1);
    expect(pageForKey('Home', 4, 5)).toBe(1);
    expect(pageForKey('End', 1, 5)).toBe(5);
  });

  it('stops at the first and the last page', () => {
    expect(pageForKey('PageDown', 5, 5)).toBe(5);
    expect(pageForKey('PageUp', 1, 5)).toBe(1);
    expect(pageForKey('End', 1, 1)).toBe(1);
  });

  it('leaves every other key alone', () => {
    expect(pageForKey('Enter', 2, 5)).toBeNull();
    expect(pageForKey(' ', 2, 5)).toBeNull();
    expect(pageForKey('Tab', 2, 5)).toBeNull();
    expect(pageForKey('a', 2, 5)).toBeNull();
  });

  it('is on the last page whose top has reached the upper third of the view', () => {
    const tops = [12, 1024, 2036];
    expect(currentPageAt(tops, 0, 600)).toBe(1);
    expect(currentPageAt(tops, 1024 - 12 - 200 - 1, 600)).toBe(1);
    expect(currentPageAt(tops, 1024 - 200, 600)).toBe(2);
    expect(currentPageAt(tops, 2036 - 12, 600)).toBe(3);
    expect(currentPageAt([], 0, 600)).toBe(1);
  });

  it('draws the pages in view and one view around them, not the rest', () => {
    const tops = [0, 1000, 2000, 3000, 4000, 5000];
    const heights = tops.map(() => 990);
    expect(pagesNear(tops, heights, 0, 600)).toEqual([1, 2]);
    expect(pagesNear(tops, heights, 2500, 600)).toEqual([2, 3, 4]);
    expect(pagesNear(tops, heights, 5400, 600)).toEqual([5, 6]);
  });
});

describe('PDF preview: zoom', () => {
  it('shows 100 % at the printed size: 96 CSS pixels an inch, 72 points an inch', () => {
    expect(pageScale('actual', 595, 900)).toBeCloseTo(4 / 3);
    expect(zoomPercent(CSS_PIXELS_PER_POINT)).toBe(100);
  });

  it('fits the width of the view, within sensible bounds', () => {
    expect(pageScale('fit-width', 595, 892.5)).toBeCloseTo(1.5);
    expect(zoomPercent(pageScale('fit-width', 595, 892.5))).toBe(113);
    expect(pageScale('fit-width', 595, 50)).toBe(0.25);
    expect(pageScale('fit-width', 100, 5000)).toBe(4);
  });

  it('falls back to 100 % while the view or the page has no width yet', () => {
    expect(pageScale('fit-width', 595, 0)).toBe(CSS_PIXELS_PER_POINT);
    expect(pageScale('fit-width', 0, 900)).toBe(CSS_PIXELS_PER_POINT);
  });

  it('draws sharp on a high-density screen, but never a canvas over the pixel budget', () => {
    expect(canvasResolution(800, 1100, 2)).toBe(2);
    expect(canvasResolution(800, 1100, 0.5)).toBe(1);
    // An A0 poster at 100 % (3179 × 4494 CSS pixels) on a 2× screen.
    const ratio = canvasResolution(3179, 4494, 2);
    expect(ratio).toBeLessThan(2);
    expect(3179 * ratio * 4494 * ratio).toBeCloseTo(MAX_CANVAS_PIXELS, -2);
  });
});
