import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { createClient, openTab } from './helpers/client-file';

// A 2×2 red PNG: real image bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==', 'base64');

let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-recovery-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('a file damaged on disk shows as damaged and is recovered from the automatic backup', async ({ app }, testInfo) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  let panel = await openTab(page, 'Documents');
  const photo = join(folder, 'Whiteboard.png');
  await writeFile(photo, PNG);
  await app.queueFilePath(photo);
  await panel.getByRole('button', { name: 'Attach files…' }).click();
  await expect(panel.locator('.document')).toHaveCount(1);
  // Setup only: the app makes this backup itself at start, once a day and when it quits.
  await page.evaluate(() => window.rapport.backup.runAutomatic('quit'));

  // A failing disk changes the stored bytes under the app.
  const filesDir = join(app.dataDir, 'files');
  const [stored] = await readdir(filesDir);
  await writeFile(join(filesDir, stored), Buffer.alloc(PNG.length, 0x5a));
  await openTab(page, 'Profile');
  panel = await openTab(page, 'Documents');

  const row = panel.locator('.document');
  await expect(row.locator('.badge.danger')).toHaveText('Damaged');
  await expect(row).toContainText('the stored file no longer matches what was attached');
  await expect(row.getByRole('button', { name: 'Open Whiteboard.png' })).toHaveCount(0);
  const recover = row.getByRole('button', { name: /^Recover from backup: Whiteboard\.png, from the automatic backup of / });
  await expect(recover).toHaveText('Recover from backup');
  await expect(row).toContainText('From the automatic backup of');
  await expectAccessible(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await panel.screenshot({ path: testInfo.outputPath(`damaged.${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await recover.click();
  await expect(
    page.getByRole('region', { name: /^Notifications/ }).getByText(/^Recovered Whiteboard\.png from the automatic backup of /),
  ).toBeVisible();
  await expect(row.locator('.badge.danger')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Open Whiteboard.png' })).toBeVisible();
  expect(await readFile(join(filesDir, stored))).toEqual(PNG);
  expect(await readdir(filesDir)).toEqual([stored]);
});
