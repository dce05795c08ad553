import type { Locator, Page } from '@playwright/test';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { createClient, openTab } from './helpers/client-file';
import { BROWSER_ORIGIN, ELECTRON_ORIGIN } from './hosts/network-guard';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/pdf-preview');

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-pdf-preview-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Three A4 pages printed by Chromium itself, each with a block of its own colour under its title. */
async function printThreePages(page: Page, path: string): Promise<void> {
  const printer = await page.context().newPage();
  const colours = ['rgb(200, 0, 0)', 'rgb(0, 150, 0)', 'rgb(0, 0, 200)'];
  const sections = colours
    .map((colour, index) => `<section><h1>Page ${index + 1}</h1><div style="height: 120mm; background: ${colour}"></div></section>`)
    .join('');
  await printer.setContent(`<style>section { break-after: page; } h1 { font: 48px sans-serif; }</style>${sections}`);
  await printer.pdf({ path, format: 'A4', printBackground: true });
  await printer.close();
}

/**
 * A PDF written by hand, with a correct cross-reference table: `objects` are the bodies of
 * objects 1…n (1 the catalogue); a `stream` entry is given as [dictionary, data].
 */
function handMadePdf(objects: (string | [string, string])[]): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(out));
    const body =
      typeof object === 'string' ? object : `${object[0].replace('>>', `/Length ${object[1].length} >>`)}\nstream\n${object[1]}\nendstream`;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A hostile PDF: JavaScript run on opening (it would call a remote address), a link to a remote
 * address, a remote "go to" action, and text in Helvetica, a standard font it does not embed
 * (pdf.js must read it from the app's own files, not from anywhere the PDF names).
 */
const HOSTILE = handMadePdf([
  '<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(run) 6 0 R] >> >> >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [7 0 R] /AA << /O 8 0 R >> >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ['<< >>', 'BT /F1 40 Tf 72 700 Td (Hello from a hostile PDF) Tj ET 0 0 0.8 rg 72 400 300 200 re f'],
  "<< /S /JavaScript /JS (app.launchURL('https://example.com/js'); this.submitForm('https://example.com/submit');) >>",
  '<< /Type /Annot /Subtype /Link /Rect [72 400 372 600] /A << /S /URI /URI (https://example.com/link) >> >>',
  '<< /S /GoToR /F (https://example.com/remote.pdf) /D [0 /Fit] >>',
]);

/**
 * Japanese text in a font the PDF does not embed, encoded with one of Adobe's predefined
 * character maps: pdf.js needs the map's file, which the app ships and serves itself.
 */
const JAPANESE = handMadePdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
  '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
  // 履歴書 ("CV") as UCS-2 code units.
  ['<< >>', 'BT /F1 48 Tf 72 700 Td <5C6517534E66> Tj ET 0.8 0 0 rg 72 400 300 200 re f'],
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R >>',
  '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>',
]);

/** Two pages, the second of which names an object the file does not hold. */
const BROKEN_SECOND_PAGE = handMadePdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ['<< >>', '0 0.6 0 rg 72 400 300 200 re f'],
]);

/** Three short, wide pages (like slides cut in strips): the last one never reaches the top of the view. */
const SHORT_PAGES = handMadePdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /MediaBox [0 0 842 200] >>',
  '<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>',
  '<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>',
  '<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>',
  ['<< >>', '0 0 0.8 rg 20 20 300 160 re f'],
]);

/** A well-formed PDF without a single page. */
const NO_PAGES = handMadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);

/** The start of a PDF and then nothing a PDF reader could use. */
const DAMAGED = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nThis file was cut short and then overwritten.\n');

