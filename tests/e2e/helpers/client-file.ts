import { expect, type Locator, type Page } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** yyyy-mm-dd of the local calendar day `days` from today, as date inputs and due dates hold it. */
export function localDay(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The client files stored in a workspace folder (none before the first is written). */
export async function storedClientFiles(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'clients')).catch(() => []);
}

export function mainArea(page: Page): Locator {
  return page.getByRole('main');
}

/** Creates a client with just a name and waits for their file to open on the Profile tab. */
export async function createClient(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const main = mainArea(page);
  await main.getByLabel('Name', { exact: true }).fill(name);
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function openClient(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Clients' }).getByRole('link', { name, exact: true }).click();
  await expect(mainArea(page).getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Selects a tab of the open client file by its visible label. */
export async function openTab(page: Page, label: string): Promise<Locator> {
  const tab = mainArea(page).getByRole('tab', { name: label, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return mainArea(page).getByRole('tabpanel');
}

export async function addTerm(page: Page, term: string, meaning: string): Promise<void> {
  const panel = await openTab(page, 'Their words');
  await panel.getByLabel('Their word or phrase').fill(term);
  await panel.getByLabel('What it means').fill(meaning);
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: `“${term}”` })).toContainText(`means ${meaning}`);
}

export async function addNote(page: Page, text: string): Promise<Locator> {
  const panel = await openTab(page, 'Notes');
  await panel.getByLabel('New note').fill(text);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await expect(panel.getByLabel('New note')).toHaveValue('');
  return panel.getByRole('listitem').first();
}

export interface SessionPlan {
  /** yyyy-mm-dd */
  date: string;
  /** HH:mm */
  time: string;
  mode: 'In person' | 'Video' | 'Phone';
  place: string;
}

export async function scheduleSession(page: Page, plan: SessionPlan): Promise<void> {
  const panel = await openTab(page, 'Sessions');
  await panel.getByRole('button', { name: 'Schedule a session' }).click();
  const form = panel.getByRole('form', { name: 'Schedule a session' });
  await form.getByLabel('Date').fill(plan.date);
  await form.getByLabel('Start time').fill(plan.time);
  await form.getByRole('radio', { name: plan.mode }).check();
  await form.getByLabel('Place or link').fill(plan.place);
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await expect(form).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: plan.place })).toBeVisible();
}

export interface CommitmentPlan {
  text: string;
  owner: 'You' | 'Client';
  /** yyyy-mm-dd, or empty for none. */
  due: string;
}

export async function addCommitment(page: Page, plan: CommitmentPlan): Promise<void> {
  const panel = await openTab(page, 'Commitments');
  const form = panel.getByRole('form', { name: 'Add a commitment' });
  await form.getByLabel('Commitment').fill(plan.text);
  await form.getByLabel('Who').selectOption({ label: plan.owner });
  await form.getByLabel('Due').fill(plan.due);
  await form.getByRole('button', { name: 'Add commitment' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: plan.text })).toBeVisible();
}
