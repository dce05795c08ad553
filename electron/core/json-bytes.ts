/*
 * JSON.parse over UTF-8 bytes, the result exactly that of JSON.parse(bytes.toString('utf8')).
 *
 * Why not just that: decoding UTF-8 is slow next to copying ASCII, and V8 makes the whole text a
 * two-byte string as soon as it holds one character beyond Latin-1 (a typographic quote or dash,
 * a name in another script), as most client files soon do. The ten-year practice's
 * documents (52 MB) took ~450 ms to decode against ~160 ms to copy as ASCII. Rewriting each
 * non-ASCII character as its JSON escape (`é` as `\u00e9`) keeps the text ASCII, a one-byte string
 * copied at memory speed, and JSON.parse turns the escapes back into the same characters. Opening
 * that practice went from 1.30 to 1.11 s (median of eight, alternating in one process), and the
 * restore's checks on the app's thread, beside its worker on a two-core computer, do the same work.
 *
 * Only where that is certain: non-ASCII bytes can stand only inside a JSON string, and an escape
 * means the same there; a backslash right before one (an escape that JSON refuses, which the
 * rewrite would turn into a valid one) or bytes that are not well-formed UTF-8 (which toString
 * replaces with U+FFFD) take the plain way, so those give what they always gave.
 */

const HEX = '0123456789abcdef';

function escaped(unit: number): string {
  return `\\u${HEX[unit >> 12]}${HEX[(unit >> 8) & 15]}${HEX[(unit >> 4) & 15]}${HEX[unit & 15]}`;
}

/** The code point of the well-formed UTF-8 sequence starting with `lead` at `at`, and its length; null if it is not one. */
function codePointAt(bytes: Buffer, at: number, lead: number): { point: number; length: number } | null {
  let length: number;
  let point: number;
  let min: number;
  if (lead >= 0xc2 && lead <= 0xdf) [length, point, min] = [2, lead & 0x1f, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [length, point, min] = [3, lead & 0x0f, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [length, point, min] = [4, lead & 0x07, 0x10000];
  else return null;
  for (let next = 1; next < length; next += 1) {
    const byte = bytes[at + next];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return null;
    point = (point << 6) | (byte & 0x3f);
  }
  if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
  return { point, length };
}

/**
 * Non-ASCII characters in a text, at most, for the rewrite to be worth it: a few, and a small
 * share of a larger text. A text in Greek or Japanese, say, is mostly such characters, and is
 * left to toString (a part per character would cost more than it saves).
 */
const MAX_ESCAPED = 64;
const MAX_ESCAPED_SHARE = 1 / 32;

/** `bytes` as an ASCII-only JSON text with the same meaning, or null where that is not certain or not worth it (see above). */
export function asciiJsonText(buffer: Buffer): string | null {
  const maxEscaped = MAX_ESCAPED + buffer.length * MAX_ESCAPED_SHARE;
  const parts: string[] = [];
  let from = 0;
  let escapedCount = 0;
  for (let at = 0; at < buffer.length;) {
    const byte = buffer[at];
    if (byte < 0x80) {
      at += 1;
      continue;
    }
    escapedCount += 1;
    if (escapedCount > maxEscaped || (at > 0 && buffer[at - 1] === 0x5c)) return null;
    const character = codePointAt(buffer, at, byte);
    if (character === null) return null;
    if (at > from) parts.push(buffer.toString('latin1', from, at));
    const { point } = character;
    parts.push(
      point > 0xffff ? escaped(0xd800 + ((point - 0x10000) >> 10)) + escaped(0xdc00 + ((point - 0x10000) & 0x3ff)) : escaped(point),
    );
    at += character.length;
    from = at;
  }
  if (from === 0) return buffer.toString('latin1');
  parts.push(buffer.toString('latin1', from));
  return parts.join('');
}

/** JSON.parse(bytes.toString('utf8')), with less work for the same result (see above); throws as it does. */
export function parseJsonBytes(bytes: Buffer): unknown {
  return JSON.parse(asciiJsonText(bytes) ?? bytes.toString('utf8'));
}
