import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, pdfText, test } from './fixtures';
import { BROWSER_ORIGIN } from './hosts/network-guard';
import { chooseSessionAction } from './helpers/session-card';

const DAY = 24 * 60 * 60 * 1000;

/** What the mail program would read from a mailto: link. */
function mail(url: string) {
  const link = new URL(url);
  return {
    to: decodeURIComponent(link.pathname),
    subject: link.searchParams.get('subject'),
    body: link.searchParams.get('body'),
  };
}

/** A client with an email address and a video session in three days, through the page's own API. */
async function clientWithSession(page: Page, email = 'amara@example.com') {
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
  const startsAt = new Date(Date.now() + 3 * DAY).toISOString();
  return page.evaluate(
    async ({ startsAt, email }) => {
      await window.rapport.settings.update({ coachName: 'Sam Rivera' });
      const client = await window.rapport.clients.create({ name: 'Amara Okafor', email });
      const session = await window.rapport.sessions.create(client.id, { startsAt, mode: 'video', location: 'https://meet.example/amara' });
      return { clientId: client.id, sessionId: session.id };
    },
    { startsAt, email },
  );
}

async function openSessions(page: Page, clientId: string) {
  await page.evaluate((id) => (window.location.hash = `/clients/${id}?tab=sessions`), clientId);
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();
}

const sessionCard = (page: Page) => page.getByRole('main').getByRole('listitem', { name: /^Session / });

let folder: string;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-e2e-email-'));
});

