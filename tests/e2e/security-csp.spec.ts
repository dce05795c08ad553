import { CONTENT_SECURITY_POLICY } from '../../electron/security/origins';
import { expect, test } from './fixtures';

const directives = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);

test('the built renderer is served with the production Content-Security-Policy, as a header and in the page', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const header = await page.evaluate(async () => (await fetch('index.html')).headers.get('content-security-policy'));
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const meta = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
  // A <meta> policy cannot carry frame-ancestors; otherwise it says exactly what the header says.
  expect(directives(meta ?? '')).toEqual(
    directives(CONTENT_SECURITY_POLICY).filter((directive) => !directive.startsWith('frame-ancestors')),
  );
  for (const policy of [header ?? '', meta ?? '']) {
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|https?:|\*/);
  }
});

test('an injected inline script, inline event handler and string-eval do not run, and each is reported as a CSP refusal', async ({
  app,
}) => {
  app.expectBlockedRequests();
  const { page } = app;
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedScript = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__injectedHandler = true;');
    image.setAttribute('src', 'data:,not-an-image');
    document.body.append(image);
  });
  // A string handed to setTimeout is compiled later, from the page's own task: eval under CSP.
  await page.evaluate(() => setTimeout('window.__injectedEval = true;' as unknown as () => void, 0));
  await expect.poll(() => app.cspRefusals().length).toBeGreaterThanOrEqual(3);
  const ran = await page.evaluate(() => {
    const globals = window as unknown as Record<string, unknown>;
    return {
      script: globals.__injectedScript ?? false,
      handler: globals.__injectedHandler ?? false,
      eval: globals.__injectedEval ?? false,
    };
  });
  expect(ran).toEqual({ script: false, handler: false, eval: false });
  const refusals = app.cspRefusals().join('\n');
  expect(refusals).toMatch(/inline script/i);
  expect(refusals).toMatch(/unsafe-eval/i);
  expect(app.blockedRequests()).toEqual([]);
});
