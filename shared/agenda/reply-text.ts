/**
 * Turns a pasted reply into lines: line endings, invisible characters and odd spaces
 * evened out, HTML pasted as text turned back into text, WhatsApp's per-line stamps taken
 * off, a numbered list that a phone app joined into one line split again, and each line's
 * quoting depth counted.
 *
 * Every pattern here works on one line at a time and has no nested or adjacent unbounded
 * quantifiers, so reading takes time linear in the text (the ReDoS test checks each one).
 */

export interface ReplyLine {
  /** How many quote marks (`>`) the line had. */
  depth: number;
  /** Leading spaces after the quote marks, tabs counted as four. */
  indent: number;
  text: string;
}

export type Conversion = 'html' | 'whatsapp' | 'joined-list';

export interface ReplyLines {
  lines: ReplyLine[];
  conversions: Conversion[];
  /** WhatsApp exports: the name before each message (null for every other reply). */
  senders: (string | null)[] | null;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WIDE_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

const MAIL_TAGS = new Set(
  'br p div li ul ol span blockquote b i u s strike del strong em a font table tbody tr td th h1 h2 h3 h4 h5 h6 html body head meta style'.split(
    ' ',
  ),
);
const BLOCK_TAGS = new Set(['p', 'div', 'tr', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG_NAME = /^<\/?([a-z][a-z\d]{0,9})(?![a-z\d])/iu;

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

/** The mail HTML tags in the text, found by scanning (no pattern runs over the whole text). */
function* tags(text: string): Generator<Tag> {
  let from = 0;
  while (from < text.length) {
    const start = text.indexOf('<', from);
    if (start < 0) return;
    const end = text.indexOf('>', start);
    if (end < 0) return;
    const next = text.indexOf('<', start + 1);
    if (end - start > 500 || (next >= 0 && next < end)) {
      from = start + 1;
      continue;
    }
    const name = TAG_NAME.exec(text.slice(start, Math.min(end + 1, start + 13)))?.[1].toLowerCase();
    if (name !== undefined && MAIL_TAGS.has(name)) yield { start, end: end + 1, name, closing: text[start + 1] === '/' };
    from = start + 1;
  }
}
const HTML_ENTITY = /&(?:[a-z]{2,8}|#\d{1,7}|#x[\da-f]{1,6});/giu;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  ntilde: 'ñ',
  iacute: 'í',
  oacute: 'ó',
  aacute: 'á',
  uacute: 'ú',
  atilde: 'ã',
  otilde: 'õ',
  ecirc: 'ê',
};

function decodeEntity(entity: string): string {
  const name = entity.slice(1, -1).toLowerCase();
  if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16), entity);
  if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), entity);
  return NAMED_ENTITIES[name] ?? entity;
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** HTML pasted as text: line-making tags (<br>, </div>, </p>, </li> …), not a stray "<b>" in a title. */
function looksLikeHtml(text: string): boolean {
  let count = 0;
  for (const tag of tags(text)) {
    if (tag.name === 'br' || ((BLOCK_TAGS.has(tag.name) || tag.name === 'li') && tag.closing)) count += 1;
    if (count >= 2) return true;
  }
  return false;
}

function tagText({ name, closing }: Tag): string {
  if (name === 'br' || BLOCK_TAGS.has(name)) return '\n';
  if (name === 'li') return closing ? '\n' : '\n- ';
  if (name === 's' || name === 'strike' || name === 'del') return '~~';
  return '';
}

function htmlToText(input: string): string {
  const text = input.replace(/\n/g, ' ');
  let out = '';
  let from = 0;
  for (const tag of tags(text)) {
    out += text.slice(from, tag.start) + tagText(tag);
    from = tag.end;
  }
  return (out + text.slice(from)).replace(HTML_ENTITY, decodeEntity);
}

/**
 * WhatsApp's export line: `[08/12/2026, 09:14:03] Amara: …` (iPhone) or
 * `08/12/2026, 09:14 - Amara: …` (Android). Bounded pieces only.
 */
const WHATSAPP = /^\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[ap]\.? ?m\.?)?\]? ?(?:- )?([^:\n]{1,60}): /iu;