test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('Reconfirm opens the message in the mail program, and “sent” stamps the session', async ({ app }) => {
  const { page } = app;
  const { clientId, sessionId } = await clientWithSession(page);
  await openSessions(page, clientId);
  const card = sessionCard(page);

  await chooseSessionAction(card, 'Reconfirm');
  await expect(card.getByRole('group', { name: /Did you send it\?/ })).toBeVisible();
  const opened = await app.openedUrls();
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatch(/^mailto:amara@example\.com\?subject=See%20you%20on%20.+&body=Hi%20Amara%2C%0D%0A%0D%0A/u);
  const message = mail(opened[0]);
  expect(message.to).toBe('amara@example.com');
  expect(message.body).toContain('Where: Video call: https://meet.example/amara\r\n');
  expect(message.body).toMatch(/See you then,\r\nSam$/u);
  // Nothing is stamped until the coach says it went out.
  expect(await page.evaluate((id) => window.rapport.sessions.list(id), clientId)).toMatchObject([{ reconfirmedAt: null }]);

  await card.getByRole('button', { name: 'Yes, it is sent' }).click();
  await expect(card.getByText(/^Reconfirmed /)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Reconfirm', exact: true })).toHaveCount(0);
  const [stamped] = await page.evaluate((id) => window.rapport.sessions.list(id), clientId);
  expect(stamped.id).toBe(sessionId);
  expect(Date.now() - Date.parse(stamped.reconfirmedAt ?? '')).toBeLessThan(60_000);

  await card.getByRole('button', { name: 'Undo reconfirmed' }).click();
  await expect(card.getByText(/^Reconfirmed /)).toHaveCount(0);
  await card.getByRole('button', { name: /^More actions for the session/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Reconfirm', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.evaluate((id) => window.rapport.sessions.list(id), clientId)).toMatchObject([{ reconfirmedAt: null }]);
});

test(
  'a long recap goes to the clipboard, the link keeps address and subject, and the recap prints as a PDF',
  { tag: '@pdf' },
  async ({ app }) => {
    test.skip(app.host !== 'browser', 'reads the clipboard back, which only the browser host lets a spec do');
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BROWSER_ORIGIN });
    const { clientId, sessionId } = await clientWithSession(page);
    const longOutcome = 'We went through each application in turn and agreed what to change. '.repeat(30).trim();
    await page.evaluate(
      async ({ clientId, sessionId, longOutcome }) => {
        const later = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString();
        await window.rapport.sessions.create(clientId, { startsAt: later, mode: 'in-person', location: 'Café Nord' });
        await window.rapport.agendas.save(clientId, sessionId, {
          goals: [
            { text: 'Agree the CV structure', met: 'yes' },
            { text: 'Pick three target companies', met: 'partly' },
          ],
          items: [{ title: 'Applications', minutes: 30, proposedBy: 'client', outcome: longOutcome }],
        });
        await window.rapport.commitments.create(clientId, { text: 'Rewrite the CV', owner: 'client', dueDate: '2030-01-18', sessionId });
        await window.rapport.commitments.create(clientId, { text: 'Introduce Amara to Lee', owner: 'coach', sessionId });
        await window.rapport.sessions.setStatus(clientId, sessionId, 'held');
      },
      { clientId, sessionId, longOutcome },
    );
    await openSessions(page, clientId);
    const card = page.getByRole('main').locator(`[data-record-id="${sessionId}"]`);

    await chooseSessionAction(card, 'Send recap');
    await expect(card.getByRole('status').filter({ hasText: 'The message is on the clipboard: paste it into the email.' })).toBeVisible();
    const [url] = await app.openedUrls();
    expect(url).toMatch(/^mailto:amara@example\.com\?subject=[^&]+$/u);
    expect(mail(url).subject).toMatch(/^Our session on .+: what we agreed$/u);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toMatch(/^Hi Amara,\n/u);
    expect(clipboard).toContain('What we set out to do\n- Agree the CV structure — Met\n- Pick three target companies — Partly met');
    expect(clipboard).toContain(`- Applications: ${longOutcome}`);
    expect(clipboard).toContain('What you said you would do\n- Rewrite the CV (by Friday');
    expect(clipboard).toContain('What Sam will do\n- Introduce Amara to Lee');
    expect(clipboard).toMatch(/Our next session\n.+\nCafé Nord\n/u);

    await card.getByRole('button', { name: 'Yes, it is sent' }).click();
    await expect(card.getByText(/^Recap sent /)).toBeVisible();

    const pdf = join(folder, 'recap.pdf');
    await app.queueFilePath(pdf);
    await chooseSessionAction(card, 'Save the recap as PDF…');
    await expect(card.getByRole('status').filter({ hasText: 'Saved as recap.pdf' })).toBeVisible();
    const text = await pdfText(pdf);
    expect(text).toMatch(/^Sam Rivera Our session on .+ For Amara /u);
    expect(text).toContain('What we set out to do Agree the CV structure Met Pick three target companies Partly met');
    expect(text).toContain('What you said you would do Rewrite the CV · by Friday');
    expect(text).toContain('What Sam will do Introduce Amara to Lee');
    expect(text).toContain('Café Nord');
    expect(text).not.toMatch(/\b(Client|Coach)\b/u);
  },
);

test('wording edited in Settings is what the mail program gets; an unknown placeholder is refused', async ({ app }) => {
  const { page } = app;
  const { clientId } = await clientWithSession(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Email wording' });
  const subject = section.getByLabel('Subject (reconfirming a session)');
  await expect(subject).toHaveValue('See you on {{date}}');

  await subject.fill('Still on for {{date}}, {{client}}? {{fee}}');
  await section.getByRole('button', { name: 'Save email wording' }).click();
  await expect(section.getByText('Rapport does not know {{fee}}.', { exact: false })).toBeVisible();
  await expect(subject).toBeFocused();
  expect((await page.evaluate(() => window.rapport.settings.get())).emailTemplates.reconfirm.subject).toBe('');

  await subject.fill('Still on for {{date}}, {{client}}?');
  const preview = section.getByRole('group', { name: 'Preview with a sample client (reconfirming a session)' });
  await expect(preview).toContainText(/Still on for .+, Alex\?/u);
  await section.getByRole('button', { name: 'Save email wording' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await openSessions(page, clientId);
  await chooseSessionAction(sessionCard(page), 'Reconfirm');
  await expect.poll(async () => (await app.openedUrls()).length).toBe(1);
  expect(mail((await app.openedUrls())[0]).subject).toMatch(/^Still on for .+, Amara\?$/u);

  // Back to Rapport's wording: stored empty, so it follows Rapport's own.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await section.getByRole('button', { name: 'Use Rapport’s wording (reconfirming a session)' }).click();
  await expect(subject).toHaveValue('See you on {{date}}');
  await section.getByRole('button', { name: 'Save email wording' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect((await page.evaluate(() => window.rapport.settings.get())).emailTemplates.reconfirm).toEqual({ subject: '', body: '' });
});

test('without an email address on file, Rapport says so and offers to copy the message', async ({ app }) => {
  const { page } = app;
  const { clientId } = await clientWithSession(page, '');
  await openSessions(page, clientId);
  const card = sessionCard(page);
  await chooseSessionAction(card, 'Send materials');
  await expect(card.getByText('Amara Okafor has no email address on file.', { exact: false })).toBeVisible();
  await card.getByRole('button', { name: 'Copy the message' }).click();
  await expect(card.getByRole('group', { name: /Did you send it\?/ })).toBeVisible();
  expect(await app.openedUrls()).toEqual([]);
  await card.getByRole('button', { name: 'Yes, it is sent' }).click();
  await expect(card.getByText(/^Materials sent /)).toBeVisible();
});
