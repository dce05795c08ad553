import { expect, test } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../e2e/hosts/choose-host';
import { launchChromium } from '../e2e/hosts/chromium';
import { startBrowserHost } from '../e2e/hosts/browser-host';
import type { RapportHost } from '../e2e/hosts/host';
import { SEED_NOW, seedPractice } from '../e2e/helpers/seed-practice';
import { emptyPracticeViews, practiceViews, shootView, summaryTable, type Shot, type View } from '../e2e/helpers/screenshots';

const OUT_DIR = join(PROJECT_ROOT, 'screenshots');
const axeGate = process.env.RAPPORT_SCREENSHOTS_AXE_GATE !== '0';

test('every view and sheet, light and dark', async () => {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const root = await mkdtemp(join(tmpdir(), 'rapport-screenshots-'));
  const browser = await launchChromium();
  const shots: Shot[] = [];
  const problems: string[] = [];

  async function shootAll(host: RapportHost, views: (page: RapportHost['page']) => Promise<View[]>): Promise<void> {
    try {
      for (const view of await views(host.page)) {
        shots.push(...(await shootView(host.page, view, { outDir: OUT_DIR, axe: true })));
      }
    } finally {
      await host.close();
      problems.push(...host.uncaughtErrors().map((error) => `uncaught error: ${error}`));
      problems.push(...host.blockedRequests().map((url) => `request to a non-local origin: ${url}`));
    }
  }

  try {
    const emptyDir = join(root, 'empty', 'rapport-data');
    await shootAll(await startBrowserHost(browser, emptyDir, { frozenAt: SEED_NOW }), async () => emptyPracticeViews());

    const practiceDir = join(root, 'practice', 'rapport-data');
    const practice = await seedPractice(practiceDir, SEED_NOW);
    await shootAll(await startBrowserHost(browser, practiceDir, { frozenAt: SEED_NOW }), (page) => practiceViews(page, practice));
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }

  console.log(`\n${shots.length} pictures in ${relative(process.cwd(), OUT_DIR) || OUT_DIR}/\n`);
  console.log(summaryTable(shots));
  expect(problems, 'what went wrong in the app while it was pictured').toEqual([]);
  if (axeGate) {
    const failing = shots.filter((shot) => shot.serious.length > 0).map((shot) => `${shot.view} (${shot.theme})`);
    expect(failing, 'views with serious or critical axe violations (--no-axe-gate to picture them anyway)').toEqual([]);
  }
});
