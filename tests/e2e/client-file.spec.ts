import { expect, expectAccessible, test } from './fixtures';
import {
  addCommitment,
  addNote,
  addTerm,
  createClient,
  localDay,
  mainArea,
  openClient,
  openTab,
  scheduleSession,
  storedClientFiles,
} from './helpers/client-file';
import { chooseSessionAction, sessionCards } from './helpers/session-card';

const XSS = '<img src=x onerror=alert(1)>';

test('a note with markup in it shows the characters and runs nothing', async ({ app }) => {
  const { page } = app;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await createClient(page, 'Ada Lovelace');
  const note = await addNote(page, `Worried about ${XSS} interviews, and **bold** plans.`);

  await expect(note).toContainText(`Worried about ${XSS} interviews`);
  await expect(note.locator('strong')).toHaveText('bold');
  await expect(note.locator('img')).toHaveCount(0);

  await app.restart();
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openClient(app.page, 'Ada Lovelace');
  const reopened = (await openTab(app.page, 'Notes')).getByRole('listitem').first();
  await expect(reopened).toContainText(XSS);
  await expect(reopened.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('deleting a client needs their typed name and leaves every other client as it was', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Grace Hopper');
  await addNote(page, 'Navy stories for the keynote.');
  await addCommitment(page, { text: 'Send the COBOL reading list', owner: 'You', due: localDay(4) });
  await createClient(page, 'Ada Lovelace');
  await addTerm(page, 'my engine', 'her side project');
  await scheduleSession(page, { date: localDay(2), time: '11:00', mode: 'Phone', place: '+44 20 7946 0018' });
  expect(await storedClientFiles(app.dataDir)).toHaveLength(2);

  const profile = await openTab(page, 'Profile');
  await profile.getByRole('button', { name: 'Delete client permanently…' }).click();
  const confirm = profile.getByRole('form', { name: 'Confirm deleting Ada Lovelace' });
  await expect(confirm.getByRole('status')).toHaveText('No automatic backup holds a copy of this client.');
  const typed = confirm.getByLabel('To confirm, type the client’s name: Ada Lovelace');
  await expect(typed).toBeFocused();

  await typed.fill('Ada');
  await confirm.getByRole('button', { name: 'Delete Ada Lovelace permanently' }).click();
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await expect(typed).toHaveAccessibleDescription('Type the name exactly as shown: Ada Lovelace');
  expect(await storedClientFiles(app.dataDir)).toHaveLength(2);

  await confirm.getByRole('button', { name: 'Keep this client' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(profile.getByRole('button', { name: 'Delete client permanently…' })).toBeFocused();
  await profile.getByRole('button', { name: 'Delete client permanently…' }).click();
  await typed.fill('Ada Lovelace');
  await typed.press('Enter');

  await expect(mainArea(page).getByRole('heading', { level: 1, name: /^Today/ })).toBeVisible();
  const clientList = page.getByRole('navigation', { name: 'Clients' });
  await expect(clientList.getByRole('link')).toHaveText(['Grace Hopper']);
  await expect(page.getByTestId('today-session')).toHaveCount(0);
  expect(await storedClientFiles(app.dataDir)).toHaveLength(1);

  await app.restart();
  await expect(app.page.getByRole('navigation', { name: 'Clients' }).getByRole('link')).toHaveText(['Grace Hopper']);
  await openClient(app.page, 'Grace Hopper');
  await expect((await openTab(app.page, 'Notes')).getByRole('listitem')).toHaveText([/Navy stories for the keynote\./]);
  await expect((await openTab(app.page, 'Commitments')).getByRole('listitem')).toHaveText([/Send the COBOL reading list/]);
});

test('the client file, tab by tab, has no serious accessibility problems', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  await addTerm(page, 'my practice', 'her business');
  await addNote(page, 'First call went well.\n\n- wants a *studio*\n- [portfolio](https://example.org/ada)');
  await scheduleSession(page, { date: localDay(1), time: '10:00', mode: 'Video', place: 'https://meet.example.org/ada' });
  await addCommitment(page, { text: 'Send the salary survey', owner: 'You', due: localDay(-1) });

  for (const tab of ['Profile', 'Sessions', 'Commitments', 'Notes', 'Their words']) {
    const panel = await openTab(page, tab);
    await expect(panel.getByRole('heading').first()).toBeVisible();
    await expectAccessible(page);
  }

  const sessions = await openTab(page, 'Sessions');
  // An upcoming session: the menu offers the notes, never a reflection before it has started.
  await chooseSessionAction(sessionCards(sessions).first(), 'Session notes');
  await expectAccessible(page);

  const profile = await openTab(page, 'Profile');
  await profile.getByRole('button', { name: 'Delete client permanently…' }).click();
  await expect(profile.getByRole('status').filter({ hasText: 'automatic backup' })).toBeVisible();
  await expectAccessible(page);
});
