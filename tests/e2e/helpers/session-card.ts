import type { Locator } from '@playwright/test';

/** Chooses an action from a session card's "More" menu (the card shows only its next action). */
export async function chooseSessionAction(card: Locator, label: string): Promise<void> {
  await card.getByRole('button', { name: /^More actions for the session/ }).click();
  await card.page().getByRole('menuitem', { name: label, exact: true }).click();
}

/** The session cards inside `scope` (a Sessions panel or the main area), newest plans first. */
export function sessionCards(scope: Locator): Locator {
  return scope.getByRole('listitem', { name: /^Session / });
}
