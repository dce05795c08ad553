import type { ReplyLine } from './reply-text';

/**
 * Where one email's own text ends and an earlier, quoted message begins, in the forms mail
 * programs really write: "On … wrote:" (wrapped over several lines too), Outlook's
 * From:/Sent:/To:/Subject: block, "-----Original Message-----", forwarded blocks; in
 * English, French, German, Spanish, Dutch, Italian and Portuguese.
 */

/** A list line ("- …", "2. …") is an item or a goal, never a reply header. */
const LIST_ITEM = /^(?:\d{1,3}[.)]|[-*•+·◦▪‣–])\s/u;

/** Longest line (or lines joined) that can be a reply header: keeps every test bounded. */
const MAX_HEADER = 400;

const INTRO = /^(?:on|le|am|el|il|op|em|den|w dniu|dne|il giorno|in data)\s/iu;
const WROTE = /(?:wrote|writes|a écrit|a ecrit|schrieb|escribió|escribio|ha scritto|schreef|escreveu|skrev|napisał|kirjoitti) ?:$/iu;

const FIELD_NAMES =
  'from|sent|date|to|cc|bcc|subject|reply-to|enviada em|enviado em|de|envoyé|envoye|à|a|objet|cci|von|gesendet|datum|an|betreff|enviado|enviada|fecha|para|asunto|van|verzonden|aan|onderwerp|da|inviato|data|oggetto|assunto';
const FIELD = new RegExp(String.raw`^\*{0,2}(?:${FIELD_NAMES})\*{0,2} ?:(?: |\*|$)`, 'iu');
const FROM_FIELD = /^\*{0,2}(?:from|de|von|van|da)\*{0,2} ?: ?\S/iu;

const SEPARATOR_WORDS =
  "original message|forwarded message|message d'origine|message d’origine|message transféré|ursprüngliche nachricht|weitergeleitete nachricht|mensaje original|mensaje reenviado|oorspronkelijk bericht|doorgestuurd bericht|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada|mensagem reencaminhada";
const SEPARATOR = new RegExp(String.raw`^-{2,} ?(?:${SEPARATOR_WORDS}) ?-{2,}$`, 'iu');
const FORWARD_INTRO =
  /^(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado|begin doorgestuurd bericht|inizio messaggio inoltrato|início da mensagem reencaminhada) ?:$/iu;

const BOILERPLATE =
  /^(?:sent from|sent with|get outlook for|envoyé de|envoyé depuis|envoyé à partir|von meinem|gesendet von|enviado desde|enviado do|enviado de|verstuurd vanaf|verzonden vanaf|inviato da|inviato dal|obtenir outlook|holen sie sich outlook|descargar outlook|scarica outlook|baixe o outlook)\b/iu;

/** Lines a mail program adds on its own ("Sent from my iPhone"): neither items nor the client's words. */
export function isMailBoilerplate(line: string): boolean {
  return line.length <= 120 && BOILERPLATE.test(line);
}

/** "-- " on its own line starts an email signature. */
export function isSignatureDelimiter(line: string): boolean {
  return /^-- ?$/.test(line) || line === '—' || line === '__';
}

function endsWithWrote(text: string): boolean {
  return text.length <= MAX_HEADER && WROTE.test(text);
}

/** A one-line attribution: "On … wrote:", "Amara Okafor <a@b.c> wrote:", "Amara wrote:". */
function isAttribution(text: string): boolean {
  if (!endsWithWrote(text)) return false;
  return INTRO.test(text) || /[\d@<]/u.test(text) || text.split(' ').length <= 6;
}

/**
 * How many lines the reply header starting at `index` spans (0 when there is none there).
 * Headers are looked for among lines of the same quoting depth.
 */
export function headerSpan(lines: readonly ReplyLine[], index: number): number {
  const line = lines[index];
  const text = line.text;
  // Mail programs never indent a header; an indented "From: HR" is an item's details.
  if (text === '' || text.length > MAX_HEADER || line.indent >= 2 || LIST_ITEM.test(text)) return 0;
  if (SEPARATOR.test(text) || FORWARD_INTRO.test(text) || /^_{10,}$/u.test(text) || /^-{10,}$/u.test(text)) {
    return 1 + fieldBlock(lines, index + 1, line.depth);
  }
  if (isAttribution(text)) return 1;
  if (INTRO.test(text) || text.endsWith('<') || /\d/u.test(text)) {
    // Gmail and Apple Mail wrap a long attribution: "Am … schrieb Amara Okafor <" / "amara@…>:".
    let joined = text;
    for (let next = index + 1; next < Math.min(lines.length, index + 4); next += 1) {
      const part = lines[next];
      if (part.text === '' || part.depth !== line.depth) break;
      joined = `${joined}${joined.endsWith('<') ? '' : ' '}${part.text}`;
      if (joined.length > MAX_HEADER) break;
      if (INTRO.test(text) && endsWithWrote(joined)) return next - index + 1;
      if (
        !INTRO.test(text) &&
        isAttribution(joined) &&
        /^[^\s]*(?:@|wrote|schrieb|escribió|escreveu|schreef|a écrit|ha scritto)/iu.test(part.text)
      ) {
        return next - index + 1;
      }
    }
  }
  if (FROM_FIELD.test(text)) {
    const fields = fieldBlock(lines, index + 1, line.depth);
    if (fields > 0) return 1 + fields;
  }
  return 0;
}

