import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/*
 * PDF checks read what a sheet says and where it lies, never how its lines break: line breaks
 * depend on the fonts, and a spec must pass with any font set (see README, "Fonts and tests").
 * Text is taken in the order Chromium draws it (`pdftotext -raw`), which is the page's document
 * order; poppler's reading-order and -layout modes regroup text by its position, so a line that
 * wraps or a right-aligned figure moves text around.
 */

/** Text as a reader takes it, whatever the line breaks: lines joined, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function rawText(path: string, page?: number): Promise<string> {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', ...pages, path, '-']);
  return stdout;
}

/** The whole text of a PDF, normalised (see normaliseText). */
export async function pdfText(path: string): Promise<string> {
  return normaliseText(await rawText(path));
}

/** The normalised text of each page of a PDF, the first page first. */
export async function pdfPageTexts(path: string): Promise<string[]> {
  const count = await pdfPageCount(path);
  const texts: string[] = [];
  for (let page = 1; page <= count; page += 1) texts.push(normaliseText(await rawText(path, page)));
  return texts;
}

/**
 * Where a piece of text lies in a PDF's pages (from pdfPageTexts): the page it is whole on
 * (1-based), or the page it starts on when it runs over a page break (`split`); null when the
 * PDF does not say it at all.
 */
export function placeOnPages(pages: readonly string[], text: string): { page: number; split: boolean } | null {
  const piece = normaliseText(text);
  const whole = pages.findIndex((page) => page.includes(piece));
  if (whole >= 0) return { page: whole + 1, split: false };
  const at = pages.join(' ').indexOf(piece);
  if (at < 0) return null;
  let end = 0;
  for (const [index, page] of pages.entries()) {
    end += page.length + 1;
    if (at < end) return { page: index + 1, split: true };
  }
  return null;
}

/** The number of pages of a PDF (poppler's pdfinfo). */
export async function pdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo reported no page count for ${path}`);
  return Number(match[1]);
}

/** The first page's size in points (A4 is 595 × 842, Letter 612 × 792). */
export async function pdfPageSize(path: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [path]);
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo reported no page size for ${path}`);
  return { width: Math.round(Number(match[1])), height: Math.round(Number(match[2])) };
}

/** The names of the fonts a PDF embeds, without their subset prefix (poppler's pdffonts). */
export async function pdfFontNames(path: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [path]);
  const rows = stdout
    .split('\n')
    .slice(2)
    .filter((row) => row.trim() !== '');
  return [...new Set(rows.map((row) => row.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')))];
}

/** A page drawn in 8-bit grey (poppler's pdftoppm), one byte a pixel, row after row: 0 is black, 255 white. */
export interface GreyPage {
  width: number;
  height: number;
  dpi: number;
  pixels: Buffer;
}

/** Draws one page of a PDF in grey at `dpi`, to compare what two sheets draw or find where ink starts. */
export async function pdfPageGrey(path: string, page = 1, dpi = 72): Promise<GreyPage> {
  const { stdout } = await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), path], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  // A binary PGM: "P5", width, height, the largest value, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`pdftoppm did not draw page ${page} of ${path} as a grey image`);
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), dpi, pixels: stdout.subarray(whole.length) };
}

/** The rows of a drawn page from the top down to `millimetres`: what the sheet draws there. */
export function topOfPage(page: GreyPage, millimetres: number): Buffer {
  const rows = Math.round((millimetres / 25.4) * page.dpi);
  return page.pixels.subarray(0, rows * page.width);
}

/** The first row with ink, in millimetres from the top, and how much of that row is inked (0 to 1); null for a blank page. */
export function firstInk(page: GreyPage): { millimetres: number; inked: number } | null {
  for (let row = 0; row < page.height; row += 1) {
    const line = page.pixels.subarray(row * page.width, (row + 1) * page.width);
    const dark = line.filter((value) => value < 160).length;
    if (dark > 0) return { millimetres: (row / page.dpi) * 25.4, inked: dark / page.width };
  }
  return null;
}
