import { expect, type Dialog, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BROWSER_ORIGIN } from '../hosts/network-guard';
import { seriousViolations } from './accessibility';
import type { SeededClient, SeededPractice } from './seed-practice';

/*
 * The core of `npm run screenshots` (tests/screenshots/): every view of the app, and every printed
 * sheet, in the light and the dark theme, as PNG files a reviewer can look at, each with an axe
 * scan. The client-file tabs and the settings sections are read from the page, so a tab or a
 * section added later is pictured without a change here.
 */

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The window size a coach's laptop gives the app; long views are pictured full-page at this width. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface View {
  /** The file-name stem: `client-profile--amara` gives `client-profile--amara.light.png`. */
  name: string;
  /** The hash route, e.g. `/clients/<id>?tab=goals`. */
  route: string;
  /** A printed sheet: waits for the sheet to say it is ready to print. */
  print?: boolean;
  /** What to do on the page once it shows, before the pictures (open a filter, type a search). */
  prepare?: (page: Page) => Promise<void>;
  /** Pictures only this part of the page (a settings section) instead of the whole page. */
  part?: (page: Page) => Locator;
}

export interface Shot {
  view: string;
  theme: Theme;
  file: string;
  /** Serious and critical axe violations, one line each; empty when the scan was not run. */
  serious: string[];
}

export interface ShootOptions {
  outDir: string;
  /** Run the axe scan on each view in each theme. */
  axe: boolean;
}

/**
 * Opens a route of the app in a freshly loaded page: between two routes a hash change alone would
 * keep the page, and with it whatever the last view left behind (a search typed, a filter
 * chosen). The page's own address is kept, so this works on either e2e host.
 */
async function openRoute(page: Page, route: string): Promise<void> {
  const current = page.url();
  const base = current.startsWith('about:') ? `${BROWSER_ORIGIN}/index.html` : current.replace(/#.*$/, '');
  // A view left with unsaved edits (a form a `prepare` step filled) asks before it is unloaded;
  // the pictures are taken, so the tool answers "leave".
  const leave = (dialog: Dialog) => void dialog.accept().catch(() => undefined);
  page.on('dialog', leave);
  try {
    await page.goto('about:blank');
  } finally {
    page.off('dialog', leave);
  }
  await page.goto(`${base}#${route}`);
}

async function showView(page: Page, view: View): Promise<void> {
  await openRoute(page, view.route);
  if (view.print) {
    await page.waitForFunction(() => document.body.dataset.printReady === 'true' || document.body.dataset.printFailure !== undefined);
    const failure = await page.evaluate(() => document.body.dataset.printFailure);
    if (failure !== undefined) throw new Error(`The sheet ${view.route} could not be prepared: ${failure}`);
  } else {
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  // Main reads documents' texts in the background: the words a document shows once read, every run.
  await expect(page.getByText('Reading its text…')).toHaveCount(0);
  await view.prepare?.(page);
  await page.evaluate(() => document.fonts.ready);
}

/** Pictures one view in each theme (and scans it with axe), writing `<name>.<theme>.png` into outDir. */
export async function shootView(page: Page, view: View, options: ShootOptions, themes: readonly Theme[] = THEMES): Promise<Shot[]> {
  await mkdir(options.outDir, { recursive: true });
  await page.setViewportSize(VIEWPORT);
  await showView(page, view);
  const shots: Shot[] = [];
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    const file = join(options.outDir, `${view.name}.${theme}.png`);
    const picture = { path: file, animations: 'disabled', caret: 'hide' } as const;
    if (view.part) await view.part(page).screenshot(picture);
    else await page.screenshot({ ...picture, fullPage: true });
    const serious = options.axe ? await seriousViolations(page) : [];
    shots.push({ view: view.name, theme, file, serious });
  }
  await page.emulateMedia({ colorScheme: null });
  return shots;
}

/** The tab ids of a client file, as its tab list shows them (`client-tab-<id>`). */
async function clientTabIds(page: Page, client: SeededClient): Promise<string[]> {
  await openRoute(page, `/clients/${client.id}`);
  const tabs = page.getByRole('main').getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  // A tab on AppTabs names itself in data-tab-id (Reka UI owns the element's id).
  const ids = await tabs.evaluateAll((elements) =>
    elements.map((element) => (element as HTMLElement).dataset.tabId ?? element.id.replace(/^client-tab-/, '')),
  );
  return ids.filter((id) => id !== '');
}

/** The ids of the settings sections, as the Settings page shows them (`settings-section-<id>`). */
async function settingsSectionIds(page: Page): Promise<string[]> {
  await openRoute(page, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return page
    .locator('section[aria-labelledby^="settings-section-"]')
    .evaluateAll((sections) =>
      sections.map((section) => (section.getAttribute('aria-labelledby') ?? '').replace(/^settings-section-/, '')),
    );
}

async function chooseStatusFilter(page: Page, label: string): Promise<void> {
  const select = page.getByRole('complementary').getByLabel('Status', { exact: true });
  await select.selectOption({ label });
  await expect(select.locator('option:checked')).toHaveText(label);
}

async function chooseInSidebar(page: Page, field: string, label: string): Promise<void> {
  const select = page.getByRole('complementary').getByLabel(field, { exact: true });
  await select.selectOption({ label });
  await expect(select.locator('option:checked')).toHaveText(label);
}

async function openApplicationForm(page: Page): Promise<void> {
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'New application' }).click();
  await expect(main.getByLabel('Organisation')).toBeFocused();
}

