import { RapportError } from '../errors';
import { MAX_SHORT_TEXT } from '../model/primitives';
import { collapseSpaces, parseItemLine } from './item-line';
import { findReference, type ReplyReference } from './reference';
import { isMailBoilerplate, isSignatureDelimiter, splitReply, type SourcedLine } from './reply-lines';
import { replyLines, type Conversion } from './reply-text';
import { REWORD_THRESHOLD, normaliseText, titleSimilarity } from './similarity';
import { GOALS_HEADING, INVITATION, ITEMS_HEADING, NOTHING_YET } from './wording';

export interface ParsedItem {
  title: string;
  /** Null when the reply gives no length for the item. */
  minutes: number | null;
  details: string;
}

/** A line of the client's own words that is not a change, and the item it follows (-1: before the items). */
export interface ParsedComment {
  text: string;
  afterItem: number;
}

export interface ParsedReply {
  goals: string[];
  items: ParsedItem[];
  /** Which parts of the agenda the reply gives; a part left out is unchanged, not emptied. */
  sections: { goals: boolean; items: boolean };
  comments: ParsedComment[];
  reference: ReplyReference | null;
  /** How the text had to be read: converted from HTML or a chat export, a joined list split. */
  conversions: Conversion[];
  /** Items the client struck through (~~like this~~): read as removals. */
  struck: string[];
  /** Where the agenda was read: her own text, or the quoted agenda she edited or commented on. */
  source: 'own' | 'answered' | 'none';
}

export interface ParseOptions {
  /** The agenda the reply answers: lets wrapped lines and details that lost their indentation be read whole. */
  known?: { goals: readonly string[]; items: readonly { title: string; details: string }[] };
  clientFirstName?: string;
  /** Lines of the shared text that are neither agenda nor the client's words (the coach's sign-off). */
  ignoredLines?: readonly string[];
  /** Gives up with REPLY_TOO_COMPLEX when `now()` passes `deadline`. */
  now?: (() => number) | undefined;
  deadline?: number | undefined;
}

const BULLET = /^(?:\d{1,3}[.)]|[-*•+·◦▪‣–]|\[[ xX]?\])\s(.*)$/u;
/** Deeper than this under an item, a line belongs to that item's details. */
const DETAIL_INDENT = 2;
/** Longer lines are never an item, heading or header: they are shown as the client's words. */
const MAX_LINE = 2000;
/** A line at least this long may have been wrapped by the mail program. */
const WRAP_WIDTH = 60;

const CLOSING =
  /^(?:thanks|thank you|many thanks|best|cheers|regards|kind regards|warm regards|best wishes|all the best|see you|talk soon|merci|cordialement|bien à vous|à bientôt|à mardi|bises|bonne journée|danke|vielen dank|viele grüße|liebe grüße|beste grüße|mit freundlichen grüßen|bis dann|gracias|saludos|un saludo|abrazos|hasta pronto|groetjes|met vriendelijke groet|hartelijke groet|tot dan|dank je|bedankt|grazie|cordiali saluti|a presto|un abbraccio|saluti|obrigad[oa]|abraços|atenciosamente|até logo|beijos)\b/iu;
const POSTSCRIPT = /^p\.? ?s\b/iu;
/** "Total: 70 min": a sum, not an item (a title like "Total rewards" is still an item). */
const TOTAL = /^(?:total|in total|sum|gesamt|insgesamt|totale?|totaal|somme) ?[:=]? ?~?\d/iu;
const PHONE = /^(?:(?:tel|phone|mobile|mob|cell|tél|handy|móvil|telefone)\.?:? ?)?\+?[\d ()./-]{7,30}$/iu;
const EMAIL = /^[^\s@]+@[^\s@]+$/u;
const LINK = /^(?:https?:\/\/|www\.)\S+$/iu;

