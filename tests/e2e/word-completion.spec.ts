import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTerm, createClient, openTab } from './helpers/client-file';

/**
 * The ghost text after the caret, and how far it starts from the caret. The caret's place is
 * measured independently of the ghost: the width of the line's text in the field's own font
 * (the lines typed here never wrap), from the field's content edge.
 */
async function caretAndGhost(field: Locator) {
  return field.evaluate((element: HTMLTextAreaElement | HTMLInputElement) => {
    const ghost = document.querySelector<HTMLElement>('[data-word-completion-suggestion]');
    const ghostRect = ghost?.getClientRects()[0];
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('No canvas to measure text with.');
    context.font = style.font;
    const line =
      element.value
        .slice(0, element.selectionEnd ?? 0)
        .split('\n')
        .at(-1) ?? '';
    const fieldRect = element.getBoundingClientRect();
    const caretX =
      fieldRect.left +
      parseFloat(style.borderLeftWidth) +
      parseFloat(style.paddingLeft) +
      context.measureText(line).width -
      element.scrollLeft;
    return {
      text: ghost?.firstChild?.textContent ?? null,
      fromCaret: ghostRect ? ghostRect.left - caretX : null,
      inField: ghostRect
        ? ghostRect.left >= fieldRect.left && ghostRect.top >= fieldRect.top && ghostRect.bottom <= fieldRect.bottom
        : null,
    };
  });
}

test('the client’s words complete the word at the caret: Tab accepts, Escape dismisses, undo undoes', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Amara Okafor');
  await addTerm(page, 'portfolio career', 'several part-time roles');
  await addTerm(page, 'Résumé', 'her CV');

  const panel = await openTab(page, 'Notes');
  const note = panel.getByLabel('New note');
  await note.click();
  await note.pressSequentially('Talked about her po');
  await expect.poll(async () => (await caretAndGhost(note)).text).toBe('rtfolio career');
  const shown = await caretAndGhost(note);
  expect(Math.abs(shown.fromCaret ?? Infinity)).toBeLessThan(2);
  expect(shown.inField).toBe(true);
  await expect(page.locator('[data-word-completion-status]')).toHaveText('Their word: portfolio career. Press Tab to use it.');

  await page.keyboard.press('Tab');
  await expect(note).toHaveValue('Talked about her portfolio career');
  await expect(note).toBeFocused();
  await expect.poll(async () => (await caretAndGhost(note)).text).toBeNull();

  // Accents and case come from the client's word, the case of what was typed is kept.
  await note.pressSequentially(' and the Resu');
  await expect.poll(async () => (await caretAndGhost(note)).text).toBe('mé');
  await page.keyboard.press('Tab');
  await expect(note).toHaveValue('Talked about her portfolio career and the Résumé');

  // Undo takes the completion back, as it would any typing.
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('Talked about her portfolio career and the Resu');
  await page.keyboard.press('Control+Shift+z');
  await expect(note).toHaveValue('Talked about her portfolio career and the Résumé');

  // Escape dismisses; typing on does not bring the same word back.
  await note.pressSequentially(' - more po');
  await expect.poll(async () => (await caretAndGhost(note)).text).toBe('rtfolio career');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await caretAndGhost(note)).text).toBeNull();
  await note.pressSequentially('rt');
  expect((await caretAndGhost(note)).text).toBeNull();
  await expect(note).toHaveValue('Talked about her portfolio career and the Résumé - more port');

  // With nothing suggested, Tab moves on as usual.
  await note.pressSequentially(' x');
  expect((await caretAndGhost(note)).text).toBeNull();
  await page.keyboard.press('Tab');
  await expect(note).not.toBeFocused();

  // The note holds the completed words: v-model saw the accepted text.
  await panel.getByRole('button', { name: 'Add note' }).click();
  await expect(panel.getByLabel('New note')).toHaveValue('');
  await expect(panel.getByRole('listitem').first()).toContainText('Talked about her portfolio career and the Résumé - more port x');
});

test('a one-line field completes too, and the saved record has the completed word', async ({ app }) => {
  const { page } = app;
  await createClient(page, 'Bruno Silva');
  await addTerm(page, 'side hustle', 'his weekend bakery');

  const panel = await openTab(page, 'Goals');
  await panel.getByRole('button', { name: 'New goal' }).click();
  const title = panel.getByLabel('Goal', { exact: true });
  await title.pressSequentially('Grow the si');
  await expect.poll(async () => (await caretAndGhost(title)).text).toBe('de hustle');
  const shown = await caretAndGhost(title);
  expect(Math.abs(shown.fromCaret ?? Infinity)).toBeLessThan(2);
  expect(shown.inField).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveValue('Grow the side hustle');
  await panel.getByRole('button', { name: 'Add goal' }).click();
  await expect(panel.getByRole('article', { name: 'Grow the side hustle' })).toBeVisible();
});
