// `npm run screenshots [-- --no-axe-gate] [--only <pattern>]`: pictures every view and printed
// sheet of a seeded practice, light and dark, into screenshots/ (see CONTRIBUTING.md, "Look at
// your change"). `--only` keeps the views whose name matches the regular expression.
// The work is a Playwright run (tests/screenshots/), so that it reuses the e2e browser host.
import { spawnSync } from 'node:child_process';

const USAGE = 'Usage: npm run screenshots [-- --no-axe-gate] [--only <pattern>]';
const args = process.argv.slice(2);
let axeGate = true;
let only = '';
for (let index = 0; index < args.length; index += 1) {
  if (args[index] === '--no-axe-gate') axeGate = false;
  else if (args[index] === '--only' && index + 1 < args.length) only = args[++index];
  else {
    console.error(`Unknown option ${args[index]}. ${USAGE}`);
    process.exit(2);
  }
}
if (only !== '') {
  try {
    new RegExp(only);
  } catch {
    console.error(`--only takes a regular expression; "${only}" is not one. ${USAGE}`);
    process.exit(2);
  }
}
const env = { ...process.env, RAPPORT_SCREENSHOTS_AXE_GATE: axeGate ? '1' : '0', RAPPORT_SCREENSHOTS_ONLY: only };
const run = spawnSync('npx', ['playwright', 'test', '--config', 'tests/screenshots/playwright.config.ts'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
