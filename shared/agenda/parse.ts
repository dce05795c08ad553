import { MAX_SHORT_TEXT } from '../model/primitives';
import { parseItemLine } from './item-line';
import { isHeaderField, isReplyHeader, isSignatureDelimiter, replyLines, type ReplyLine } from './reply-lines';
import { normaliseText } from './similarity';
import { GOALS_HEADING, INVITATION, ITEMS_HEADING, NOTHING_YET } from './wording';

export interface ParsedItem {
  title: string;
  /** Null when the reply gives no length for the item. */
  minutes: number | null;
  details: string;
}

export interface ParsedReply {
  goals: string[];
  items: ParsedItem[];
  /** Lines that could not be placed: shown to the coach, never dropped. */
  unparsed: string[];
}

type Section = 'before' | 'goals' | 'items' | 'signature';

const BULLET = /^(?:\d{1,3}[.)]|[-*•+·◦▪‣–])\s+(.*)$/u;
/** Deeper than this under an item, a line belongs to that item's details. */
const DETAIL_INDENT = 2;

function headingText(line: string): string {
  return normaliseText(line.replace(/^#+\s*/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/:\s*$/, ''));
}

function isGoalsHeading(line: string): boolean {
  const heading = headingText(line);
  return heading === normaliseText(GOALS_HEADING) || /^(?:meeting |session |our )?(?:goals?|objectives?|aims?)(?: for (?:this|the|our|today s?) (?:meeting|session|call))?$/.test(heading);
}

function isItemsHeading(line: string): boolean {
  const heading = headingText(line);
  return heading === normaliseText(ITEMS_HEADING) || /^(?:agenda(?: items)?|items|topics|plan|what we (?:ll|will) (?:cover|discuss|talk about))$/.test(heading);
}

function isTitleLine(line: string): boolean {
  return /^#*\s*agenda (?:for|with|[–—-])\s/iu.test(line);
}

function isBoilerplate(line: string): boolean {
  const text = normaliseText(line);
  if (text === normaliseText(NOTHING_YET)) return true;
  return text.length >= 15 && normaliseText(INVITATION).includes(text);
}

interface OpenItem {
  raw: string;
  details: ReplyLine[];
}

function dedent(lines: ReplyLine[]): string {
  const kept = [...lines];
  while (kept.length > 0 && kept[0].text === '') kept.shift();
  while (kept.length > 0 && kept.at(-1)?.text === '') kept.pop();
  const filled = kept.filter((line) => line.text !== '');
  const base = filled.length > 0 ? Math.min(...filled.map((line) => line.indent)) : 0;
  return kept.map((line) => (line.text === '' ? '' : ' '.repeat(line.indent - base) + line.text)).join('\n');
}

/**
 * Reads the client's edited agenda out of an email reply: goals, items (with their minutes
 * in any common notation) and everything else as `unparsed`. Forgiving about bullets,
 * numbering, quoting, line endings, greetings and signatures.
 */
export function parseAgendaReply(text: string): ParsedReply {
  const lines = replyLines(text);
  const hasHeadings = lines.some((line) => isGoalsHeading(line.text) || isItemsHeading(line.text));
  const goals: string[] = [];
  const openItems: OpenItem[] = [];
  const unparsed: string[] = [];
  let section: Section = hasHeadings ? 'before' : 'items';
  /** What the previous line was, for wrapped lines and details. */
  let previous: 'blank' | 'goal' | 'item' | 'item-gap' | 'other' = 'blank';

  const agendaFound = () => goals.length > 0 || openItems.length > 0;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const next = lines[index + 1]?.text ?? '';
    if (line.text === '') {
      // Kept inside an item's details; trailing ones are trimmed when the item is read.
      const inItem: boolean = section === 'items' && (previous === 'item' || previous === 'item-gap');
      if (inItem) openItems.at(-1)?.details.push(line);
      previous = inItem ? 'item-gap' : 'blank';
      continue;
    }
    const wrappedHeader = /^(?:on|le|am)\s/i.test(line.text) && /^(?:wrote|a écrit|schrieb):$/iu.test(next);
    if (isReplyHeader(line.text) || wrappedHeader) {
      // The quoted earlier message: once the reply's own agenda is read, it is the coach's original.
      if (agendaFound()) break;
      if (wrappedHeader) index += 1;
      section = hasHeadings ? 'before' : 'items';
      previous = 'other';
      continue;
    }
    if (isSignatureDelimiter(line.text)) {
      section = 'signature';
      continue;
    }
    if (isHeaderField(line.text) || isTitleLine(line.text) || isBoilerplate(line.text)) {
      previous = 'other';
      continue;
    }
    if (section !== 'signature' && isGoalsHeading(line.text)) {
      section = 'goals';
      previous = 'other';
      continue;
    }
    if (section !== 'signature' && isItemsHeading(line.text)) {
      section = 'items';
      previous = 'other';
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const current = openItems.at(-1);

    if (section === 'items' && current && line.indent >= DETAIL_INDENT && (previous === 'item' || previous === 'item-gap')) {
      current.details.push(line);
      previous = 'item';
      continue;
    }
    if (section === 'items' && bullet) {
      openItems.push({ raw: bullet[1], details: [] });
      previous = 'item';
      continue;
    }
    if (section === 'items' && current && previous === 'item' && current.details.length === 0) {
      // An email program wrapped a long item line.
      current.raw += ` ${line.text}`;
      continue;
    }
    if (section === 'goals' && bullet) {
      const asItem = parseItemLine(bullet[1]);
      if (asItem.minutes !== null) {
        // A line with minutes is an item: the client dropped the items heading.
        section = 'items';
        openItems.push({ raw: bullet[1], details: [] });
        previous = 'item';
      } else {
        goals.push(bullet[1].trim());
        previous = 'goal';
      }
      continue;
    }
    if (section === 'goals' && previous === 'goal' && goals.length > 0) {
      goals[goals.length - 1] += ` ${line.text}`;
      continue;
    }
    unparsed.push(line.text);
    previous = 'other';
  }

  const items: ParsedItem[] = [];
  for (const open of openItems) {
    const { title, minutes } = parseItemLine(open.raw);
    if (title === '' || title.length > MAX_SHORT_TEXT) {
      unparsed.push(open.raw, ...open.details.filter((line) => line.text !== '').map((line) => line.text));
      continue;
    }
    items.push({ title, minutes, details: dedent(open.details) });
  }
  const keptGoals = goals.filter((goal) => {
    if (goal !== '' && goal.length <= MAX_SHORT_TEXT) return true;
    if (goal !== '') unparsed.push(goal);
    return false;
  });
  return { goals: keptGoals, items, unparsed };
}
