import { expect, type Locator } from '@playwright/test';
import { localDay } from './client-file';

/** Chooses an action from a session card's "More" menu (the card shows only its next action). */
export async function chooseSessionAction(card: Locator, label: string): Promise<void> {
  await card.getByRole('button', { name: /^More actions for the session/ }).click();
  await card.page().getByRole('menuitem', { name: label, exact: true }).click();
}

/** The session cards inside `scope` (a Sessions panel or the main area), newest plans first. */
export function sessionCards(scope: Locator): Locator {
  return scope.getByRole('listitem', { name: /^Session / });
}

/**
 * On a client's Sessions panel: schedules a session for yesterday, marks it held and saves its
 * reflection as it opens (nothing ticked). Returns the reflection form, which stays open.
 */
export async function reflectOnYesterdaysSession(sessions: Locator): Promise<Locator> {
  await sessions.getByRole('button', { name: 'Schedule a session' }).click();
  const form = sessions.getByRole('form', { name: 'Schedule a session' });
  await form.getByLabel('Date').fill(localDay(-1));
  await form.getByLabel('Start time').fill('10:00');
  await form.getByRole('button', { name: 'Schedule session' }).click();
  await chooseSessionAction(sessionCards(sessions).first(), 'Mark held');
  await chooseSessionAction(sessionCards(sessions).first(), 'Reflect');
  const reflection = sessions.getByRole('form', { name: 'Reflection on this session' });
  await reflection.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflection.getByRole('status')).toHaveText('Reflection saved.');
  return reflection;
}
