import { test as base, expect, type Browser } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from './hosts/browser-host';
import { electronBinary, type HostName } from './hosts/choose-host';
import { browserEnv, launchChromium } from './hosts/chromium';
import { startElectronHost } from './hosts/electron-host';
import type { RapportHost } from './hosts/host';

export interface RapportApp extends RapportHost {
  /**
   * For the spec that makes remote requests on purpose: what the guard aborted and what the
   * CSP refused do not fail it (it asserts on them itself).
   */
  expectBlockedRequests(): void;
}

export interface RapportOptions {
  /**
   * A fontconfig file for the browser (FONTCONFIG_FILE), set by a project in
   * playwright.config.ts; unset, the environment's FONTCONFIG_FILE, if any, applies.
   */
  fontconfigFile: string | undefined;
}

interface WorkerFixtures extends RapportOptions {
  /** Launched on first use, so an Electron run never starts Chromium. */
  sharedChromium: () => Promise<Browser>;
}

function hostName(): HostName {
  const host = process.env.RAPPORT_E2E_HOST;
  if (host !== 'electron' && host !== 'browser') throw new Error('RAPPORT_E2E_HOST is set by playwright.config.ts.');
  return host;
}

async function startHost(
  host: HostName,
  dataDir: string,
  chromium: () => Promise<Browser>,
  fontconfigFile: string | undefined,
): Promise<RapportHost> {
  if (host === 'browser') return startBrowserHost(await chromium(), dataDir);
  const binary = electronBinary();
  if (!binary) throw new Error('RAPPORT_E2E_HOST=electron, but the Electron binary is not installed.');
  return startElectronHost(binary, dataDir, browserEnv(fontconfigFile));
}

export const test = base.extend<{ app: RapportApp }, WorkerFixtures>({
  fontconfigFile: [undefined, { scope: 'worker', option: true }],
  sharedChromium: [
    async ({ fontconfigFile }, use) => {
      const chromium: { launched?: Promise<Browser> } = {};
      await use(() => (chromium.launched ??= launchChromium({ fontconfigFile })));
      if (chromium.launched) await (await chromium.launched).close();
    },
    { scope: 'worker' },
  ],
  app: async ({ sharedChromium, fontconfigFile }, use) => {
    // Like userData: the data directory and its automatic backups (`../backups`) side by side.
    const root = await mkdtemp(join(tmpdir(), 'rapport-e2e-'));
    const dataDir = join(root, 'rapport-data');
    const host = await startHost(hostName(), dataDir, sharedChromium, fontconfigFile);
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
export {
  firstInk,
  pdfFontNames,
  pdfPageCount,
  pdfPageGrey,
  pdfPageSize,
  pdfPageTexts,
  pdfText,
  placeOnPages,
  topOfPage,
} from './helpers/pdf';
