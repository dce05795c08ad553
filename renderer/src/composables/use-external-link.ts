import { inject } from 'vue';
import { DESKTOP_KEY } from '../api/desktop';
import { useAction } from './use-action';

/** The first web address in a field ("Video: https://meet.example/abc"), e.g. a meeting link. */
export function webAddressIn(text: string): string | null {
  return /https?:\/\/[^\s<>"]+/i.exec(text)?.[0].replace(/[.,;:!?)]+$/, '') ?? null;
}

/** A phone number as a tel: link: the digits and a leading +, nothing else. */
export function phoneLink(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 3 ? `tel:${digits}` : null;
}

/**
 * Opens web, email and phone links in the coach's own browser, mail or phone app through the
 * desktop's one checked method; the page itself never navigates away.
 */
export function useExternalLink() {
  const desktop = inject(DESKTOP_KEY, null);
  const { error, run } = useAction();

  async function open(url: string): Promise<void> {
    if (!desktop) return;
    await run(() => desktop.openExternal(url));
  }

  /** For a container of rendered Markdown: a click on one of its links opens that link. */
  function onLinkClick(event: MouseEvent): void {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    event.preventDefault();
    void open(link.getAttribute('href') ?? '');
  }

  return { open, onLinkClick, error };
}
