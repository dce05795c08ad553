import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, pdfPageCount, pdfPageSize, pdfText, test } from './fixtures';

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-pdf-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a print view is saved as a PDF on the paper size chosen in Settings', { tag: '@pdf' }, async ({ app }) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByRole('main');
  await settings.getByLabel('Your name').fill('Sam Coach');
  await settings.getByLabel('Paper size').selectOption('Letter');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('main').getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  const clientId = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(clientId).toBeDefined();

  const pdf = join(folder, 'goals.pdf');
  await app.queueFilePath(pdf);
  const savedTo = await page.evaluate((id) => window.rapportDesktop.saveAsPdf(`/print/goals/${id}`, 'Goals.pdf'), clientId);
  expect(savedTo).toBe(basename(pdf));

  const text = await pdfText(pdf);
  expect(text).toContain('Goal checklists for Ada Lovelace');
  expect(text).toContain('Sam Coach');
  expect(text).toContain('There are no active goals to print.');
  expect(await pdfPageCount(pdf)).toBe(1);
  expect(await pdfPageSize(pdf)).toEqual({ width: 612, height: 792 });
});

test('a print view that cannot load its data fails at once with its own message, and writes no file', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('main').getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await page.getByRole('main').getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  const clientId = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];

  const pdf = join(folder, 'missing-goal.pdf');
  await app.queueFilePath(pdf);
  const started = Date.now();
  const failure = await page.evaluate(
    (id) =>
      window.rapportDesktop.saveAsPdf(`/print/goals/${id}/00000000-0000-4000-8000-000000000000`, 'Goal.pdf').then(
        () => null,
        (error: unknown) => error,
      ),
    clientId,
  );
  expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'That goal no longer exists. It may have been deleted.' });
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(await readdir(folder)).toEqual([]);
});
