import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { expect, test } from './fixtures';
import { shootView, summaryTable, VIEWPORT, type Shot } from './helpers/screenshots';
import { seedPractice, type SeededPractice } from './helpers/seed-practice';

/** Width and height from a PNG's IHDR chunk (bytes 16 to 23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1'), 'a PNG file').toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// The core of `npm run screenshots` on two views, so that the review tool cannot rot unnoticed.
test('the screenshot tool pictures views of the seeded practice in both themes and scans them', async ({ app }, testInfo) => {
  let practice: SeededPractice | undefined;
  await app.restart(async () => {
    practice = await seedPractice(app.dataDir, new Date());
  });
  const { amara } = practice!;
  const outDir = testInfo.outputPath('screenshots');

  const shots: Shot[] = await shootView(app.page, { name: 'today', route: '/' }, { outDir, axe: true });
  // The seed is what was pictured: Today lists Amara's planned session.
  await expect(app.page.getByRole('main').getByRole('link', { name: amara.name }).first()).toBeVisible();
  shots.push(
    ...(await shootView(app.page, { name: `client-goals--${amara.slug}`, route: `/clients/${amara.id}?tab=goals` }, { outDir, axe: true })),
  );

  expect(shots.map((shot) => basename(shot.file))).toEqual([
    'today.light.png',
    'today.dark.png',
    'client-goals--amara.light.png',
    'client-goals--amara.dark.png',
  ]);
  for (const shot of shots) {
    const size = pngSize(await readFile(shot.file));
    expect(size.width, shot.file).toBe(VIEWPORT.width);
    expect(size.height, shot.file).toBeGreaterThanOrEqual(VIEWPORT.height);
    expect(shot.serious, `${shot.view} (${shot.theme})`).toEqual([]);
  }
  const [light, dark] = await Promise.all([readFile(shots[0].file), readFile(shots[1].file)]);
  expect(light.equals(dark), 'the dark picture differs from the light one').toBe(false);

  const table = summaryTable(shots);
  expect(table).toMatch(/^today\s+light\s+0$/m);
  expect(table).toMatch(/^client-goals--amara\s+dark\s+0$/m);
});

test('the screenshot tool reports what axe finds, in each theme', async ({ app }, testInfo) => {
  const outDir = testInfo.outputPath('screenshots');
  const nameless = async (page: typeof app.page) => {
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
  };
  const shots = await shootView(app.page, { name: 'today--nameless-button', route: '/', prepare: nameless }, { outDir, axe: true });

  expect(shots.map((shot) => shot.theme)).toEqual(['light', 'dark']);
  for (const shot of shots) expect(shot.serious.join('\n'), shot.theme).toMatch(/critical button-name/);
  expect(summaryTable(shots)).toMatch(/^today--nameless-button\s+dark\s+1$/m);
});

test('a view left with unsaved edits does not stop the next picture', async ({ app }, testInfo) => {
  const outDir = testInfo.outputPath('screenshots');
  const typeAName = async (page: typeof app.page) => {
    await page.getByRole('main').getByLabel('Name', { exact: true }).fill('Half-typed Name');
  };
  const shots = [
    ...(await shootView(app.page, { name: 'client-new--typed', route: '/clients/new', prepare: typeAName }, { outDir, axe: false }, [
      'light',
    ])),
    ...(await shootView(app.page, { name: 'today', route: '/' }, { outDir, axe: false }, ['light'])),
  ];
  expect(shots.map((shot) => basename(shot.file))).toEqual(['client-new--typed.light.png', 'today.light.png']);
  await expect(app.page.getByRole('heading', { level: 1, name: /^Today/ })).toBeVisible();
});
