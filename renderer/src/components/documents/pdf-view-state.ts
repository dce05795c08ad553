/** How the pages of a previewed PDF are sized: as wide as the preview, or at their printed size. */
export type PdfZoom = 'fit-width' | 'actual';

/** CSS pixels per PDF point: "100 %" shows a page at its printed size (96 px an inch, 72 pt an inch). */
export const CSS_PIXELS_PER_POINT = 96 / 72;
/** Pages are never drawn smaller than this, so a very narrow window still shows something legible. */
const MIN_SCALE = 0.25;
/** Nor larger: a tiny page "fitted" to a wide window would otherwise need a huge canvas. */
const MAX_SCALE = 4;
/**
 * At most this many canvas pixels for one page (width × height × the screen's pixel ratio²), so
 * an A0 poster at 100 % on a high-density screen does not ask for a gigabyte of canvas.
 */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

/** The page number from 1 to `count` nearest to `page` (1 when there are no pages). */
export function clampPage(page: number, count: number): number {
  if (count < 1 || !Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.round(page), 1), count);
}

/** The page a key takes the reader to, or null when the key does not move between pages. */
export function pageForKey(key: string, page: number, count: number): number | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowDown':
    case 'ArrowRight':
      return clampPage(page + 1, count);
    case 'PageUp':
    case 'ArrowUp':
    case 'ArrowLeft':
      return clampPage(page - 1, count);
    case 'Home':
      return 1;
    case 'End':
      return clampPage(count, count);
    default:
      return null;
  }
}

/**
 * The scale at which pdf.js lays out a page (its viewport at scale 1 is in points):
 * fit width fills `availableWidth` CSS pixels, 100 % is the printed size.
 */
export function pageScale(zoom: PdfZoom, pageWidthPoints: number, availableWidth: number): number {
  if (zoom === 'actual' || pageWidthPoints <= 0 || availableWidth <= 0) return CSS_PIXELS_PER_POINT;
  return Math.min(Math.max(availableWidth / pageWidthPoints, MIN_SCALE), MAX_SCALE);
}

/** "100 %" or "Fit width (84 %)": the zoom as the toolbar says it, relative to the printed size. */
export function zoomPercent(scale: number): number {
  return Math.round((scale / CSS_PIXELS_PER_POINT) * 100);
}

/**
 * The canvas's backing resolution for a page of `cssWidth` × `cssHeight` CSS pixels: sharp on a
 * high-density screen, but never above MAX_CANVAS_PIXELS.
 */
export function canvasResolution(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const ratio = Math.max(devicePixelRatio, 1);
  const area = cssWidth * cssHeight * ratio * ratio;
  return area <= MAX_CANVAS_PIXELS ? ratio : ratio * Math.sqrt(MAX_CANVAS_PIXELS / area);
}

/**
 * The page the reader is on, from where each page's frame sits: the last page whose top edge has
 * reached the upper third of the view (so a page counts once most of the view shows it).
 */
export function currentPageAt(pageTops: readonly number[], scrollTop: number, viewHeight: number): number {
  const line = scrollTop + viewHeight / 3;
  let page = 1;
  for (const [index, top] of pageTops.entries()) {
    if (top <= line) page = index + 1;
    else break;
  }
  return page;
}

/** The pages worth drawing: those in view and one view's height above and below it. */
export function pagesNear(pageTops: readonly number[], pageHeights: readonly number[], scrollTop: number, viewHeight: number): number[] {
  const from = scrollTop - viewHeight;
  const to = scrollTop + 2 * viewHeight;
  const pages: number[] = [];
  for (const [index, top] of pageTops.entries()) {
    const bottom = top + (pageHeights[index] ?? 0);
    if (bottom >= from && top <= to) pages.push(index + 1);
  }
  return pages;
}
