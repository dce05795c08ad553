import { CHANNELS } from '../../shared/api';
import { DESKTOP_CHANNELS } from '../../shared/api/desktop';
import { expect, test } from './fixtures';

test('the page has no Node.js, no <webview> and sees only the typed bridge, never ipcRenderer', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const exposed = await page.evaluate(() => {
    const globals = window as unknown as Record<string, unknown>;
    const methods = (bridge: unknown) =>
      Object.entries(bridge as Record<string, Record<string, unknown>>).flatMap(([namespace, members]) =>
        Object.keys(members).map((method) => `${namespace}:${method}`),
      );
    return {
      node: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron'].filter((name) => globals[name] !== undefined),
      rapport: methods(globals.rapport).sort(),
      desktop: Object.keys(globals.rapportDesktop as object).sort(),
      // With webviewTag on, Electron defines <webview> as an element with methods such as loadURL.
      webview: customElements.get('webview') !== undefined || 'loadURL' in document.createElement('webview'),
    };
  });
  expect(exposed.node).toEqual([]);
  expect(exposed.webview, '<webview> is available').toBe(false);
  expect(exposed.rapport).toEqual([...CHANNELS].sort());
  expect(exposed.desktop).toEqual([...DESKTOP_CHANNELS.map((channel) => channel.slice('desktop:'.length)), 'onMenuCommand'].sort());
});
