import { describe, expect, it } from 'vitest';
import { desktopContract } from '../../../shared/api/desktop';
import { MAX_MAILTO_LENGTH, composeEmail, mailtoUrl } from '../../../shared/email/mailto';
import { isOpenableLink } from '../../../electron/external-links';

/** What a mail program reads back from the link, by the WHATWG URL parser Chromium and Electron use. */
function parsed(url: string) {
  const link = new URL(url);
  return { to: decodeURIComponent(link.pathname), subject: link.searchParams.get('subject'), body: link.searchParams.get('body') };
}

describe('mailto links (RFC 6068)', () => {
  it('percent-encodes accents, emoji and the characters that would end a field', () => {
    const subject = 'Séance de café ☕ & CV? #1 100% sûr';
    const body = 'Bonjour Zoë 👋\nQ&A: what = next? #goals 50% done\n\nÀ bientôt';
    const url = mailtoUrl({ to: 'zoe.müller@example.com', subject, body });
    expect(url).toBe(
      'mailto:zoe.m%C3%BCller@example.com' +
        '?subject=S%C3%A9ance%20de%20caf%C3%A9%20%E2%98%95%20%26%20CV%3F%20%231%20100%25%20s%C3%BBr' +
        '&body=Bonjour%20Zo%C3%AB%20%F0%9F%91%8B%0D%0AQ%26A%3A%20what%20%3D%20next%3F%20%23goals%2050%25%20done%0D%0A%0D%0A%C3%80%20bient%C3%B4t',
    );
    // Nothing in a value leaks into the link's structure: one "?", one "&" between fields, no "#".
    expect(url.split('?')).toHaveLength(2);
    expect(url.split('&')).toHaveLength(2);
    expect(url).not.toContain('#');
    expect(parsed(url)).toEqual({ to: 'zoe.müller@example.com', subject, body: body.replace(/\n/g, '\r\n') });
  });

  it('writes every kind of line break as CRLF', () => {
    expect(mailtoUrl({ to: 'a@example.com', body: 'one\ntwo\r\nthree\rfour' })).toBe(
      'mailto:a@example.com?body=one%0D%0Atwo%0D%0Athree%0D%0Afour',
    );
  });

  it('replaces a lone half of an emoji instead of failing', () => {
    expect(mailtoUrl({ to: 'a@example.com', subject: 'cut \uD83D' })).toBe('mailto:a@example.com?subject=cut%20%EF%BF%BD');
  });

  it('leaves out empty fields', () => {
    expect(mailtoUrl({ to: 'a@example.com', subject: '', body: '' })).toBe('mailto:a@example.com');
  });

  it('keeps a short message in the link, which the desktop contract and the main process accept', () => {
    const composed = composeEmail({ to: 'a@example.com', subject: 'Hello', body: 'See you on Tuesday.' });
    expect(composed).toEqual({ url: 'mailto:a@example.com?subject=Hello&body=See%20you%20on%20Tuesday.', clipboard: null });
    expect(desktopContract.openExternal.safeParse([composed.url]).success).toBe(true);
    expect(isOpenableLink(composed.url)).toBe(true);
  });

  it('puts a long body on the clipboard and opens the address and subject only', () => {
    const body = 'Ça avance 🚀 '.repeat(200);
    const composed = composeEmail({ to: 'a@example.com', subject: 'Recap', body });
    expect(mailtoUrl({ to: 'a@example.com', subject: 'Recap', body }).length).toBeGreaterThan(MAX_MAILTO_LENGTH);
    expect(composed).toEqual({ url: 'mailto:a@example.com?subject=Recap', clipboard: body });
  });

  it('keeps a message exactly at the limit in the link, and moves one character more to the clipboard', () => {
    const base = mailtoUrl({ to: 'a@example.com', subject: 'S', body: '' });
    const fits = 'x'.repeat(MAX_MAILTO_LENGTH - base.length - '&body='.length);
    expect(composeEmail({ to: 'a@example.com', subject: 'S', body: fits }).url).toHaveLength(MAX_MAILTO_LENGTH);
    expect(composeEmail({ to: 'a@example.com', subject: 'S', body: `${fits}x` }).clipboard).toBe(`${fits}x`);
  });

  it('drops the subject too when even the subject does not fit', () => {
    const composed = composeEmail({ to: 'a@example.com', subject: '😀'.repeat(100), body: 'short' }, 500);
    expect(composed).toEqual({ url: 'mailto:a@example.com', clipboard: 'short' });
  });

  it('stays under the desktop contract’s cap, so the fallback never meets a refusal', () => {
    expect(MAX_MAILTO_LENGTH).toBeLessThanOrEqual(2048);
    const longest = composeEmail({ to: 'a@example.com', subject: 'x'.repeat(200), body: 'y'.repeat(5000) });
    expect(desktopContract.openExternal.safeParse([longest.url]).success).toBe(true);
  });
});
