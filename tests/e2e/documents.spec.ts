import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { createClient, openTab, scheduleSession } from './helpers/client-file';

// A 2×2 red PNG: real image bytes, so main sniffs image/png and the tab offers a preview.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-documents-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a coach attaches two files from the dialog, previews the image, and removes one', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Documents');
  await expect(panel.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await expectAccessible(page);

  const cv = join(folder, 'CV Amara.txt');
  const photo = join(folder, 'Whiteboard.png');
  await writeFile(cv, 'Amara Okafor. Skills: SQL, Python, stakeholder interviews.');
  await writeFile(photo, PNG);
  await app.queueFilePath(cv);
  await app.queueFilePath(photo);
  await panel.getByRole('button', { name: 'Attach files…' }).click();

  await expect(panel.getByText('Attached 2 documents.')).toBeAttached();
  const rows = panel.locator('.document');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'CV Amara.txt' })).toContainText('CV');
  await expect(rows.filter({ hasText: 'Whiteboard.png' })).toContainText('PNG image');
  expect(await readdir(join(app.dataDir, 'files'))).toHaveLength(2);
  await expectAccessible(page);

  await panel.getByRole('button', { name: 'More for Whiteboard.png' }).click();
  await page.getByRole('menuitem', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'Whiteboard.png' });
  const image = preview.getByRole('img', { name: 'Preview of Whiteboard.png' });
  await expect(image).toBeVisible();
  // The CSP allows data: images; a refused or broken image has no natural width.
  await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.naturalWidth)).toBe(2);
  await preview.getByRole('button', { name: 'Close' }).click();

  await panel.getByRole('button', { name: 'More for CV Amara.txt' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Whiteboard.png');
  await expect(panel.getByText('Removed CV Amara.txt.')).toBeAttached();
  // Removed at once, no question asked; the file waits for the undo.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await readdir(join(app.dataDir, 'files'))).toHaveLength(2);

  const toast = page.locator('.toast').filter({ hasText: 'Removed CV Amara.txt' });
  await expect(toast).toBeVisible();
  await expectAccessible(page);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'CV Amara.txt' })).toContainText('CV');
  await expect(panel.locator('[data-record-id]:focus')).toContainText('CV Amara.txt');
});

test('a coach is told which documents search cannot find by their text, once main has read them', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  const panel = await openTab(page, 'Documents');
  // Real files from the corpus (tests/fixtures/documents/README.md): a text PDF, a scan, a locked PDF.
  for (const [fixture, name] of [
    ['cv-en-libreoffice.pdf', 'CV Amara.pdf'],
    ['scan-image-only.pdf', 'Reference (scan).pdf'],
    ['encrypted-password.pdf', 'Offer letter.pdf'],
  ]) {
    await copyFile(join(import.meta.dirname, '../fixtures/documents', fixture), join(folder, name));
    await app.queueFilePath(join(folder, name));
  }
  await panel.getByRole('button', { name: 'Attach files…' }).click();
  const rows = panel.locator('.document');
  await expect(rows).toHaveCount(3);

  // The words change by themselves once the background reading is done.
  await expect(panel.getByText('Reading its text…')).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Reference (scan).pdf' })).toContainText(
    'No text found: it may be a scan. Search finds it by its name and label only.',
  );
  await expect(rows.filter({ hasText: 'Offer letter.pdf' })).toContainText(
    'Its text could not be read (it is protected by a password). Search finds it by its name and label only.',
  );
  await expect(rows.filter({ hasText: 'CV Amara.pdf' }).locator('.document-text')).toHaveCount(0);
  await expectAccessible(page);
});

test('a coach links a document to a session and goes back and forth between them', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  await scheduleSession(page, { date: '2030-03-04', time: '10:00', mode: 'Video', place: 'https://meet.example/amara' });

  const panel = await openTab(page, 'Documents');
  const cv = join(folder, 'CV Amara.txt');
  await writeFile(cv, 'Amara Okafor. Skills: SQL.');
  await app.queueFilePath(cv);
  await panel.getByRole('button', { name: 'Attach files…' }).click();
  await expect(panel.locator('.document')).toHaveCount(1);

  await panel.getByRole('button', { name: 'More for CV Amara.txt' }).click();
  await page.getByRole('menuitem', { name: 'Edit or link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit document' });
  await dialog.getByLabel('Session').selectOption({ index: 1 });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  const chip = panel.getByRole('link', { name: /^Session: / });
  await expect(chip).toBeVisible();
  await chip.click();
  const sessions = page.getByRole('tabpanel');
  const card = sessions.getByRole('listitem').filter({ hasText: 'https://meet.example/amara' });
  await expect(card).toBeFocused();
  await card.getByRole('link', { name: '1 document' }).click();

  const filtered = page.getByRole('tabpanel');
  await expect(filtered.getByText(/Showing the documents linked to the session of/)).toBeVisible();
  await expect(filtered.locator('.document')).toHaveCount(1);
  await filtered.getByRole('link', { name: 'Show all documents' }).click();
  await expect(page.getByText(/Showing the documents linked to/)).toHaveCount(0);
});
