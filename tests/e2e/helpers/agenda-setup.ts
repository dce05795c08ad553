import { expect, type Page } from '@playwright/test';

export interface Letterhead {
  coachName: string;
  businessName: string;
  contactLine: string;
  paperSize: 'A4' | 'Letter';
}

export interface PlannedSession {
  clientId: string;
  sessionId: string;
}

/** yyyy-mm-dd of the day after today, in this machine's zone (the app's zone too). */
export function tomorrow(): string {
  const day = new Date();
  day.setDate(day.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export async function saveLetterhead(page: Page, letterhead: Letterhead): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const settings = page.getByRole('main');
  await settings.getByLabel('Your name').fill(letterhead.coachName);
  await settings.getByLabel('Business name').fill(letterhead.businessName);
  await settings.getByLabel('Contact line').fill(letterhead.contactLine);
  await settings.getByLabel('Paper size').selectOption(letterhead.paperSize);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/**
 * Creates a client, schedules a 60-minute video session tomorrow at 10:00 on the Sessions
 * tab, and opens its agenda through the card's next action, "Plan the agenda".
 */
export async function openAgendaOfNewSession(page: Page, clientName: string): Promise<PlannedSession> {
  const main = page.getByRole('main');
  await page.getByRole('button', { name: 'New client' }).click();
  await main.getByLabel('Name', { exact: true }).fill(clientName);
  await main.getByRole('button', { name: 'Create client' }).click();
  await expect(main.getByRole('heading', { level: 1, name: clientName })).toBeVisible();

  await main.getByRole('tab', { name: 'Sessions' }).click();
  await main.getByRole('button', { name: 'Schedule a session' }).click();
  const form = main.getByRole('form', { name: 'Schedule a session' });
  await form.getByLabel('Date').fill(tomorrow());
  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('Length (minutes)').fill('60');
  await form.getByLabel('Video', { exact: true }).check();
  await form.getByLabel('Place or link').fill('Video link in the invitation');
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await expect(form).toBeHidden();

  await main.getByRole('link', { name: 'Plan the agenda' }).click();
  await expect(main.getByRole('heading', { level: 1, name: `Agenda for ${clientName}` })).toBeVisible();
  const match = /#\/clients\/([0-9a-f-]{36})\/sessions\/([0-9a-f-]{36})\/agenda/.exec(page.url());
  if (!match) throw new Error(`The agenda page has an unexpected address: ${page.url()}`);
  return { clientId: match[1], sessionId: match[2] };
}

/** Starts the open agenda from one of the shipped starters. */
export async function startFromTemplate(page: Page, templateName: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('Start from a template').selectOption({ label: `${templateName} (starter)` });
  await main.getByRole('button', { name: /this template$/ }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Agenda started from the template' })).toBeVisible();
}
