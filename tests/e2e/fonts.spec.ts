import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, pdfFontNames, pdfText, test } from './fixtures';
import { openAgendaOfNewSession, saveLetterhead, startFromTemplate } from './helpers/agenda-setup';

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-fonts-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface FontRecord {
  serifAtReady?: string[];
}

/**
 * Runs in the page before its own scripts: notes which faces of the bundled serif had loaded at
 * the very moment the print page said it was ready (a mutation observer runs before any font
 * load could finish after that), which is when the print window makes the PDF.
 */
function recordSerifAtReady(): void {
  const record = window as unknown as FontRecord;
  new MutationObserver(() => {
    if (record.serifAtReady || document.body.dataset.printReady !== 'true') return;
    record.serifAtReady = [...document.fonts]
      .filter((face) => face.family.replace(/["']/g, '') === 'Source Serif 4' && face.status === 'loaded')
      .map((face) => `${face.weight} ${face.style}`);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-print-ready'] });
}

/** Each element of the page with text of its own whose font list does not start with the bundled serif. */
function textNotInTheSerif(): string[] {
  const offenders: string[] = [];
  for (const element of document.querySelectorAll('#app *')) {
    const own = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    const family = getComputedStyle(element).fontFamily;
    if (own && !family.startsWith('"Source Serif 4"'))
      offenders.push(`<${element.tagName.toLowerCase()}> “${own.slice(0, 40)}”: ${family}`);
  }
  return offenders;
}

test('every printed sheet sets its text in the bundled serif, loaded before it says it is ready', { tag: '@fonts' }, async ({ app }) => {
  const { page } = app;
  await saveLetterhead(page, {
    coachName: 'Sam Coach',
    businessName: 'Northwind Careers',
    contactLine: 'sam@northwind.example',
    paperSize: 'A4',
  });
  const { clientId, sessionId } = await openAgendaOfNewSession(page, 'Grace Hopper');
  await startFromTemplate(page, 'First session');

  const sheets = {
    agenda: `/print/agenda/${clientId}/${sessionId}`,
    'goal checklist': `/print/goals/${clientId}`,
    'client file': `/print/client/${clientId}`,
    'feedback sheet': `/print/feedback/${clientId}`,
    'hours log': '/print/hours',
  };
  const appUrl = page.url().split('#')[0];
  await page.addInitScript(recordSerifAtReady);
  for (const [sheet, route] of Object.entries(sheets)) {
    // A fresh document each time, so that no sheet finds the faces loaded by the one before.
    await page.goto(`${appUrl}#${route}`);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.printReady === 'true');
    const loaded = await page.evaluate(() => (window as unknown as FontRecord).serifAtReady);
    expect(loaded, `the faces of Source Serif 4 the ${sheet} had loaded when it said it was ready`).toEqual(
      expect.arrayContaining(['400 normal', '700 normal']),
    );
    expect(await page.evaluate(textNotInTheSerif), `text of the ${sheet} not set in Source Serif 4`).toEqual([]);
  }
});

test(
  'letters the bundled serif lacks are drawn by the system’s fonts, only DejaVu when restricted',
  { tag: ['@fonts', '@pdf'] },
  async ({ app, fontconfigFile }) => {
    const { page } = app;
    const name = 'Σοφία Παπαδοπούλου';
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('main').getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name })).toBeVisible();
    const clientId = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(clientId).toBeDefined();

    const pdf = join(folder, 'feedback.pdf');
    await app.queueFilePath(pdf);
    expect(await page.evaluate((id) => window.rapportDesktop.saveAsPdf(`/print/feedback/${id}`, 'Feedback.pdf'), clientId)).toBe(
      basename(pdf),
    );
    // The sheet addresses the client by first name.
    expect(await pdfText(pdf)).toContain(`For ${name.split(' ')[0]}`);

    const fonts = await pdfFontNames(pdf);
    expect(fonts).toEqual(expect.arrayContaining(['SourceSerif4-Regular', 'SourceSerif4-Bold']));
    const fallbacks = fonts.filter((font) => !font.startsWith('SourceSerif4-'));
    expect(fallbacks, 'a system font for the Greek letters').not.toEqual([]);
    if (fontconfigFile) {
      expect(
        fallbacks.filter((font) => !font.startsWith('DejaVu')),
        `fonts that ${fontconfigFile} does not offer`,
      ).toEqual([]);
    }
  },
);

test('the interface sets its text in the bundled Inter', { tag: '@fonts' }, async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  const { family, loaded } = await page.evaluate(async () => {
    await document.fonts.ready;
    const heading = document.querySelector('main h1');
    return {
      family: heading ? getComputedStyle(heading).fontFamily : '',
      loaded: [...document.fonts]
        .filter((face) => face.family.replace(/["']/g, '') === 'Inter' && face.status === 'loaded')
        .map((face) => `${face.weight} ${face.style}`),
    };
  });
  expect(family).toMatch(/^Inter,/);
  expect(loaded).toEqual(expect.arrayContaining(['400 normal']));
});