/** How many of the canvas's pixels are mostly red, green, blue, or any colour but white. */
async function inkOf(canvas: Locator): Promise<{ red: number; green: number; blue: number; ink: number }> {
  return canvas.evaluate((node: HTMLCanvasElement) => {
    const context = node.getContext('2d');
    if (!context) throw new Error('The canvas has no 2D context.');
    const { data } = context.getImageData(0, 0, node.width, node.height);
    const counts = { red: 0, green: 0, blue: 0, ink: 0 };
    for (let index = 0; index < data.length; index += 4) {
      const [r = 0, g = 0, b = 0] = [data[index], data[index + 1], data[index + 2]];
      if (r < 240 || g < 240 || b < 240) counts.ink += 1;
      if (r > 150 && g < 60 && b < 60) counts.red += 1;
      if (g > 100 && r < 60 && b < 60) counts.green += 1;
      if (b > 150 && r < 60 && g < 60) counts.blue += 1;
    }
    return counts;
  });
}

/** Collects what pdf.js's worker logs about the Content-Security-Policy (the host watches only pages). */
function watchWorkers(page: Page): string[] {
  const refused: string[] = [];
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    }),
  );
  return refused;
}

async function attach(app: { queueFilePath(path: string): Promise<void> }, panel: Locator, paths: string[]): Promise<void> {
  for (const path of paths) await app.queueFilePath(path);
  await panel.getByRole('button', { name: 'Attach files…' }).first().click();
  await expect(panel.getByText(paths.length === 1 ? /^Attached / : `Attached ${paths.length} documents.`)).toBeAttached();
}

