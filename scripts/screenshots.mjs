// `npm run screenshots [-- --no-axe-gate]`: pictures every view and printed sheet of a seeded
// practice, light and dark, into screenshots/ (see CONTRIBUTING.md, "Look at your change").
// The work is a Playwright run (tests/screenshots/), so that it reuses the e2e browser host.
import { spawnSync } from 'node:child_process';

const known = new Set(['--no-axe-gate']);
const args = process.argv.slice(2);
const unknown = args.filter((arg) => !known.has(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run screenshots [-- --no-axe-gate]`);
  process.exit(2);
}
const env = { ...process.env, RAPPORT_SCREENSHOTS_AXE_GATE: args.includes('--no-axe-gate') ? '0' : '1' };
const run = spawnSync('npx', ['playwright', 'test', '--config', 'tests/screenshots/playwright.config.ts'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
