import { nextTick } from 'vue';
import { RECORD_ATTRIBUTE, revealRecord } from '../components/clients/focus-record';

/**
 * Where keyboard focus goes after the coach creates, saves or deletes something, so it never
 * drops to the page body: the record itself, else the next row, else the section's heading.
 */

/** Focuses an element that is not focusable by itself (a heading), without adding it to the tab order. */
export function focusElement(element: HTMLElement | null): boolean {
  if (!element) return false;
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
  element.focus();
  return document.activeElement === element;
}

/** Once rendered: the record with this id, or else the element with `fallbackId` (a heading). */
export async function focusRecord(recordId: string | null, fallbackId: string): Promise<void> {
  await nextTick();
  const record = recordId ? document.querySelector<HTMLElement>(`[${RECORD_ATTRIBUTE}="${CSS.escape(recordId)}"]`) : null;
  if (record) revealRecord(record);
  else focusElement(document.getElementById(fallbackId));
}

/** The id of the row after `record` (or before it, for the last row), to focus once it is deleted. */
export function neighbourOf(record: Element | null): string | null {
  const along = (start: Element | null | undefined, step: 'nextElementSibling' | 'previousElementSibling'): string | null => {
    for (let element = start; element; element = element[step]) {
      const id = element.getAttribute(RECORD_ATTRIBUTE);
      if (id) return id;
    }
    return null;
  };
  return along(record?.nextElementSibling, 'nextElementSibling') ?? along(record?.previousElementSibling, 'previousElementSibling');
}

/** The record element that holds `element` (the Delete button that was pressed, say). */
export function recordOf(element: EventTarget | null): HTMLElement | null {
  return element instanceof Element ? element.closest<HTMLElement>(`[${RECORD_ATTRIBUTE}]`) : null;
}

/** The client page's heading (the client's name), where focus lands after creating a client. */
export const CLIENT_HEADING_ID = 'client-heading';

/** Resolves with the element once the page shows it (a lazily loaded view renders later), or null after `timeoutMs`. */
export function waitForElement(id: string, timeoutMs = 5000): Promise<HTMLElement | null> {
  const present = document.getElementById(id);
  if (present) return Promise.resolve(present);
  return new Promise((resolve) => {
    const finish = (found: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    };
    const observer = new MutationObserver(() => {
      const found = document.getElementById(id);
      if (found) finish(found);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}