/** How many lines from `start` form an Outlook header block (From:, Sent:, To:, Subject: …). */
function fieldBlock(lines: readonly ReplyLine[], start: number, depth: number): number {
  let count = 0;
  let fields = 0;
  for (let index = start; index < lines.length && index < start + 12; index += 1) {
    const line = lines[index];
    if (line.depth !== depth) break;
    if (line.text === '' && fields === 0) {
      count += 1;
      continue;
    }
    if (line.text.length <= MAX_HEADER && FIELD.test(line.text)) {
      fields += 1;
      count += 1;
      continue;
    }
    break;
  }
  return fields > 0 ? count : 0;
}

/** One line with where it came from: the client's own text, or the quoted message she answered. */
export interface SourcedLine extends ReplyLine {
  own: boolean;
}

export interface ReplyParts {
  /** The client's own text above the first quoted message. */
  top: SourcedLine[];
  /**
   * The message she answered (the shared agenda), with any of her own lines typed between
   * its quoted lines kept in place and marked `own`.
   */
  answered: SourcedLine[];
  /** Her own text below the quoted message (bottom-posting). */
  bottom: SourcedLine[];
}

function sourced(line: ReplyLine, own: boolean, depth = 0): SourcedLine {
  return { ...line, depth, own };
}

/**
 * Splits the reply into the client's own text and the message she answered. Older messages
 * nested further down a thread are left out: only the latest exchange counts.
 */
export function splitReply(lines: readonly ReplyLine[], whatsAppOwn?: readonly boolean[]): ReplyParts {
  if (whatsAppOwn) {
    // A chat export: the client's messages are her text; the coach's is what she answered.
    return {
      top: lines.flatMap((line, index) => (whatsAppOwn[index] ? [sourced(line, true)] : [])),
      answered: lines.flatMap((line, index) => (whatsAppOwn[index] ? [] : [sourced(line, false)])),
      bottom: [],
    };
  }
  const filled = lines.filter((line) => line.text !== '');
  const base = filled.length > 0 ? Math.min(...filled.map((line) => line.depth)) : 0;
  const shifted = lines.map((line) => ({ ...line, depth: line.depth - Math.min(base, line.depth) }));

  const top: SourcedLine[] = [];
  let index = 0;
  for (; index < shifted.length; index += 1) {
    const line = shifted[index];
    if (line.depth === 0 && headerSpan(shifted, index) > 0) break;
    if (line.depth > 0) break;
    top.push(sourced(line, true));
  }
  if (index >= shifted.length) return { top, answered: [], bottom: [] };

  let quotedStyle: boolean;
  if (shifted[index].depth === 0) {
    index += headerSpan(shifted, index);
    let peek = index;
    while (peek < shifted.length && shifted[peek].text === '') peek += 1;
    quotedStyle = peek < shifted.length && shifted[peek].depth > 0;
  } else {
    quotedStyle = true;
  }

  const answered: SourcedLine[] = [];
  const bottom: SourcedLine[] = [];
  if (!quotedStyle) {
    // Outlook style: the earlier message follows unquoted, up to the next (older) header.
    for (; index < shifted.length; index += 1) {
      if (headerSpan(shifted, index) > 0) break;
      answered.push(sourced(shifted[index], false));
    }
    return { top, answered, bottom };
  }

  // Quoted style: depth-1 lines are the answered message (until an older header inside it);
  // her unquoted lines between them are her comments, those after them her bottom-posted text.
  let answeredOpen = true;
  let pendingOwn: SourcedLine[] = [];
  for (; index < shifted.length; index += 1) {
    const line = shifted[index];
    if (line.depth === 0) {
      if (line.text !== '' && headerSpan(shifted, index) > 0) break;
      pendingOwn.push(sourced(line, true));
      continue;
    }
    if (line.depth === 1 && answeredOpen) {
      const span = line.text === '' ? 0 : headerSpan(shifted, index);
      if (span > 0 && answered.every((entry) => entry.text === '' || entry.own)) {
        // iPhone Mail puts the "On … wrote:" line inside the quote, above the message.
        index += span - 1;
        continue;
      }
      if (span > 0) {
        answeredOpen = false;
        continue;
      }
      answered.push(...pendingOwn, sourced(line, false));
      pendingOwn = [];
    }
  }
  bottom.push(...pendingOwn);
  return { top, answered, bottom };
}
