import type { Owner } from '../model/primitives';

/** The longest an item may last (the model's limit); larger numbers are left in the title. */
const MAX_MINUTES = 600;

// Patterns run on text whose spaces are already collapsed to single ones, so each allows at
// most one space where a person may type several: no adjacent unbounded quantifiers.
const MINUTE_UNIT = String.raw`(?:minutes?|minuten|minutos?|minuti|mins?\.?|mn|m(?!\p{L})|'|’|′)`;
const HOUR_UNIT = String.raw`(?:hours?|hrs?\.?|heures?|stunden?|horas?|uur|ore|h(?!\p{L}))`;
const HOURS = String.raw`(\d{1,2}(?:[.,]\d{1,2})?) ?${HOUR_UNIT}(?: ?(\d{1,2}) ?${MINUTE_UNIT}?)?`;
const CLOCK = String.raw`([0-9]):([0-5]\d)(?!\d)`;
const MINUTES = String.raw`(\d{1,3}) ?${MINUTE_UNIT}`;
const DURATION = String.raw`~? ?(?:${HOURS}|${CLOCK}|${MINUTES})`;

const BRACKETED = new RegExp(String.raw`[(\[] ?${DURATION} ?[)\]]`, 'giu');
const TRAILING = new RegExp(String.raw`(?:^|[ ,;:|–—-]) ?${DURATION}$`, 'iu');
const LEADING = new RegExp(String.raw`^${DURATION}(?: ?[:|–—-] ?| )(?=\S)`, 'iu');

const PROPOSER_VERBS = ['proposed by ', 'suggested by ', 'added by '];
const PROPOSER_MARKS = '—–-([';

/** "— proposed by you", "(suggested by Amara)" at the end of an item line, found by hand. */
function splitProposer(text: string): { rest: string; who: string } | null {
  const lower = text.toLowerCase();
  for (const verb of PROPOSER_VERBS) {
    const at = lower.lastIndexOf(verb);
    if (at < 0) continue;
    let end = at;
    while (end > 0 && text[end - 1] === ' ') end -= 1;
    if (end === 0 || !PROPOSER_MARKS.includes(text[end - 1])) continue;
    while (end > 0 && (PROPOSER_MARKS.includes(text[end - 1]) || text[end - 1] === ' ')) end -= 1;
    let who = text.slice(at + verb.length).trim();
    if (who.endsWith(')') || who.endsWith(']')) who = who.slice(0, -1).trim();
    if (who === '' || who.length > 80 || who.includes(')') || who.includes(']')) continue;
    return { rest: text.slice(0, end), who };
  }
  return null;
}

function toMinutes(match: RegExpExecArray): number | null {
  const [, hours, extraMinutes, clockHours, clockMinutes, minutes] = match;
  let total: number;
  if (hours !== undefined) total = Math.round(Number(hours.replace(',', '.')) * 60) + Number(extraMinutes ?? 0);
  else if (clockHours !== undefined) total = Number(clockHours) * 60 + Number(clockMinutes);
  else total = Number(minutes);
  return Number.isFinite(total) && total <= MAX_MINUTES ? total : null;
}

/** Runs of white space as one space, trimmed: done first so no pattern needs `\s*`. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  const edge = ' :;,|–—-';
  while (start < end && edge.includes(text[start])) start += 1;
  while (end > start && edge.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

export function tidyTitle(text: string): string {
  return trimPunctuation(collapseSpaces(text))
    .replace(/^\*\*(.*)\*\*$/u, '$1')
    .replace(/^__(.*)__$/u, '$1')
    .trim();
}

export interface ItemLine {
  title: string;
  minutes: number | null;
  /** Who the text says proposed it, when it says so in words we wrote. */
  proposedBy: Owner | null;
}

function ownerFrom(words: string): Owner | null {
  const who = words.trim().toLowerCase();
  if (who === 'you' || who === 'client' || who === 'the client') return 'client';
  return who === '' ? null : 'coach';
}

/**
 * Reads one agenda item's text (bullet already removed): its title, its length in any
 * common notation — `(15 min)`, `15 min`, `15m`, `15'`, `0:15`, `15 minutes`, `1h30` — and
 * the "proposed by you/me" note that the shared text carries.
 */
export function parseItemLine(text: string): ItemLine {
  let rest = collapseSpaces(text).replace(/^\[[ xX]\] /, '');
  let proposedBy: Owner | null = null;
  const proposer = splitProposer(rest);
  if (proposer) {
    proposedBy = ownerFrom(proposer.who);
    rest = proposer.rest;
  }
  let minutes: number | null = null;
  const bracketed = [...rest.matchAll(BRACKETED)].at(-1);
  if (bracketed?.index !== undefined) {
    minutes = toMinutes(bracketed);
    if (minutes !== null) rest = collapseSpaces(rest.slice(0, bracketed.index) + ' ' + rest.slice(bracketed.index + bracketed[0].length));
  }
  for (const pattern of [TRAILING, LEADING]) {
    if (minutes !== null) break;
    const match = pattern.exec(rest);
    if (!match) continue;
    const candidate = toMinutes(match);
    const remainder = collapseSpaces(rest.slice(0, match.index) + ' ' + rest.slice(match.index + match[0].length));
    if (candidate !== null && tidyTitle(remainder) !== '') {
      minutes = candidate;
      rest = remainder;
    }
  }
  return { title: tidyTitle(rest), minutes, proposedBy };
}
