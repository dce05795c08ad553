import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { completionAt, type Completion, type Vocabulary } from './word-vocabulary';

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface UseWordCompletionOptions {
  /** The field to complete in; listeners follow it when it changes and go when the scope ends. */
  target: MaybeRefOrGetter<TextField | null | undefined>;
  /** The client's words. */
  vocabulary: MaybeRefOrGetter<Vocabulary>;
}

/** Styles the ghost copies from its field, so its text lies exactly over the field's. */
const MIRRORED = [
  'boxSizing',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontFeatureSettings',
  'fontKerning',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textIndent',
  'textTransform',
  'textAlign',
  'tabSize',
  'direction',
] as const;

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * The one polite live region suggestions are announced in. It sits inside an open modal dialog
 * when the field is in one, because a modal dialog hides everything else from screen readers.
 */
function announcerFor(field: TextField): HTMLElement {
  const host = field.closest<HTMLElement>('[role="dialog"]') ?? field.ownerDocument.body;
  let region = host.querySelector<HTMLElement>(':scope > [data-word-completion-status]');
  if (!region) {
    region = field.ownerDocument.createElement('div');
    region.dataset.wordCompletionStatus = '';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.className = 'visually-hidden';
    host.append(region);
  }
  return region;
}

/** The ghost: a copy of the field's text up to the caret, invisible, then the suggestion. */
function createGhost(field: TextField) {
  const doc = field.ownerDocument;
  const box = doc.createElement('div');
  box.dataset.wordCompletionGhost = '';
  box.setAttribute('aria-hidden', 'true');
  const typed = doc.createElement('span');
  typed.style.color = 'transparent';
  const suggestion = doc.createElement('span');
  suggestion.dataset.wordCompletionSuggestion = '';
  suggestion.style.color = 'var(--muted)';
  // The fields' own background (a token, so it follows a change of theme): the suggestion covers
  // whatever text follows the caret on its line.
  suggestion.style.background = 'var(--surface)';
  const key = doc.createElement('span');
  key.textContent = 'Tab';
  Object.assign(key.style, {
    marginLeft: '0.35em',
    padding: '0 0.3em',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius-s, 4px)',
    color: 'var(--muted)',
    fontSize: '0.75em',
    verticalAlign: 'middle',
    lineHeight: '1.4',
  });
  suggestion.append(doc.createTextNode(''), key);
  // A break opportunity: the suggestion may wrap to the next line without dragging the typed
  // word along, which the field itself would not do.
  box.append(typed, doc.createElement('wbr'), suggestion);

  function show(completion: Completion): void {
    const style = field.ownerDocument.defaultView?.getComputedStyle(field);
    if (!style) return;
    const rect = field.getBoundingClientRect();
    const multiline = field instanceof HTMLTextAreaElement;
    for (const name of MIRRORED) box.style[name] = style[name];
    Object.assign(box.style, {
      position: 'fixed',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      margin: '0',
      borderStyle: 'solid',
      borderColor: 'transparent',
      background: 'transparent',
      overflow: 'hidden',
      pointerEvents: 'none',
      zIndex: '2147483000',
      whiteSpace: multiline ? 'pre-wrap' : 'pre',
      overflowWrap: multiline ? 'break-word' : 'normal',
    });
    if (multiline) {
      // Room the field's own scroll bar takes.
      const bar = field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
      box.style.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, bar)}px`;
    } else {
      // An input centres its one line; a line as tall as its content box does the same.
      box.style.lineHeight = `${field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)}px`;
    }
    typed.textContent = field.value.slice(0, completion.to);
    const text = suggestion.firstChild;
    if (text) text.textContent = completion.ghost;
    if (!box.isConnected) field.ownerDocument.body.append(box);
    box.scrollTop = field.scrollTop;
    box.scrollLeft = field.scrollLeft;
  }

  return {
    element: box,
    show,
    hide: () => box.remove(),
  };
}

/**
 * Offers the client's words while the coach types in a text field: once the word at the caret
 * has two letters and the client has a word or phrase that continues it, the rest shows after
 * the caret as ghost text and is announced politely. Tab or → accepts (only while a suggestion
 * shows; otherwise Tab moves on as usual), Escape dismisses, typing on refines it.
 *
 * Accepting types the completion into the field as the browser's own edit, so v-model, the
 * draft's dirty state and undo (Ctrl+Z) see it like any typing.
 */
export function useWordCompletion(options: UseWordCompletionOptions) {
  const completion = shallowRef<Completion | null>(null);
  let field: TextField | null = null;
  let ghost: ReturnType<typeof createGhost> | null = null;
  let composing = false;
  let accepting = false;
  let dismissedAt: number | null = null;
  let announced = '';

  function announce(message: string): void {
    if (!field || message === announced) return;
    announced = message;
    announcerFor(field).textContent = message;
  }

  function place(): void {
    if (field && ghost && completion.value) ghost.show(completion.value);
  }

  function hide(): void {
    completion.value = null;
    ghost?.hide();
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    removeEventListener('keydown', onEscape, true);
    announce('');
  }

  function update(): void {
    if (!field || composing || field.selectionStart !== field.selectionEnd || field.selectionEnd === null) return hide();
    const found = completionAt(toValue(options.vocabulary), field.value, field.selectionEnd);
    if (found && found.from === dismissedAt) return hide();
    dismissedAt = null;
    if (!found) return hide();
    const firstShown = completion.value === null;
    completion.value = found;
    ghost ??= createGhost(field);
    ghost.show(found);
    if (firstShown) {
      addEventListener('scroll', place, { capture: true, passive: true });
      addEventListener('resize', place, { passive: true });
      addEventListener('keydown', onEscape, true);
    }
    announce(`Their word: ${found.term}. Press Tab to use it.`);
  }

  /** Completes the word at the caret; answers whether there was a suggestion to accept. */
  function accept(): boolean {
    const current = completion.value;
    if (!field || !current) return false;
    hide();
    accepting = true;
    field.focus();
    field.setSelectionRange(current.from, current.to);
    // execCommand is the only edit that joins the field's own undo history; where it is
    // missing, setRangeText and an input event still reach v-model.
    const typed =
      typeof field.ownerDocument.execCommand === 'function' && field.ownerDocument.execCommand('insertText', false, current.replacement);
    if (!typed) {
      field.setRangeText(current.replacement, current.from, current.to, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: current.replacement }));
    }
    accepting = false;
    return true;
  }

  function dismiss(): void {
    if (completion.value) dismissedAt = completion.value.from;
    hide();
  }

  function onInput(event: Event): void {
    if (accepting) return;
    const inputType = event instanceof InputEvent ? event.inputType : 'insertText';
    if ((event instanceof InputEvent && event.isComposing) || !inputType.startsWith('insert')) return hide();
    update();
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || !completion.value) return;
    const plain = !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plain && (event.key === 'Tab' || event.key === 'ArrowRight')) {
      event.preventDefault();
      accept();
    } else if (NAVIGATION_KEYS.has(event.key)) {
      hide();
    }
  }

  /**
   * Escape dismisses the suggestion and nothing else. Heard on the window before anyone else
   * (a dialog closes on Escape from the document), and kept from going further.
   */
  function onEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.target !== field || event.isComposing || !completion.value) return;
    event.preventDefault();
    event.stopPropagation();
    dismiss();
  }

  function onCompositionStart(): void {
    composing = true;
    hide();
  }

  function onCompositionEnd(): void {
    composing = false;
    update();
  }

  function onFieldScroll(): void {
    if (field && ghost) {
      ghost.element.scrollTop = field.scrollTop;
      ghost.element.scrollLeft = field.scrollLeft;
    }
  }

  const listeners: [string, EventListener][] = [
    ['input', onInput],
    ['keydown', onKeydown as EventListener],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
    ['blur', hide],
    ['pointerdown', hide],
    ['scroll', onFieldScroll],
  ];

  function detach(): void {
    hide();
    if (field) {
      for (const [type, listener] of listeners) field.removeEventListener(type, listener);
      field.removeAttribute('aria-autocomplete');
    }
    field = null;
    ghost = null;
  }

  watch(
    () => toValue(options.target),
    (next) => {
      detach();
      if (!next) return;
      field = next;
      // Tells screen readers that text may be offered after the caret.
      field.setAttribute('aria-autocomplete', 'inline');
      for (const [type, listener] of listeners) field.addEventListener(type, listener);
    },
    { immediate: true },
  );
  // A vocabulary arriving (or changing) while a suggestion shows refreshes it.
  watch(
    () => toValue(options.vocabulary),
    () => {
      if (completion.value) update();
    },
  );
  onScopeDispose(detach);

  return { completion, accept, dismiss };
}
