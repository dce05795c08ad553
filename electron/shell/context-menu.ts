/** The parts of Electron's ContextMenuParams the menu depends on (kept free of Electron for tests). */
export interface ContextMenuInput {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/** A menu item in the shape of Electron's MenuItemConstructorOptions. */
export type ContextMenuItem =
  | { type: 'separator' }
  | { label: string; click: () => void; enabled?: boolean }
  | { role: 'cut' | 'copy' | 'paste' | 'selectAll'; enabled: boolean };

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

const MAX_SUGGESTIONS = 5;

/**
 * The right-click menu: spelling suggestions and "Add to Dictionary" for a misspelt word, then
 * the edit commands the spot allows (cut and paste only where the coach can type). Empty when
 * there is nothing to offer, so no empty menu pops up.
 */
export function contextMenuTemplate(input: ContextMenuInput, actions: ContextMenuActions): ContextMenuItem[] {
  const spelling: ContextMenuItem[] = [];
  if (input.isEditable && input.misspelledWord) {
    const suggestions = input.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const word of suggestions) spelling.push({ label: word, click: () => actions.replaceMisspelling(word) });
    if (suggestions.length === 0) spelling.push({ label: 'No spelling suggestions', enabled: false, click: () => undefined });
    spelling.push({ type: 'separator' });
    spelling.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(input.misspelledWord) });
  }
  const flags = input.editFlags;
  const edit: ContextMenuItem[] = input.isEditable
    ? [
        { role: 'cut', enabled: flags.canCut },
        { role: 'copy', enabled: flags.canCopy },
        { role: 'paste', enabled: flags.canPaste },
        { type: 'separator' },
        { role: 'selectAll', enabled: flags.canSelectAll },
      ]
    : input.selectionText.trim()
      ? [{ role: 'copy', enabled: flags.canCopy }]
      : [];
  if (spelling.length === 0) return edit;
  return edit.length === 0 ? spelling : [...spelling, { type: 'separator' }, ...edit];
}
