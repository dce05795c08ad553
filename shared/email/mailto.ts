/**
 * The longest mailto: link Rapport hands to the system. Mail programs and OSes cut long links
 * without a word: Outlook and Windows' ShellExecute stop near 2,048–2,083 characters, and the
 * desktop contract refuses anything above 2,048. 2,000 stays under all of them with room to
 * spare; a longer message goes to the clipboard instead (see composeEmail).
 */
export const MAX_MAILTO_LENGTH = 2000;

export const CLIPBOARD_HINT = 'The message is on the clipboard: paste it into the email.';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

/** Lone surrogates make encodeURIComponent throw; a pasted half-emoji becomes U+FFFD instead. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD');
}

/** A header value of a mailto: link (RFC 6068): UTF-8, percent-encoded, line breaks as CRLF (%0D%0A). */
export function encodeMailtoValue(text: string): string {
  return encodeURIComponent(wellFormed(text).replace(/\r\n?|\n/gu, '\r\n'));
}

/** The address part: everything encoded but the one "@" between the local part and the domain. */
function encodeAddress(address: string): string {
  return encodeURIComponent(wellFormed(address.trim())).replace(/%40/gu, '@');
}

/** A mailto: link with the address and, when given, the subject and the body. */
export function mailtoUrl({ to, subject, body }: Partial<EmailMessage> & { to: string }): string {
  const fields: string[] = [];
  if (subject) fields.push(`subject=${encodeMailtoValue(subject)}`);
  if (body) fields.push(`body=${encodeMailtoValue(body)}`);
  return `mailto:${encodeAddress(to)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}

export interface ComposedEmail {
  /** The link to open in the coach's mail program. */
  url: string;
  /** The body to put on the clipboard when it did not fit in the link; null when it did. */
  clipboard: string | null;
}

/**
 * The link for a message. When the whole message makes the link longer than
 * MAX_MAILTO_LENGTH, the link carries the address and the subject only (or the address only,
 * when even the subject is too long) and the body is for the clipboard.
 */
export function composeEmail(message: EmailMessage, limit = MAX_MAILTO_LENGTH): ComposedEmail {
  const whole = mailtoUrl(message);
  if (whole.length <= limit) return { url: whole, clipboard: null };
  const withSubject = mailtoUrl({ to: message.to, subject: message.subject });
  return { url: withSubject.length <= limit ? withSubject : mailtoUrl({ to: message.to }), clipboard: message.body };
}
