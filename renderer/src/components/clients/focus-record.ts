/**
 * Client-file panels mark each record (session, note, commitment, term) with
 * `data-record-id`, so a link to `?focus=<id>` can bring that record into view.
 */
export const RECORD_ATTRIBUTE = 'data-record-id';

function findRecord(root: ParentNode, recordId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[${RECORD_ATTRIBUTE}="${CSS.escape(recordId)}"]`);
}

/**
 * Resolves with the record once `root` shows it (panels load their records after mounting),
 * or with null when it does not appear within `timeoutMs` or `signal` aborts.
 */
export function waitForRecord(root: HTMLElement, recordId: string, signal: AbortSignal, timeoutMs = 5000): Promise<HTMLElement | null> {
  const present = findRecord(root, recordId);
  if (present || signal.aborted) return Promise.resolve(present);
  return new Promise((resolve) => {
    const finish = (found: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(found);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      const found = findRecord(root, recordId);
      if (found) finish(found);
    });
    const timer = setTimeout(onAbort, timeoutMs);
    signal.addEventListener('abort', onAbort);
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * Marks the part of a record a link may open into (`?focus=<id>&open=notes`): when the record
 * shows such a part, the link's caret goes to its first field rather than to the record.
 */
export const REVEAL_INTO_ATTRIBUTE = 'data-reveal-into';

const FIELD = 'textarea, input:not([type="hidden"]), select, button';

/**
 * Scrolls the record into view and moves focus to it, so the coach sees what a link opened. With
 * `into`, a step the link opened inside the record (marked REVEAL_INTO_ATTRIBUTE) takes the focus.
 */
export function revealRecord(record: HTMLElement, options: { into?: boolean } = {}): void {
  if (!record.hasAttribute('tabindex')) record.setAttribute('tabindex', '-1');
  record.scrollIntoView?.({ block: 'center' });
  const step = options.into ? record.querySelector(`[${REVEAL_INTO_ATTRIBUTE}]`) : null;
  const field = step?.matches(FIELD) ? step : step?.querySelector<HTMLElement>(FIELD);
  (field instanceof HTMLElement ? field : record).focus({ preventScroll: true });
}
