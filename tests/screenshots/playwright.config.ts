import { defineConfig } from '@playwright/test';
import { SEED_TIME_ZONE } from '../e2e/helpers/seed-practice';

// Node (the workspace) and Chromium (the page) both read the zone from TZ: the seeded week then
// falls on the same days in every picture, wherever the reviewer is.
process.env.TZ = SEED_TIME_ZONE;

/** `npm run screenshots` (scripts/screenshots.mjs): a review tool, not part of `npm test`. */
export default defineConfig({
  testDir: '.',
  testMatch: 'take-screenshots.ts',
  outputDir: '../../test-results/screenshots',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 15 * 60_000,
  expect: { timeout: 10_000 },
  use: { actionTimeout: 15_000, navigationTimeout: 30_000 },
});
