import { collapseSpaces } from './item-line';
import { normaliseText } from './similarity';

/** Letters and digits that cannot be mistaken for one another when retyped (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A short code for an agenda, the same every time it is shared: four characters from its id. */
export function agendaRef(agendaId: string): string {
  // FNV-1a: small, stable and spreads similar ids apart.
  let hash = 0x811c9dc5;
  for (let index = 0; index < agendaId.length; index += 1) {
    hash ^= agendaId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let code = '';
  for (let index = 0; index < 4; index += 1) {
    code += ALPHABET[hash % ALPHABET.length];
    hash = Math.floor(hash / ALPHABET.length);
  }
  return code;
}

/** The line that opens the shared text: "Agenda for Amara, Tuesday 8 December 2026 · ref K7Q2". */
export function referenceLine(firstName: string, date: string, ref: string): string {
  return `Agenda for ${firstName}, ${date} · ref ${ref}`;
}

/** What a reply says about the agenda it answers. */
export interface ReplyReference {
  /** The whole line, as the client's mail has it. */
  line: string;
  code: string | null;
  name: string | null;
  date: string | null;
}

const TITLE_START = /^[#*_ ]{0,6}agenda (?:for|with|pour|für|para|voor|per) /iu;
const TITLE_CODE = / ?· ?ref\.? ?:? ?([a-z\d]{4})[*_ ]{0,4}$/iu;

/** "Agenda for Amara, Tuesday 8 December 2026 · ref K7Q2" taken apart by hand: name, date, code. */
function titleParts(line: string): [string, string, string | null] | null {
  const start = TITLE_START.exec(line);
  if (!start) return null;
  let rest = line.slice(start[0].length);
  const code = TITLE_CODE.exec(rest);
  if (code) rest = rest.slice(0, code.index);
  let end = rest.length;
  while (end > 0 && '*_ '.includes(rest[end - 1])) end -= 1;
  rest = rest.slice(0, end);
  const separators = [', ', ' — ', ' – ', ' - '].map((mark) => ({ mark, at: rest.indexOf(mark) })).filter(({ at }) => at > 0);
  if (separators.length === 0) return null;
  const { mark, at } = separators.reduce((first, next) => (next.at < first.at ? next : first));
  const name = rest.slice(0, at).trim();
  const date = rest.slice(at + mark.length).trim();
  if (name === '' || date === '' || name.length > 80) return null;
  return [name, date, code ? code[1] : null];
}
const CODE = /(?:^|[ ·(#])ref\.? ?:? ?([a-z\d]{4})(?![a-z\d])/iu;

/** The first reference or agenda title line in the reply, if any. */
export function findReference(lines: readonly string[]): ReplyReference | null {
  let found: ReplyReference | null = null;
  for (const raw of lines) {
    if (raw.length > 300 || !/agenda|ref/iu.test(raw)) continue;
    const line = collapseSpaces(raw);
    const title = titleParts(line);
    if (title) {
      const code = title[2]?.toUpperCase() ?? null;
      const titled: ReplyReference =
        found === null ? { line, code, name: title[0], date: title[1] } : { ...found, code: code ?? found.code };
      if (titled.code !== null) return titled;
      found = titled;
      continue;
    }
    const code = /agenda/iu.test(line) || /^ref\b/iu.test(line) ? CODE.exec(line) : null;
    if (code) {
      const titled = found;
      return titled === null ? { line, code: code[1].toUpperCase(), name: null, date: null } : { ...titled, code: code[1].toUpperCase() };
    }
  }
  return found;
}

export interface ExpectedReference {
  code: string;
  firstName: string;
  /** The session's date as the shared text writes it. */
  date: string;
}

/**
 * Whether the reply answers this agenda: by its code when it has one, else by the client's
 * name and the session's date on its title line. Null when it matches or says nothing.
 */
export function mismatch(found: ReplyReference | null, expected: ExpectedReference): string | null {
  if (found === null) return null;
  if (found.code !== null) return found.code === expected.code ? null : found.line;
  if (found.name !== null && normaliseText(found.name).split(' ')[0] !== normaliseText(expected.firstName).split(' ')[0]) {
    return found.line;
  }
  if (found.date !== null && /\d{4}/u.test(found.date)) {
    const theirs = normaliseText(found.date);
    const ours = normaliseText(expected.date);
    const ourDay = ours.split(' ').slice(1).join(' ');
    if (!theirs.includes(ourDay) && !ours.includes(theirs)) return found.line;
  }
  return null;
}
