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
} from './helpers/client-file';

test('a session is stamped ready step by step on Today, and Today follows every step', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  await addTerm(page, 'my practice', 'her business');
  await addNote(page, 'Wants to grow **my practice** into a studio.');
  // Three days ahead, so materials sent now are comfortably more than 24 hours before.
  await scheduleSession(page, { date: localDay(3), time: '10:00', mode: 'Video', place: 'https://meet.example.org/ada' });

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const sessions = mainArea(page).getByRole('region', { name: 'Sessions in the next 7 days' });
  const card = sessions.getByTestId('today-session').filter({ hasText: 'Ada Lovelace' });
  await expect(card).toContainText('Video · https://meet.example.org/ada');
  const checklist = card.getByRole('list', { name: 'Ready for this session?' });

  // The agenda steps are one click away, on the session's agenda page.
  for (const step of ['Draft agenda', 'Review agenda with client']) {
    await expect(checklist.getByRole('link', { name: step })).toHaveAttribute('href', /#\/clients\/[\w-]+\/sessions\/[\w-]+\/agenda$/);
  }

  await checklist.getByRole('button', { name: 'Mark reconfirmed' }).click();
  await expect(checklist.getByRole('listitem').filter({ hasText: /^✓\s*Reconfirmed/ })).toBeVisible();
  await expect(checklist.getByRole('button', { name: 'Mark reconfirmed' })).toHaveCount(0);

  await checklist.getByRole('button', { name: 'Mark materials sent' }).click();
  const materials = checklist.getByRole('listitem').filter({ hasText: 'Materials sent' });
  await expect(materials).toContainText('✓');
  await expect(materials.getByText('Less than 24 hours before')).toHaveCount(0);

  // A stamp is undoable from Today too.
  await checklist.getByRole('button', { name: 'Undo reconfirmed' }).click();
  await expect(checklist.getByRole('button', { name: 'Mark reconfirmed' })).toBeVisible();
  await checklist.getByRole('button', { name: 'Mark reconfirmed' }).click();
  await expect(checklist.getByRole('button', { name: 'Undo reconfirmed' })).toBeVisible();

  // The client's name leads to the session in their file, and the stamps are there as well.
  await card.getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(mainArea(page).getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
  const session = mainArea(page).getByRole('listitem', { name: /^Session / });
  await expect(session).toBeFocused();
  await expect(session.getByText(/^Reconfirmed /)).toBeVisible();
  await expect(session.getByText(/^Materials sent /)).toBeVisible();

  await app.restart();
  const reopened = app.page.getByTestId('today-session').filter({ hasText: 'Ada Lovelace' });
  await expect(reopened.getByRole('button', { name: 'Undo reconfirmed' })).toBeVisible();
  await expect(reopened.getByRole('button', { name: 'Undo materials sent' })).toBeVisible();
});

test('commitments: due ones show on Today, coach first; one done late stays "Late"', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Grace Hopper');
  await addCommitment(page, { text: 'Send the salary survey', owner: 'You', due: localDay(-2) });
  await addCommitment(page, { text: 'Update the CV', owner: 'Client', due: localDay(0) });
  await addCommitment(page, { text: 'Book the mock interview', owner: 'You', due: localDay(5) });

  const panel = mainArea(page).getByRole('tabpanel');
  const survey = panel.getByRole('listitem').filter({ hasText: 'Send the salary survey' });
  await expect(survey.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Update the CV' }).getByText('Due today')).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Book the mock interview' }).locator('.badge')).toHaveCount(0);

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const due = mainArea(page).getByRole('region', { name: 'Commitments overdue or due today' });
  const entries = due.getByTestId('today-commitment');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Send the salary survey');
  await expect(entries.nth(0)).toContainText('Overdue');
  await expect(entries.nth(1)).toContainText('Update the CV');
  await expect(entries.nth(1)).toContainText('Due today');

  await due.getByRole('checkbox', { name: 'Send the salary survey' }).check();
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('Update the CV');

  await entries.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(mainArea(page).getByRole('tab', { name: 'Commitments' })).toHaveAttribute('aria-selected', 'true');
  const cv = mainArea(page).getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Update the CV' });
  await expect(cv).toBeFocused();
  await cv.getByRole('checkbox', { name: 'Update the CV' }).check();
  await expect(cv.getByText('Due today')).toHaveCount(0);

  const done = mainArea(page).getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Send the salary survey' });
  await expect(done.getByRole('checkbox')).toBeChecked();
  await expect(done.getByText('Late', { exact: true })).toBeVisible();
  await expect(done.getByText(/^done /)).toBeVisible();

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(mainArea(page).getByRole('region', { name: 'Commitments overdue or due today' })).toContainText(
    'Nothing overdue or due today.',
  );

  await app.restart();
  await openClient(app.page, 'Grace Hopper');
  const reopened = (await openTab(app.page, 'Commitments')).getByRole('listitem').filter({ hasText: 'Send the salary survey' });
  await expect(reopened.getByText('Late', { exact: true })).toBeVisible();
});

test('Today with two clients, sessions and commitments has no serious accessibility problems', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Ada Lovelace');
  await scheduleSession(page, { date: localDay(1), time: '09:30', mode: 'In person', place: 'Café Nord, 2nd floor' });
  await addCommitment(page, { text: 'Send the salary survey', owner: 'You', due: localDay(-1) });
  await createClient(page, 'Grace Hopper');
  await scheduleSession(page, { date: localDay(2), time: '14:00', mode: 'Phone', place: '+44 20 7946 0018' });
  await addCommitment(page, { text: 'Draft the elevator pitch', owner: 'Client', due: localDay(0) });

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('today-session')).toHaveCount(2);
  await expect(page.getByTestId('today-session').first()).toContainText('Ada Lovelace');
  await expect(page.getByTestId('today-commitment')).toHaveCount(2);
  await page.getByTestId('today-session').first().getByRole('button', { name: 'Mark materials sent' }).click();
  await expect(page.getByTestId('today-session').first().getByRole('button', { name: 'Undo materials sent' })).toBeVisible();
  await expectAccessible(page);
});
