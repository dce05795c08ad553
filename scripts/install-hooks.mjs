// Installs the pre-commit hook (simple-git-hooks) when dependencies are installed in a git
// checkout. It never fails the install: CI, a copy without .git, or a missing git only skip it.
import { execFileSync } from 'node:child_process';

function inGitCheckout() {
  try {
    return (
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() === 'true'
    );
  } catch {
    return false;
  }
}

if (process.env.CI) {
  console.log('[hooks] CI: the pre-commit hook is not installed.');
} else if (!inGitCheckout()) {
  console.log('[hooks] not a git checkout: the pre-commit hook is not installed.');
} else {
  try {
    execFileSync(process.execPath, ['node_modules/simple-git-hooks/cli.js'], { stdio: 'inherit' });
  } catch (error) {
    console.warn(`[hooks] the pre-commit hook could not be installed (${error.message}); run \`npx simple-git-hooks\` to retry.`);
  }
}