async function preview(page: Page, panel: Locator, name: string): Promise<Locator> {
  await panel.getByRole('button', { name: `More for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Preview' }).click();
  return page.getByRole('dialog', { name });
}

test('a coach previews a three-page PDF: pages drawn, buttons, keys and zoom', async ({ app }) => {
  const { page } = app;
  const workerRefusals = watchWorkers(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const cv = join(folder, 'CV Amara.pdf');
  await printThreePages(page, cv);

  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [cv]);
  const dialog = await preview(page, panel, 'CV Amara.pdf');

  await expect(dialog.getByRole('status').filter({ hasText: /^Page \d of 3$/ })).toHaveText('Page 1 of 3');
  const first = dialog.getByRole('img', { name: 'Page 1 of 3 of CV Amara.pdf' });
  await expect(first).toBeVisible();
  await expect.poll(async () => (await inkOf(first)).red).toBeGreaterThan(10_000);
  const ink = await inkOf(first);
  expect(ink.green + ink.blue, 'page 1 shows its own block only').toBe(0);
  // Lazy: the last page, more than a view's height below, is not drawn yet.
  await expect(dialog.getByRole('img', { name: 'Page 3 of 3 of CV Amara.pdf' })).toHaveCount(0);
  await expectAccessible(page);

  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect(dialog.getByText('Page 2 of 3')).toBeVisible();
  const second = dialog.getByRole('img', { name: 'Page 2 of 3 of CV Amara.pdf' });
  await expect(second).toBeInViewport();
  await expect.poll(async () => (await inkOf(second)).green).toBeGreaterThan(10_000);

  const pages = dialog.getByRole('region', { name: /^Pages of CV Amara\.pdf/ });
  await pages.focus();
  await page.keyboard.press('PageDown');
  await expect(dialog.getByText('Page 3 of 3')).toBeVisible();
  const third = dialog.getByRole('img', { name: 'Page 3 of 3 of CV Amara.pdf' });
  await expect(third).toBeInViewport();
  await expect.poll(async () => (await inkOf(third)).blue).toBeGreaterThan(10_000);
  // ...and page 1, now far above the view, has given its canvas back.
  await expect(first).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.keyboard.press('PageDown');
  await expect(dialog.getByText('Page 3 of 3')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(dialog.getByText('Page 2 of 3')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByText('Page 1 of 3')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByText('Page 2 of 3')).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByText('Page 1 of 3')).toBeVisible();
  await page.keyboard.press('End');
  await expect(dialog.getByText('Page 3 of 3')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(dialog.getByText('Page 1 of 3')).toBeVisible();

  // 100 %: an A4 page (210 mm) is 794 CSS pixels wide; fit width makes it as wide as the view.
  const fit = dialog.getByRole('button', { name: /^Fit width/ });
  const actual = dialog.getByRole('button', { name: '100 %' });
  await expect(fit).toHaveAttribute('aria-pressed', 'true');
  const fittedWidth = await first.evaluate((node) => node.getBoundingClientRect().width);
  const viewWidth = await pages.evaluate((node) => node.clientWidth);
  expect(fittedWidth).toBeGreaterThan(viewWidth - 40);
  expect(fittedWidth).toBeLessThanOrEqual(viewWidth);
  await actual.click();
  await expect(actual).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() =>
      dialog
        .locator('.pdf-page')
        .first()
        .evaluate((node) => Math.abs(node.getBoundingClientRect().width - 794)),
    )
    .toBeLessThanOrEqual(1);
  await expect
    .poll(async () => (await inkOf(dialog.getByRole('img', { name: 'Page 1 of 3 of CV Amara.pdf' }))).red)
    .toBeGreaterThan(10_000);
  await fit.click();
  await expect(fit).toHaveAttribute('aria-pressed', 'true');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Closing the preview ends pdf.js's worker.
  expect(page.workers().length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.workers().length).toBe(0);

  const origin = app.host === 'browser' ? BROWSER_ORIGIN : ELECTRON_ORIGIN;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(workerRefusals).toEqual([]);
});

test('a hostile PDF is drawn without running its script or reaching the network', async ({ app }) => {
  const { page } = app;
  const workerRefusals = watchWorkers(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('popup', (popup) => requests.push(`popup ${popup.url()}`));
  const file = join(folder, 'Offer letter.pdf');
  await writeFile(file, HOSTILE);

  await createClient(page, 'Jonas Berg');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [file]);
  const dialog = await preview(page, panel, 'Offer letter.pdf');
  const canvas = dialog.getByRole('img', { name: 'Page 1 of 1 of Offer letter.pdf' });
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await inkOf(canvas)).blue).toBeGreaterThan(10_000);
  // The text in Helvetica was drawn with the font pdf.js read from the app's own files.
  await expect.poll(async () => (await inkOf(canvas)).ink).toBeGreaterThan((await inkOf(canvas)).blue + 500);
  expect(requests.some((url) => /\/assets\/LiberationSans-Regular-[\w-]+\.ttf$/.test(url))).toBe(true);
  await canvas.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.workers().length).toBe(0);

  const origin = app.host === 'browser' ? BROWSER_ORIGIN : ELECTRON_ORIGIN;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(await app.openedUrls()).toEqual([]);
  expect(workerRefusals).toEqual([]);
});

test('a PDF in Japanese reads its character map from the app’s own files', async ({ app }) => {
  const { page } = app;
  const workerRefusals = watchWorkers(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const file = join(folder, 'Rirekisho.pdf');
  await writeFile(file, JAPANESE);

  await createClient(page, 'Mei Tanaka');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [file]);
  const dialog = await preview(page, panel, 'Rirekisho.pdf');
  const canvas = dialog.getByRole('img', { name: 'Page 1 of 1 of Rirekisho.pdf' });
  await expect.poll(async () => (await inkOf(canvas)).red).toBeGreaterThan(10_000);
  expect(requests.some((url) => /\/assets\/UniJIS-UCS2-H-[\w-]+\.bcmap$/.test(url))).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.workers().length).toBe(0);
  expect(workerRefusals).toEqual([]);
});

test('a PDF with one unreadable page shows the others and says which one failed', async ({ app }) => {
  const { page } = app;
  const file = join(folder, 'Half a letter.pdf');
  await writeFile(file, BROKEN_SECOND_PAGE);
  await createClient(page, 'Tom Reyes');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [file]);
  const dialog = await preview(page, panel, 'Half a letter.pdf');
  const first = dialog.getByRole('img', { name: 'Page 1 of 2 of Half a letter.pdf' });
  await expect.poll(async () => (await inkOf(first)).green).toBeGreaterThan(10_000);
  // Page 2 is fetched only once it comes near the view.
  await dialog.getByRole('button', { name: 'Next page' }).click();
  await expect(dialog.getByText('Page 2 could not be drawn.')).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => page.workers().length).toBe(0);
});

test('short pages: the last page can be reached and is shown as current', async ({ app }) => {
  const { page } = app;
  const file = join(folder, 'Strips.pdf');
  await writeFile(file, SHORT_PAGES);
  await createClient(page, 'Lucia Ferrante');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [file]);
  const dialog = await preview(page, panel, 'Strips.pdf');
  await expect(dialog.getByRole('img')).toHaveCount(3);
  const next = dialog.getByRole('button', { name: 'Next page' });
  await next.click();
  await expect(dialog.getByText('Page 2 of 3')).toBeVisible();
  await next.click();
  await expect(dialog.getByText('Page 3 of 3')).toBeVisible();
  await expect(next).toBeDisabled();
  // The disabled button cannot keep focus: the pages take it, so the keys go on working.
  await expect(dialog.getByRole('region', { name: /^Pages of Strips\.pdf/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(dialog.getByText('Page 1 of 3')).toBeVisible();
  await page.keyboard.press('End');
  await expect(dialog.getByText('Page 3 of 3')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('a damaged, a password-protected and an empty PDF each get a clear message and other ways to see them', async ({ app }) => {
  const { page } = app;
  const workerRefusals = watchWorkers(page);
  const damaged = join(folder, 'Job description.pdf');
  const locked = join(folder, 'Assessment.pdf');
  const empty = join(folder, 'Blank.pdf');
  await writeFile(damaged, DAMAGED);
  await copyFile(join(FIXTURES, 'password-protected.pdf'), locked);
  await writeFile(empty, NO_PAGES);

  await createClient(page, 'Lena Novak');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [damaged, locked, empty]);

  const cases = [
    ['Job description.pdf', 'it is not a readable PDF'],
    ['Assessment.pdf', 'is protected by a password'],
    ['Blank.pdf', 'has no pages to show'],
  ] as const;
  for (const [name, message] of cases) {
    const dialog = await preview(page, panel, name);
    await expect(dialog.getByRole('alert')).toContainText(message);
    await expect(dialog.getByRole('img')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Open' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save a copy…' })).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }

  // Save a copy from the message: the dialog closes and the tab's own save runs.
  const target = join(folder, 'saved.pdf');
  await app.queueFilePath(target);
  const dialog = await preview(page, panel, 'Job description.pdf');
  await dialog.getByRole('button', { name: 'Save a copy…' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Saved a copy as saved.pdf.')).toBeAttached();
  await expect.poll(() => page.workers().length).toBe(0);
  expect(workerRefusals).toEqual([]);
});

test('a PDF too large to preview is offered Open and Save a copy, without being read', async ({ app }) => {
  const { page } = app;
  const big = join(folder, 'Portfolio.pdf');
  // 26 MB: past the 25 MB that main reads for a preview; the bytes behind the header do not matter.
  await writeFile(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024, 0x20)]));
  await createClient(page, 'Omar Haddad');
  const panel = await openTab(page, 'Documents');
  await attach(app, panel, [big]);
  const dialog = await preview(page, panel, 'Portfolio.pdf');
  await expect(dialog).toContainText('Portfolio.pdf is 27 MB, too large to preview here (previews show files up to 26 MB).');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await expect(dialog.getByRole('button', { name: 'Open' })).toBeVisible();
  const target = join(folder, 'portfolio copy.pdf');
  await app.queueFilePath(target);
  await dialog.getByRole('button', { name: 'Save a copy…' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Saved a copy as portfolio copy.pdf.')).toBeAttached();
  expect(page.workers()).toEqual([]);
});