/** A phone number, address or link on its own: signature material, never an item. */
function isContact(text: string): boolean {
  return text.length <= 300 && (PHONE.test(text) || EMAIL.test(text) || LINK.test(text));
}
const NAME_ONLY = /^\p{Lu}[\p{L}'’.-]{0,24}(?: \p{Lu}[\p{L}'’.-]{0,24})?$/u;
const WHEN_WHERE = /^(?:when|where|time|place|link|join|quand|où|wann|wo|cuándo|dónde|wanneer|waar|quando|dove|onde) ?:/iu;

function headingText(line: string): string {
  return normaliseText(
    line
      .replace(/^#{1,6} ?/u, '')
      .replace(/^(\*\*|__)(.{0,200})\1$/u, '$2')
      .replace(/:$/u, ''),
  );
}

const GOALS_WORDS =
  /^(?:meeting |session |our |my )?(?:goals?|objectives?|aims?|objectifs?|ziele|objetivos?|doelen|obiettivi)(?: (?:for|of) (?:this|the|our|today s?) (?:meeting|session|call))?(?: (?:de la|pour la|für die|para la|voor de|per la) (?:séance|sitzung|sesión|sessie|sessione|reunion|réunion))?$/u;
const ITEMS_WORDS =
  /^(?:agenda(?: items)?|items|topics|plan|programme|program|what we (?:ll|will) (?:cover|discuss|talk about)|ordre du jour|tagesordnung|themen|orden del día|orden del dia|temas|onderwerpen|punti|argomenti|pauta|tópicos)$/u;

function isGoalsHeading(line: string): boolean {
  if (BULLET.test(line)) return false;
  const heading = headingText(line);
  return heading === normaliseText(GOALS_HEADING) || GOALS_WORDS.test(heading);
}

function isItemsHeading(line: string): boolean {
  if (BULLET.test(line)) return false;
  const heading = headingText(line);
  return heading === normaliseText(ITEMS_HEADING) || ITEMS_WORDS.test(heading);
}

function isTitleLine(line: string): boolean {
  return /^[#*_ ]{0,6}agenda (?:for|with|pour|für|para|voor|per|[–—-]) /iu.test(line);
}

function isNothingYet(line: string): boolean {
  return normaliseText(line) === normaliseText(NOTHING_YET);
}

function isInvitation(line: string): boolean {
  const text = normaliseText(line);
  return text.length >= 15 && normaliseText(INVITATION).includes(text);
}

interface OpenItem {
  raw: string;
  indent: number;
  details: SourcedLine[];
}

interface Block {
  goals: string[];
  items: OpenItem[];
  comments: ParsedComment[];
  goalsHeading: boolean;
  itemsHeading: boolean;
}

function dedent(lines: SourcedLine[]): string {
  const kept = [...lines];
  while (kept.length > 0 && kept[0].text === '') kept.shift();
  while (kept.length > 0 && kept.at(-1)?.text === '') kept.pop();
  const filled = kept.filter((line) => line.text !== '');
  const base = filled.length > 0 ? Math.min(...filled.map((line) => line.indent)) : 0;
  return kept.map((line) => (line.text === '' ? '' : ' '.repeat(line.indent - base) + line.text)).join('\n');
}

class Budget {
  private counter = 0;
  constructor(private readonly options: ParseOptions) {}
  tick(): void {
    this.counter += 1;
    if ((this.counter & 255) !== 0 || this.options.deadline === undefined || this.options.now === undefined) return;
    if (this.options.now() > this.options.deadline) {
      throw new RapportError(
        'REPLY_TOO_COMPLEX',
        'Rapport could not read this reply in reasonable time. Paste only the client’s latest message and try again.',
      );
    }
  }
}

class Known {
  readonly titles: Set<string>;
  readonly detailLines: string[];
  readonly goals: string[];
  constructor(options: ParseOptions) {
    this.titles = new Set(options.known?.items.map((item) => normaliseText(item.title)) ?? []);
    this.detailLines = (options.known?.items ?? []).flatMap((item) =>
      item.details
        .split('\n')
        .map((line) => normaliseText(line))
        .filter(Boolean),
    );
    this.goals = (options.known?.goals ?? []).map(normaliseText);
    this.ignoredKeys = new Set((options.ignoredLines ?? []).map((line) => collapseSpaces(line)).filter(Boolean));
  }
  private readonly ignoredKeys: Set<string>;
  ignored(text: string): boolean {
    return this.ignoredKeys.size > 0 && this.ignoredKeys.has(collapseSpaces(text));
  }
  /** Whether `text` is (the start of) a known title. */
  titleStart(text: string): boolean {
    const key = normaliseText(text);
    if (key === '') return false;
    for (const title of this.titles) if (title.startsWith(key)) return true;
    return false;
  }
  detailStart(text: string): boolean {
    const key = normaliseText(text);
    return key !== '' && this.detailLines.some((line) => line.startsWith(key));
  }
  /** Whether `text` appears inside a known detail line (the tail of a wrapped one). */
  detailPart(text: string): boolean {
    const key = normaliseText(text);
    return key.length >= 3 && this.detailLines.some((line) => line.includes(key));
  }
  goalStart(text: string): boolean {
    const key = normaliseText(text);
    return key !== '' && this.goals.some((goal) => goal.startsWith(key));
  }
}

const startsLower = (text: string) => /^\p{Ll}/u.test(text);

/** Reads one part of the reply (her own text, or the agenda she answered). */
function readBlock(lines: readonly SourcedLine[], mixed: boolean, options: ParseOptions, known: Known, budget: Budget): Block {
  const block: Block = { goals: [], items: [], comments: [], goalsHeading: false, itemsHeading: false };
  const isHeading = (line: SourcedLine) => line.text.length <= 200 && (isGoalsHeading(line.text) || isItemsHeading(line.text));
  const firstHeading = lines.findIndex(isHeading);
  const firstBullet = lines.findIndex((line) => BULLET.test(line.text));
  // Headings count only when they come before the first item: a list above them is hers, and
  // what follows is a copy of the shared text that no reply header announced.
  const copyBetween =
    firstBullet >= 0 && lines.slice(firstBullet, Math.max(firstHeading, firstBullet)).some((line) => isTitleLine(line.text));
  const hasHeadings = firstHeading >= 0 && (firstBullet < 0 || firstHeading < firstBullet || !copyBetween);
  let section: 'before' | 'goals' | 'items' | 'closing' = hasHeadings ? 'before' : 'items';
  let previous: 'blank' | 'goal' | 'item' | 'detail' | 'item-gap' | 'other' = 'blank';
  const found = () => block.goals.length > 0 || block.items.length > 0;
  const comment = (line: SourcedLine) => {
    if (!line.own) return;
    block.comments.push({ text: line.text, afterItem: block.items.length - 1 });
  };
  const firstName = options.clientFirstName ? normaliseText(options.clientFirstName) : '';
  let coachClosed = false;

  for (let index = 0; index < lines.length; index += 1) {
    budget.tick();
    const line = lines[index];
    const text = line.text;
    const current = block.items.at(-1);
    /** Her own line typed between the quoted agenda's lines. */
    const foreign = mixed && line.own;
    if (text === '') {
      const inItem: boolean = section === 'items' && (previous === 'item' || previous === 'detail' || previous === 'item-gap');
      if (inItem && current && !foreign) current.details.push(line);
      previous = inItem ? 'item-gap' : 'blank';
      continue;
    }
    if (text.length > MAX_LINE) {
      comment(line);
      previous = 'other';
      continue;
    }
    // Indented lines under an item are its details, whatever they say: never structure.
    const structural = line.indent < DETAIL_INDENT || !(previous === 'item' || previous === 'detail' || previous === 'item-gap');
    if (structural && isMailBoilerplate(text)) continue;
    if (structural && isSignatureDelimiter(text)) {
      section = 'closing';
      continue;
    }
    if (structural && isTitleLine(text)) {
      // A second agenda title: the rest is a copy read before (a quoted message whose header was missed).
      if (found()) break;
      continue;
    }
    if (structural && (isNothingYet(text) || WHEN_WHERE.test(text) || known.ignored(text))) continue;
    if (coachClosed && !foreign) continue;
    if (structural && isInvitation(text)) {
      // In the quoted agenda, what follows the invitation is the coach's own sign-off; her
      // own lines, there or in a copy she edited, are still read (a copied sign-off is ignored).
      if (mixed && !foreign) coachClosed = true;
      continue;
    }
    if (structural && section !== 'closing' && text.length <= 200 && isGoalsHeading(text)) {
      if (block.items.length > 0 || block.goalsHeading) break;
      section = 'goals';
      block.goalsHeading = true;
      previous = 'other';
      continue;
    }
    if (structural && section !== 'closing' && text.length <= 200 && isItemsHeading(text)) {
      section = 'items';
      block.itemsHeading = true;
      previous = 'other';
      continue;
    }
    if (section === 'closing') {
      comment(line);
      continue;
    }
    if (structural && line.own && (POSTSCRIPT.test(text) || (found() && text.length <= 60 && CLOSING.test(text)))) {
      section = 'closing';
      comment(line);
      continue;
    }
    const bullet = BULLET.exec(text);
    const inItem =
      section === 'items' && current !== undefined && (previous === 'item' || previous === 'detail' || previous === 'item-gap');

    if (inItem && current && !foreign && line.indent >= current.indent + DETAIL_INDENT) {
      current.details.push(line);
      previous = 'detail';
      continue;
    }
    if (inItem && current && !bullet && !foreign) {
      if (previous === 'item' && joinsTitle(current, text, known)) {
        current.raw = `${current.raw} ${text}`;
        continue;
      }
      const lastDetail = current.details.at(-1);
      if (previous === 'detail' && lastDetail && lastDetail.text !== '' && joinsDetail(lastDetail.text, text, known)) {
        current.details[current.details.length - 1] = { ...lastDetail, text: `${lastDetail.text} ${text}` };
        continue;
      }
      if (known.detailStart(text)) {
        current.details.push({ ...line, indent: current.indent + DETAIL_INDENT + 1 });
        previous = 'detail';
        continue;
      }
    }
    if (inItem && current && !bullet && foreign) {
      // Her own words right under a quoted item are a comment on it, never part of its title.
      comment(line);
      previous = 'other';
      continue;
    }
    if (section === 'items' && bullet) {
      const content = bullet[1].trim();
      if (line.own && isSignOff(content, firstName, lines, index, block, known)) {
        comment(line);
        section = 'closing';
        continue;
      }
      const knownTitle = known.titles.has(normaliseText(parseItemLine(content).title));
      if (!knownTitle && (TOTAL.test(content) || isContact(content) || (foreign && content.endsWith('?')))) {
        comment(line);
        previous = 'other';
        continue;
      }
      block.items.push({ raw: content, indent: line.indent, details: [] });
      previous = 'item';
      continue;
    }
    if (section === 'items' && !bullet && line.own && text.length <= 120 && !TOTAL.test(text) && !isContact(text)) {
      const unbulleted = parseItemLine(text);
      // "Check-in 10 min" typed without a bullet is still an item.
      if (
        unbulleted.minutes !== null &&
        unbulleted.title !== '' &&
        !/[.?!]$/u.test(unbulleted.title) &&
        unbulleted.title.split(' ').length <= 12
      ) {
        block.items.push({ raw: text, indent: line.indent, details: [] });
        previous = 'item';
        continue;
      }
    }
    if (section === 'goals' && bullet) {
      const content = bullet[1].trim();
      if (parseItemLine(content).minutes !== null && !known.goals.includes(normaliseText(content))) {
        // A line with minutes is an item: the client dropped the items heading.
        section = 'items';
        block.items.push({ raw: content, indent: line.indent, details: [] });
        previous = 'item';
      } else {
        block.goals.push(content);
        previous = 'goal';
      }
      continue;
    }
    if (section === 'goals' && previous === 'goal' && !foreign && block.goals.length > 0) {
      const last = block.goals[block.goals.length - 1];
      if (known.goalStart(`${last} ${text}`) || (startsLower(text) && !/[.!?:]$/u.test(last))) {
        block.goals[block.goals.length - 1] = `${last} ${text}`;
        continue;
      }
    }
    comment(line);
    previous = 'other';
  }
  return block;
}

/** Whether a line that follows an item line is the rest of that line, wrapped by the mail program. */
function joinsTitle(item: OpenItem, text: string, known: Known): boolean {
  if (BULLET.test(text)) return false;
  const now = parseItemLine(item.raw);
  const joined = parseItemLine(`${item.raw} ${text}`);
  if (now.minutes === null && joined.minutes !== null && text.split(' ').length <= 14) return true;
  if (now.proposedBy === null && joined.proposedBy !== null && now.minutes === joined.minutes) return true;
  if (now.minutes === null && known.titleStart(joined.title)) return true;
  return now.minutes === null && startsLower(text) && !/[.!?:]$/u.test(item.raw);
}

function joinsDetail(last: string, text: string, known: Known): boolean {
  if (BULLET.test(text)) return false;
  if (known.detailStart(`${last} ${text}`)) return true;
  if (known.detailPart(text) && !known.detailStart(text)) return true;
  return last.length >= WRAP_WIDTH && startsLower(text);
}

/** "- Amara", "- A." as the last bullet of her text is how she signed, not an item. */
function isSignOff(content: string, firstName: string, lines: readonly SourcedLine[], index: number, block: Block, known: Known): boolean {
  if (!NAME_ONLY.test(content) || known.titles.has(normaliseText(content))) return false;
  const name = normaliseText(content);
  if (firstName !== '' && (name === firstName || name === firstName[0] || firstName.startsWith(name.replace(/ .*/u, '')))) return true;
  const isLast = lines.slice(index + 1).every((line) => line.text === '' || !BULLET.test(line.text));
  const afterGap = index > 0 && lines[index - 1].text === '';
  const timed = block.items.some((item) => parseItemLine(item.raw).minutes !== null);
  return isLast && afterGap && timed && parseItemLine(content).minutes === null;
}

/** The text without its ~~struck~~ parts, found by hand. */
function withoutStruck(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('~~', from);
    const close = open < 0 ? -1 : text.indexOf('~~', open + 2);
    if (close < 0) return out + text.slice(from);
    out += `${text.slice(from, open)} `;
    from = close + 2;
  }
}

/** Removes ~~struck~~ words; null when the whole title was struck. */
function unstrike(raw: string): string | null {
  if (!raw.includes('~~')) return raw;
  const kept = withoutStruck(raw);
  return parseItemLine(kept).title === '' ? null : collapseSpaces(kept);
}

interface Reading {
  goals: string[];
  items: ParsedItem[];
  comments: ParsedComment[];
  struck: string[];
  sections: { goals: boolean; items: boolean };
}

function finish(block: Block): Reading {
  const items: ParsedItem[] = [];
  const comments: ParsedComment[] = [];
  const struck: string[] = [];
  // Comment positions refer to open items; map them onto the items that survive.
  const placeOf: number[] = [];
  for (const open of block.items) {
    const raw = unstrike(open.raw);
    if (raw === null) {
      struck.push(parseItemLine(open.raw.replaceAll('~~', '')).title);
      placeOf.push(items.length - 1);
      continue;
    }
    const { title, minutes } = parseItemLine(raw);
    if (title === '' || title.length > MAX_SHORT_TEXT) {
      comments.push({ text: open.raw, afterItem: items.length - 1 });
      placeOf.push(items.length - 1);
      continue;
    }
    items.push({ title, minutes, details: dedent(open.details) });
    placeOf.push(items.length - 1);
  }
  for (const entry of block.comments) {
    comments.push({ text: entry.text, afterItem: entry.afterItem < 0 ? -1 : placeOf[entry.afterItem] });
  }
  comments.sort((a, b) => a.afterItem - b.afterItem);
  const goals: string[] = [];
  for (const goal of block.goals) {
    const text = collapseSpaces(withoutStruck(goal));
    if (text !== '' && text.length <= MAX_SHORT_TEXT) goals.push(text);
    else if (text !== '') comments.push({ text, afterItem: -1 });
  }
  return {
    goals,
    items,
    comments,
    struck,
    sections: {
      goals: block.goalsHeading || block.goals.length > 0,
      items: block.itemsHeading || block.items.length > 0,
    },
  };
}

function hasAgenda(block: Block): boolean {
  return block.items.length > 0 || (block.goalsHeading && block.goals.length > 0);
}

/** Whether her own list is a whole agenda (headings, or items shared with the agenda), not a few additions. */
function isWholeList(block: Block, agendaTitles: readonly string[]): boolean {
  if (block.goalsHeading || block.itemsHeading) return true;
  if (agendaTitles.length === 0) return true;
  return block.items.some((open) => {
    const { title } = parseItemLine(open.raw.replaceAll('~~', ''));
    return agendaTitles.some((known) => titleSimilarity(known, title) >= REWORD_THRESHOLD);
  });
}

function ownText(lines: readonly SourcedLine[], afterItem: number): ParsedComment[] {
  return lines
    .filter((line) => line.own && line.text !== '' && !isMailBoilerplate(line.text) && !isTitleLine(line.text))
    .map((line) => ({ text: line.text, afterItem }));
}

/**
 * Reads the client's edited agenda out of an email reply: which text is hers (her own list
 * above or below the quote, or her edits and comments inside the quoted agenda), its goals
 * and items (minutes in any common notation), and every other line of her own as a comment
 * next to the item it follows. Forgiving about bullets, numbering, quoting, line endings,
 * wrapping, greetings and signatures.
 */
export function parseAgendaReply(text: string, options: ParseOptions = {}): ParsedReply {
  const budget = new Budget(options);
  const known = new Known(options);
  const { lines, conversions, senders } = replyLines(text);
  let whatsAppOwn: boolean[] | undefined;
  if (senders) {
    const names = senders.filter((name): name is string => name !== null);
    const first = options.clientFirstName ? normaliseText(options.clientFirstName) : '';
    const client = names.find((name) => first !== '' && normaliseText(name).startsWith(first)) ?? names.at(-1) ?? null;
    whatsAppOwn = senders.map((name) => name === client);
  }
  const parts = splitReply(lines, whatsAppOwn);
  const reference = findReference([...parts.top, ...parts.answered, ...parts.bottom].map((line) => line.text));
  const top = readBlock(parts.top, false, options, known, budget);
  const bottom = readBlock(parts.bottom, false, options, known, budget);
  const answered = readBlock(parts.answered, true, options, known, budget);
  const agendaTitles = options.known
    ? options.known.items.map((item) => item.title)
    : answered.items.map((open) => parseItemLine(open.raw).title);

  let reading: Reading;
  let source: ParsedReply['source'];
  const extra: ParsedComment[] = [];
  if (hasAgenda(top) && (!hasAgenda(answered) || isWholeList(top, agendaTitles))) {
    reading = finish(top);
    source = 'own';
    extra.push(...ownText(parts.answered, reading.items.length - 1), ...ownText(parts.bottom, reading.items.length - 1));
  } else if (hasAgenda(bottom) && (!hasAgenda(answered) || isWholeList(bottom, agendaTitles))) {
    reading = finish(bottom);
    source = 'own';
    extra.push(...ownText(parts.top, -1), ...ownText(parts.answered, -1));
  } else if (hasAgenda(answered)) {
    // The quoted agenda, as she edited it; a few lines of her own below it read as if typed inside it.
    reading = finish(parts.bottom.length > 0 ? readBlock([...parts.answered, ...parts.bottom], true, options, known, budget) : answered);
    source = 'answered';
    extra.push(...ownText(parts.top, -1));
  } else {
    reading = finish(top);
    source = hasAgenda(top) ? 'own' : 'none';
    extra.push(...ownText(parts.bottom, -1));
  }
  const comments = [...reading.comments, ...extra].sort((a, b) => a.afterItem - b.afterItem);
  return {
    goals: reading.goals,
    items: reading.items,
    sections: reading.sections,
    comments,
    reference,
    conversions,
    struck: reading.struck,
    source,
  };
}