function stripWhatsApp(rawLines: string[]): { lines: string[]; senders: (string | null)[] } | null {
  const stamped = rawLines.filter((line) => WHATSAPP.test(line)).length;
  if (stamped < 2) return null;
  let sender: string | null = null;
  const senders: (string | null)[] = [];
  const lines = rawLines.map((line) => {
    const match = WHATSAPP.exec(line);
    if (match) {
      sender = match[1].trim();
      senders.push(sender);
      return line.slice(match[0].length);
    }
    senders.push(sender);
    return line;
  });
  return { lines, senders };
}

const NUMBER_MARK = /(?:^|\s)(\d{1,2})[.)](?=\s)/g;

/**
 * "1. Check-in (10 min) 2. Your pitch (20 min) 3. …" on one line: split where the numbers
 * run on from the line's first number.
 */
function splitJoinedList(text: string): string[] | null {
  if (text.length > 4000) return null;
  const starts: number[] = [];
  let expected: number | null = null;
  NUMBER_MARK.lastIndex = 0;
  for (let match = NUMBER_MARK.exec(text); match !== null; match = NUMBER_MARK.exec(text)) {
    const number = Number(match[1]);
    const at = match.index + match[0].length - match[1].length - 1;
    if (expected === null) {
      if (at !== 0) return null;
      expected = number + 1;
      starts.push(at);
    } else if (number === expected) {
      expected += 1;
      starts.push(at);
    }
  }
  if (starts.length < 2) return null;
  const pieces = starts.map((start, index) => text.slice(start, starts[index + 1]).trim());
  // Two pieces could be one title that mentions a number ("Steps 1. and 2."): split only when both carry minutes.
  if (pieces.length === 2 && !pieces.every((piece) => /\d ?(?:min|m\b|')/iu.test(piece))) return null;
  return pieces;
}

/** Counts and removes quote marks by hand: `> > >text`, `>>text`, with spaces between. */
function unquote(line: string): { depth: number; rest: string } {
  let depth = 0;
  let position = 0;
  let lastMark = -1;
  while (position < line.length) {
    const char = line[position];
    if (char === '>') {
      depth += 1;
      lastMark = position;
    } else if (char !== ' ' && char !== '\t') {
      break;
    }
    position += 1;
  }
  if (depth === 0) return { depth: 0, rest: line };
  let rest = line.slice(lastMark + 1);
  if (rest.startsWith(' ')) rest = rest.slice(1);
  return { depth, rest };
}

function measure(body: string): { indent: number; text: string } {
  let indent = 0;
  let position = 0;
  while (position < body.length) {
    const char = body[position];
    if (char === ' ') indent += 1;
    else if (char === '\t') indent += 4;
    else break;
    position += 1;
  }
  return { indent, text: body.slice(position).trimEnd() };
}

export function replyLines(input: string): ReplyLines {
  const conversions: Conversion[] = [];
  let text = input.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(WIDE_SPACES, ' ');
  if (looksLikeHtml(text)) {
    text = htmlToText(text);
    conversions.push('html');
  } else if (/&(?:amp|nbsp|lt|gt|quot|#\d{1,7});/iu.test(text)) {
    text = text.replace(HTML_ENTITY, decodeEntity);
  }
  let rawLines = text.split('\n');
  let senders: (string | null)[] | null = null;
  const whatsApp = stripWhatsApp(rawLines);
  if (whatsApp) {
    rawLines = whatsApp.lines;
    senders = whatsApp.senders;
    conversions.push('whatsapp');
  }
  const lines: ReplyLine[] = [];
  const lineSenders: (string | null)[] = [];
  rawLines.forEach((raw, index) => {
    const { depth, rest } = unquote(raw);
    const { indent, text: body } = measure(rest);
    const pieces = splitJoinedList(body);
    if (pieces) {
      if (!conversions.includes('joined-list')) conversions.push('joined-list');
      for (const piece of pieces) {
        lines.push({ depth, indent, text: piece });
        lineSenders.push(senders?.[index] ?? null);
      }
      return;
    }
    lines.push({ depth, indent, text: body });
    lineSenders.push(senders?.[index] ?? null);
  });
  return { lines, conversions, senders: senders ? lineSenders : null };
}
