import { defineConfig } from '@playwright/test';
import { chooseHost } from './tests/e2e/hosts/choose-host';

const choice = chooseHost();
// Workers load this file too; they inherit the choice through the environment and stay quiet.
if (!process.env.TEST_WORKER_INDEX) {
  console.log(`[e2e] host: ${choice.host} (${choice.reason})`);
}
process.env.RAPPORT_E2E_HOST = choice.host;

export default defineConfig({
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
  projects: [{ name: choice.host }],
});
