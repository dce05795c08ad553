import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { RapportOptions } from './tests/e2e/fixtures';
import { chooseHost } from './tests/e2e/hosts/choose-host';
import { DEJAVU_ONLY_FONTCONFIG } from './tests/e2e/hosts/chromium';

const choice = chooseHost();
// Workers load this file too; they inherit the choice through the environment and stay quiet.
if (!process.env.TEST_WORKER_INDEX) {
  console.log(`[e2e] host: ${choice.host} (${choice.reason})`);
  const fonts = process.env.FONTCONFIG_FILE ? `FONTCONFIG_FILE=${process.env.FONTCONFIG_FILE}` : "the machine's";
  console.log(`[e2e] fonts: ${fonts}; the @pdf and @fonts specs again with ${DEJAVU_ONLY_FONTCONFIG}`);
}
process.env.RAPPORT_E2E_HOST = choice.host;
// The browser host runs the workspace from source, so format 3 backups need the worker the build put beside the main bundle.
process.env.RAPPORT_CONTAINER_WORKER ??= resolve(import.meta.dirname, 'out/main/container-worker.js');
// And the text worker, which reads attached files' text for search.
process.env.RAPPORT_TEXT_WORKER ??= resolve(import.meta.dirname, 'out/main/text-worker.js');

export default defineConfig<RapportOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { actionTimeout: 15_000, navigationTimeout: 30_000 },
  // Every spec with the machine's fonts (or the environment's FONTCONFIG_FILE); then the specs
  // that read a PDF or check fonts (tagged @pdf, @fonts) again with only the DejaVu fonts, as on
  // a clean Debian, so that every run shows they hold with any font set (README, "Fonts and tests").
  projects: [
    { name: choice.host },
    { name: `${choice.host}, DejaVu only`, grep: /@pdf|@fonts/, use: { fontconfigFile: DEJAVU_ONLY_FONTCONFIG } },
  ],
});