/** Every view of the seeded practice: the app's routes, each client-file tab, each settings section, each sheet. */
export async function practiceViews(page: Page, practice: SeededPractice): Promise<View[]> {
  const { amara, jonas, priya, tom, lucia, mei } = practice;
  const views: View[] = [
    { name: 'today', route: '/' },
    { name: 'goals', route: '/goals' },
    { name: 'trust-overview', route: '/trust' },
    { name: 'question-bank', route: '/questions' },
    { name: 'client-new', route: '/clients/new' },
    { name: 'design', route: '/design' },
    {
      name: 'design--menu-open',
      route: '/design',
      prepare: async (shown) => {
        await shown.getByRole('button', { name: 'More actions for the example session' }).click();
        await expect(shown.getByRole('menu')).toBeVisible();
      },
      part: (shown) => shown.getByRole('menu'),
    },
    {
      name: 'design--dialog-open',
      route: '/design',
      prepare: async (shown) => {
        await shown.getByRole('button', { name: 'Delete note…' }).click();
        await expect(shown.getByRole('dialog', { name: 'Delete this note?' })).toBeVisible();
      },
      part: (shown) => shown.getByRole('dialog'),
    },
    {
      name: 'design--toast',
      route: '/design',
      prepare: async (shown) => {
        await shown.getByRole('button', { name: 'Show “Deleted — Undo”' }).click();
        const toast = shown.locator('.toast').filter({ hasText: 'Note deleted' });
        // A toast under the pointer stays (Reka UI pauses its timer), so both themes picture it.
        await toast.hover();
        await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
      },
      part: (shown) => shown.locator('.toast').filter({ hasText: 'Note deleted' }),
    },
    {
      name: 'client-new--errors',
      route: '/clients/new',
      prepare: async (shown) => {
        const main = shown.getByRole('main');
        await main.getByLabel('Email', { exact: true }).fill('not an address');
        await main.getByLabel('Phone', { exact: true }).fill('call me');
        await main.getByLabel('Email', { exact: true }).press('Enter');
        await expect(main.getByRole('status').filter({ hasText: /Nothing was saved/ })).toBeVisible();
      },
    },
    { name: 'client-list--archived', route: '/', prepare: (shown) => chooseStatusFilter(shown, 'Archived') },
    {
      name: 'client-list--search',
      route: '/',
      prepare: async (shown) => {
        await shown.getByRole('combobox', { name: /Search/ }).fill('fire');
        await expect(shown.getByRole('listbox', { name: 'Results' })).toBeVisible();
      },
    },
  ];

  for (const tab of await clientTabIds(page, amara)) {
    views.push({ name: `client-${tab}--${amara.slug}`, route: `/clients/${amara.id}?tab=${tab}` });
  }
  views.push(
    {
      name: `client-sessions--${amara.slug}-reflection`,
      route: `/clients/${amara.id}?tab=sessions`,
      prepare: async (shown) => {
        // A past session offers its reflection: as its next action, or else in its menu.
        const main = shown.getByRole('main');
        const next = main.getByRole('button', { name: 'Reflect', exact: true }).first();
        if ((await next.count()) === 0) {
          await main
            .locator('h3:text("Past") + ul')
            .getByRole('button', { name: /^More actions for the session/ })
            .first()
            .click();
          await shown.getByRole('menuitem', { name: 'Reflect', exact: true }).click();
        } else {
          await next.click();
        }
        await expect(main.getByRole('form', { name: 'Reflection on this session' })).toBeVisible();
      },
    },
    {
      name: `client-job-search--${amara.slug}-application`,
      route: `/clients/${amara.id}?tab=job-search`,
      prepare: async (shown) => {
        const main = shown.getByRole('main');
        await main.getByRole('button', { name: 'Northwind Logistics' }).click();
        await expect(main.getByRole('heading', { name: /^Northwind Logistics/, level: 3 })).toBeVisible();
      },
    },
    {
      name: `client-notes--${amara.slug}-their-words`,
      route: `/clients/${amara.id}?tab=notes`,
      prepare: async (shown) => {
        await shown.getByRole('main').getByLabel('New note').pressSequentially('Less time lost to fire');
        await expect(shown.locator('[data-word-completion-suggestion]')).toBeVisible();
      },
    },
    { name: `client-overview--${jonas.slug}`, route: `/clients/${jonas.id}` },
    { name: `client-sessions--${jonas.slug}`, route: `/clients/${jonas.id}?tab=sessions` },
    { name: `client-commitments--${priya.slug}`, route: `/clients/${priya.id}?tab=commitments` },
    { name: `client-overview--${tom.slug}`, route: `/clients/${tom.id}` },
    { name: `client-goals--${lucia.slug}`, route: `/clients/${lucia.id}?tab=goals` },
    { name: `client-overview--${mei.slug}`, route: `/clients/${mei.id}` },
    { name: `client-profile--${mei.slug}`, route: `/clients/${mei.id}?tab=profile` },
    { name: `agenda--${amara.slug}-next`, route: `/clients/${amara.id}/sessions/${practice.amaraNextSession}/agenda` },
    { name: `agenda--${amara.slug}-last`, route: `/clients/${amara.id}/sessions/${practice.amaraLastSession}/agenda` },
    ...(['prepare', 'share', 'after', 'history'] as const).map((stage) => ({
      name: `agenda--${amara.slug}-next-${stage}`,
      route: `/clients/${amara.id}/sessions/${practice.amaraNextSession}/agenda?stage=${stage}`,
    })),
    { name: `agenda--${jonas.slug}-empty`, route: `/clients/${jonas.id}/sessions/${await firstSessionId(page, jonas)}/agenda` },
    { name: 'settings', route: '/settings' },
  );
  for (const section of await settingsSectionIds(page)) {
    views.push({
      name: `settings-${section}`,
      route: '/settings',
      part: (shown) => shown.locator(`section[aria-labelledby="settings-section-${section}"]`),
    });
  }
  views.push(
    { name: `print-agenda--${amara.slug}`, route: `/print/agenda/${amara.id}/${practice.amaraNextSession}`, print: true },
    { name: `print-client-file--${amara.slug}`, route: `/print/client/${amara.id}`, print: true },
    { name: `print-goals--${amara.slug}`, route: `/print/goals/${amara.id}`, print: true },
    { name: `print-goal--${amara.slug}`, route: `/print/goals/${amara.id}/${practice.amaraGoal}`, print: true },
    { name: `print-feedback--${amara.slug}`, route: `/print/feedback/${amara.id}`, print: true },
    { name: `print-recap--${amara.slug}`, route: `/print/recap/${amara.id}/${practice.amaraLastSession}`, print: true },
    { name: 'print-hours', route: '/print/hours', print: true },
  );
  // The job-search forms, on a client whose job search no other view shows: the offer needs an
  // application, which the second view adds through the form the first one pictures.
  const jobSearch = `/clients/${lucia.id}?tab=job-search`;
  views.push(
    { name: `client-job-search--${lucia.slug}-new-application`, route: jobSearch, prepare: openApplicationForm },
    {
      name: `client-job-search--${lucia.slug}-offer`,
      route: jobSearch,
      prepare: async (shown) => {
        const main = shown.getByRole('main');
        const card = main.getByRole('group', { name: 'Applications by stage' }).getByRole('listitem', { name: /^Northwind,/ });
        if ((await card.count()) === 0) {
          await openApplicationForm(shown);
          await main.getByLabel('Organisation').fill('Northwind');
          await main.getByLabel('Role').fill('Head of data');
          await main.getByRole('button', { name: 'Add application' }).click();
        }
        await card.getByRole('button').first().click();
        await expect(main.getByRole('button', { name: 'Record offer' })).toBeVisible();
      },
    },
  );
  // Last: the order chosen here is kept on this machine (localStorage) and would show in every later view.
  views.push(
    {
      name: 'client-list--next-session',
      route: `/clients/${amara.id}`,
      prepare: (shown) => chooseInSidebar(shown, 'Sort by', 'Next session'),
    },
    {
      name: 'client-list--last-contact-tag',
      route: '/',
      prepare: async (shown) => {
        await chooseInSidebar(shown, 'Sort by', 'Last contact');
        await chooseInSidebar(shown, 'Tag', 'leadership');
      },
    },
  );
  return views;
}

