import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openAgendaOfNewSession, startFromTemplate } from './helpers/agenda-setup';

/** The stage tab named `name` ("Prepare", "Share & reply"…), whose number sits before its name. */
function tab(page: Page, name: string) {
  return page.getByRole('main').getByRole('tab', { name: new RegExp(`${name.replace(/[&]/g, '\\$&')}$`) });
}

test('the agenda shows one stage at a time: the one that needs the coach, switched by keyboard, kept on reload', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const { clientId, sessionId } = await openAgendaOfNewSession(page, 'Ada Lovelace');
  const main = page.getByRole('main');

  // Nothing shared yet: the page opens on Prepare, and only its content shows.
  await expect(tab(page, 'Prepare')).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByRole('form', { name: 'Agenda editor' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Share for review' })).toHaveCount(0);
  await expect(main.getByRole('region', { name: 'Intimacy: your preparation' })).toBeVisible();

  // The header's toolbar keeps its buttons on one line at a laptop's width.
  const header = main.locator('header').first();
  const boxes = await Promise.all([
    header.getByRole('link', { name: 'Back to the client' }).boundingBox(),
    header.getByRole('button', { name: 'Print…' }).boundingBox(),
    header.getByRole('button', { name: 'Save as PDF…' }).boundingBox(),
  ]);
  // One line: a link and a button differ in height by a pixel or two, so their middles are compared.
  const middles = boxes.map((box) => Math.round((box?.y ?? Number.NaN) + (box?.height ?? 0) / 2));
  expect(middles).toEqual([middles[0], middles[0], middles[0]]);
  expect(boxes.every((box) => box !== null && box.height < 60)).toBe(true);

  // Arrow keys move between stages, and the stage goes into the address.
  await startFromTemplate(page, 'Regular session');
  await tab(page, 'Prepare').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Share & reply')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Share & reply')).toBeFocused();
  await expect(page).toHaveURL(/[?&]stage=share$/);
  await expect(main.getByRole('region', { name: 'Share for review' })).toBeVisible();
  await expect(main.getByRole('form', { name: 'Agenda editor' })).toBeHidden();
  await main.getByRole('button', { name: 'Share for review' }).click();
  await expect(main.getByLabel('Agenda text for the client')).toHaveValue(/^Agenda for Ada, /u);

  // Before the session, After the session says when it opens and offers nothing to mark.
  await page.keyboard.press('Tab');
  await tab(page, 'Share & reply').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'After the session')).toHaveAttribute('aria-selected', 'true');
  await expect(main.getByText(/This stage opens when the session starts, on /)).toBeVisible();
  await expect(main.getByRole('combobox')).toHaveCount(0);

  // Reload keeps the stage; without one in the address, a shared agenda opens on Share & reply.
  await page.reload();
  await expect(tab(page, 'After the session')).toHaveAttribute('aria-selected', 'true');
  await page.evaluate((route) => (window.location.hash = route), `#/clients/${clientId}/sessions/${sessionId}/agenda`);
  await expect(tab(page, 'Share & reply')).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(tab(page, 'After the session')).toHaveAttribute('aria-selected', 'true');
});
