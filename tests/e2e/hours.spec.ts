import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, pdfText, test } from './fixtures';
import { createClient, mainArea, openTab } from './helpers/client-file';
import { chooseSessionAction } from './helpers/session-card';

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-hours-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Creates a client through the form, with their email and paid or pro bono from the profile. */
async function clientWithBilling(page: Page, name: string, email: string, billing: 'Paid' | 'Pro bono'): Promise<string> {
  await createClient(page, name);
  const main = await openTab(page, 'Profile');
  await main.getByLabel('Email', { exact: true }).fill(email);
  await main.getByLabel('Coaching hours', { exact: true }).selectOption({ label: billing });
  await main.getByRole('button', { name: 'Save changes' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  return /#\/clients\/([0-9a-f-]{36})/.exec(page.url())![1];
}

/** A session at local noon of the day, held; the session's own billing and group size left as scheduled. */
async function heldSession(page: Page, clientId: string, day: [number, number, number], minutes: number, groupSize = 1): Promise<string> {
  return page.evaluate(
    async ({ clientId, day, minutes, groupSize }) => {
      const startsAt = new Date(day[0], day[1] - 1, day[2], 12).toISOString();
      const session = await window.rapport.sessions.create(clientId, { startsAt, mode: 'video', durationMinutes: minutes, groupSize });
      await window.rapport.sessions.setStatus(clientId, session.id, 'held');
      return session.id;
    },
    { clientId, day, minutes, groupSize },
  );
}

test('held sessions become an hours log: totals, ICF thresholds, CSV for the ICF and a printed sheet', { tag: '@pdf' }, async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hours' }).click();
  const main = mainArea(page);
  await expect(main.getByRole('heading', { level: 1, name: 'Coaching hours' })).toBeVisible();
  await expect(main.getByText('No coaching hours yet.')).toBeVisible();
  await expectAccessible(page);

  const zoe = await clientWithBilling(page, 'Zoë Müller', 'zoe@example.com', 'Paid');
  await heldSession(page, zoe, [2026, 2, 3], 90);
  const overridden = await heldSession(page, zoe, [2026, 2, 10], 60);
  await page.evaluate(
    async ({ zoe }) => {
      const session = await window.rapport.sessions.create(zoe, { startsAt: new Date(2026, 2, 1, 12).toISOString(), mode: 'video' });
      await window.rapport.sessions.setStatus(zoe, session.id, 'cancelled');
    },
    { zoe },
  );
  const ben = await clientWithBilling(page, '=Ben Okafor', 'ben@example.com', 'Pro bono');
  await heldSession(page, ben, [2025, 11, 5], 60, 3);

  // The override goes through the session form, as the coach would set it.
  await page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name: 'Zoë Müller', exact: true }).click();
  const sessions = await openTab(page, 'Sessions');
  const item = sessions.locator(`#session-${overridden}`);
  await chooseSessionAction(item, 'Edit');
  await item.getByLabel('Coaching hours').selectOption({ label: 'Pro bono' });
  await item.getByRole('button', { name: 'Save changes' }).click();
  await expect
    .poll(() => page.evaluate(async (id) => (await window.rapport.sessions.list(id)).map((session) => session.billing), zoe))
    .toEqual([null, 'pro-bono', null]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hours' }).click();
  await expect(main.locator('[data-total="hours"]')).toHaveText('3.50');
  await expect(main.locator('[data-total="paid"]')).toHaveText('1.50');
  await expect(main.locator('[data-total="pro-bono"]')).toHaveText('2.00');
  await expect(main.locator('[data-total="clients"]')).toHaveText('4');
  await expect(main.locator('[data-credential="ACC"]')).toContainText('96.50 hours (73.50 paid) and 4 clients to go');
  await main.getByLabel('Year').selectOption('');
  const log = main.getByRole('table', { name: 'Held sessions in all years' });
  await expect(log.getByRole('row')).toHaveCount(4);
  await expectAccessible(page);
  await main.getByLabel('Year').selectOption('2026');
  await expect(main.getByRole('table', { name: 'Held sessions in 2026' }).getByRole('row')).toHaveCount(3);
  await main.getByLabel('Year').selectOption('');

  const csvFile = join(folder, 'coaching-log.csv');
  await app.queueFilePath(csvFile);
  await main.getByRole('button', { name: 'Export for ICF (CSV)…' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved as coaching-log.csv' })).toBeVisible();
  const bytes = await readFile(csvFile);
  expect([...bytes.subarray(0, 3)], 'a UTF-8 byte-order mark, so spreadsheets read the accents').toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8')).toBe(
    'Client Name,Contact Information,Individual/Group,Number in Group,Start Date,End Date,Paid Hours,Pro-bono Hours\r\n' +
      "'=Ben Okafor,ben@example.com,Group,3,2025-11-05,2025-11-05,,1.00\r\n" +
      'Zoë Müller,zoe@example.com,Individual,1,2026-02-03,2026-02-03,1.50,\r\n' +
      'Zoë Müller,zoe@example.com,Individual,1,2026-02-10,2026-02-10,,1.00\r\n',
  );

  const pdfFile = join(folder, 'hours.pdf');
  await app.queueFilePath(pdfFile);
  await main.getByRole('button', { name: 'Save as PDF… (coaching hours, all years)' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Saved as hours.pdf' })).toBeVisible();
  const text = (await pdfText(pdfFile)).replace(/\s+/g, ' ');
  for (const expected of [
    'Client coaching log',
    'All sessions held',
    '3.50 hours: 1.50 paid, 2.00 pro bono, 4 clients, 3 sessions.',
    'ACC',
    '96.50 hours (73.50 paid) and 4 clients to go',
    'MCC',
    'Zoë Müller',
    'zoe@example.com',
    '=Ben Okafor',
    'Group of 3',
    '2026-02-10',
    'Pro bono',
  ]) {
    expect(text).toContain(expected);
  }
});
