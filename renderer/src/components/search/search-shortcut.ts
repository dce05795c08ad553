/** The sidebar search box; Ctrl/Cmd+K and the Find menu command put the cursor in it. */
export const SEARCH_INPUT_ID = 'search-input';

/** Whether a key press is the search shortcut: Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** The shortcut as the coach's keyboard spells it. */
export function searchShortcutLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';
}

/** Moves the cursor to the search box and selects what it holds, ready for a new search. */
export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return;
  input.focus();
  input.select();
}
