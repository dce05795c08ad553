/** One line of an emailed reply with the email's quoting and invisible characters removed. */
export interface ReplyLine {
  /** Leading spaces after the quote marks, tabs counted as four. */
  indent: number;
  text: string;
}

const QUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const WIDE_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

export function replyLines(text: string): ReplyLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.replace(INVISIBLE, '').replace(WIDE_SPACES, ' ').replace(QUOTE_MARKS, '').replaceAll('\t', '    ').trimEnd();
      const body = line.trimStart();
      return { indent: line.length - body.length, text: body };
    });
}

const HEADER_FIELD = /^(?:from|sent|to|cc|bcc|subject|date|von|gesendet|an|betreff|de|envoyé|à|objet|de|enviado|para|asunto):\s/iu;

/** The line that starts a quoted earlier message: "On … wrote:", "-----Original Message-----", "From: …". */
export function isReplyHeader(line: string): boolean {
  return (
    /^-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|message d'origine)\s*-{2,}$/iu.test(line) ||
    /^_{10,}$/.test(line) ||
    /^(?:on|le|am|el|il|op)\s.+(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef)\s?:$/iu.test(line) ||
    /^from:\s/i.test(line)
  );
}

/** Lines of an email header block (Outlook puts one above the quoted message). */
export function isHeaderField(line: string): boolean {
  return HEADER_FIELD.test(line);
}

/** "-- " on its own line starts an email signature. */
export function isSignatureDelimiter(line: string): boolean {
  return /^--\s*$/.test(line);
}
