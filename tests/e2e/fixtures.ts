import { test as base, expect, type Browser } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from './hosts/browser-host';
import { electronBinary, type HostName } from './hosts/choose-host';
import { launchChromium } from './hosts/chromium';
import { startElectronHost } from './hosts/electron-host';
import type { RapportHost } from './hosts/host';

export interface RapportApp extends RapportHost {
  /**
   * For the spec that makes remote requests on purpose: what the guard aborted and what the
   * CSP refused do not fail it (it asserts on them itself).
   */
  expectBlockedRequests(): void;
}

interface WorkerFixtures {
  /** Launched on first use, so an Electron run never starts Chromium. */
  sharedChromium: () => Promise<Browser>;
}

function hostName(): HostName {
  const host = process.env.RAPPORT_E2E_HOST;
  if (host !== 'electron' && host !== 'browser') throw new Error('RAPPORT_E2E_HOST is set by playwright.config.ts.');
  return host;
}

async function startHost(host: HostName, dataDir: string, chromium: () => Promise<Browser>): Promise<RapportHost> {
  if (host === 'browser') return startBrowserHost(await chromium(), dataDir);
  const binary = electronBinary();
  if (!binary) throw new Error('RAPPORT_E2E_HOST=electron, but the Electron binary is not installed.');
  return startElectronHost(binary, dataDir);
}

export const test = base.extend<{ app: RapportApp }, WorkerFixtures>({
  sharedChromium: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern.
    async ({}, use) => {
      const chromium: { launched?: Promise<Browser> } = {};
      await use(() => (chromium.launched ??= launchChromium()));
      if (chromium.launched) await (await chromium.launched).close();
    },
    { scope: 'worker' },
  ],
  app: async ({ sharedChromium }, use) => {
    // Like userData: the data directory and its automatic backups (`../backups`) side by side.
    const root = await mkdtemp(join(tmpdir(), 'rapport-e2e-'));
    const dataDir = join(root, 'rapport-data');
    const host = await startHost(hostName(), dataDir, sharedChromium);
    let blockedRequestsExpected = false;
    const app: RapportApp = Object.create(host, {
      expectBlockedRequests: { value: () => (blockedRequestsExpected = true) },
    });
    try {
      await use(app);
    } finally {
      await host.close();
      await rm(root, { recursive: true, force: true });
    }
    if (!blockedRequestsExpected) {
      expect(host.blockedRequests(), 'requests to non-local origins (nothing may leave the machine)').toEqual([]);
      expect(host.cspRefusals(), 'what the Content-Security-Policy refused').toEqual([]);
    }
    expect(host.uncaughtErrors(), 'uncaught errors in the app').toEqual([]);
  },
});

export { expect };
export { expectAccessible } from './helpers/accessibility';
export { normaliseText, pdfFontNames, pdfPageCount, pdfPageSize, pdfPageTexts, pdfText, placeOnPages } from './helpers/pdf';
