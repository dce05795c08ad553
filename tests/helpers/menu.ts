import { flushPromises, type DOMWrapper } from '@vue/test-utils';

/**
 * Opens the "More" menu inside `within` from the keyboard, as a coach would, and chooses the
 * item with this label. The menu is portalled to <body>, so its items are looked up there.
 */
export async function chooseFromMenu(within: Pick<DOMWrapper<Element>, 'find'>, label: string): Promise<void> {
  await openMenu(within);
  const item = menuItems().find((candidate) => candidate.textContent?.trim() === label);
  if (!item) throw new Error(`no menu item named ${label}: ${menuLabels().join(', ')}`);
  item.click();
  await flushPromises();
}

export async function openMenu(within: Pick<DOMWrapper<Element>, 'find'>): Promise<void> {
  const trigger = within.find('button[aria-haspopup="menu"]');
  if (!trigger.exists()) throw new Error('no menu here');
  await trigger.trigger('keydown', { key: 'ArrowDown' });
  await flushPromises();
}

export function menuItems(): HTMLElement[] {
  return [...document.body.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

export function menuLabels(): string[] {
  return menuItems().map((item) => item.textContent?.trim() ?? '');
}
