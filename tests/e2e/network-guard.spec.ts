import { expect, test } from './fixtures';

const REMOTE = 'https://example.com/tracker.gif';

test('the page may not fetch from a remote origin', async ({ app }) => {
  app.expectBlockedRequests();
  const outcome = await app.page.evaluate(async (url) => {
    try {
      await fetch(url, { mode: 'no-cors' });
      return 'reached';
    } catch {
      return 'refused';
    }
  }, REMOTE);
  expect(outcome).toBe('refused');
  expect(app.cspRefusals().join('\n')).toContain(REMOTE);
});

test('a navigation to a remote origin never reaches the network', async ({ app }) => {
  app.expectBlockedRequests();
  await app.page.evaluate((url) => window.location.assign(url), REMOTE);
  if (app.host === 'browser') {
    // Navigations are outside the CSP: this is the host's own guard at work.
    await expect.poll(() => app.blockedRequests()).toContain(REMOTE);
  } else {
    // Electron refuses the navigation itself (electron/hardening.ts) before any request.
    await expect(app.page).toHaveURL(/^app:\/\/rapport\//);
  }
});

test('the app itself makes no remote requests while starting and restarting', async ({ app }) => {
  await expect(app.page.getByRole('link', { name: 'Settings' })).toBeVisible();
  await app.restart();
  await expect(app.page.getByRole('link', { name: 'Settings' })).toBeVisible();
  expect(app.blockedRequests()).toEqual([]);
});