/** The id of a client's first session, read from its card on the Sessions tab. */
async function firstSessionId(page: Page, client: SeededClient): Promise<string> {
  await openRoute(page, `/clients/${client.id}?tab=sessions`);
  const card = page
    .getByRole('main')
    .getByRole('listitem', { name: /^Session / })
    .first();
  const id = (await card.getAttribute('data-record-id')) ?? '';
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`${client.name} has no session card (${id}).`);
  return id;
}

/** The views of a practice with no clients yet: the first thing a new coach sees. */
export function emptyPracticeViews(): View[] {
  return [
    { name: 'today--empty', route: '/' },
    { name: 'goals--empty', route: '/goals' },
    { name: 'trust-overview--empty', route: '/trust' },
  ];
}

/** A plain-text table: view, theme, serious/critical count, then the violations themselves. */
export function summaryTable(shots: readonly Shot[]): string {
  const width = Math.max('view'.length, ...shots.map((shot) => shot.view.length));
  const lines = [`${'view'.padEnd(width)}  theme  serious/critical`, `${'-'.repeat(width)}  -----  ----------------`];
  for (const shot of shots) lines.push(`${shot.view.padEnd(width)}  ${shot.theme.padEnd(5)}  ${shot.serious.length}`);
  const found = shots.filter((shot) => shot.serious.length > 0);
  for (const shot of found) lines.push('', `${shot.view} (${shot.theme}):`, ...shot.serious.map((line) => `  ${line}`));
  return lines.join('\n');
}
