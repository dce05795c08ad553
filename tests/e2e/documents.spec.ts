import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { createClient, openTab } from './helpers/client-file';

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
  await page.getByRole('menuitem', { name: 'Remove…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this document?' });
  await expect(confirm).toContainText('CV Amara.txt will be removed');
  await confirm.getByRole('button', { name: 'Remove' }).click();

  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Whiteboard.png');
  await expect(panel.getByText('Removed CV Amara.txt.')).toBeAttached();
  await expect.poll(async () => (await readdir(join(app.dataDir, 'files'))).length).toBe(1);
});
