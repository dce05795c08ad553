/**
 * Where each document lies in a backup's payload when the payload is laid out exactly as Rapport
 * writes it, `{"practice":{…},"clients":[{…},{…},…]}` with nothing else in between, as
 * [practiceStart, practiceEnd, firstClientStart, firstClientEnd, …]; null for any other layout.
 * Run only on text JSON.parse has accepted: each span is then exactly one document of the parsed
 * payload, so parsing the spans one by one gives what parsing the whole would, and a restore can
 * write each span as its document's file.
 *
 * Self-contained on purpose: the backup worker runs it from its source text (see backup-worker.ts).
 */
export function payloadSpans(bytes: Uint8Array): number[] | null {
  const matches = (at: number, text: string): boolean => {
    if (at + text.length > bytes.length) return false;
    for (let index = 0; index < text.length; index += 1) if (bytes[at + index] !== text.charCodeAt(index)) return false;
    return true;
  };
  /** Just past the object that opens at `start`, or -1. */
  const objectEnd = (start: number): number => {
    if (bytes[start] !== 0x7b) return -1;
    let depth = 0;
    for (let at = start; at < bytes.length; at += 1) {
      const byte = bytes[at];
      if (byte === 0x22) {
        // To the closing quote in native steps: a quote ends the string unless an odd run of backslashes escapes it.
        for (;;) {
          const quote = bytes.indexOf(0x22, at + 1);
          if (quote < 0) return -1;
          let backslashes = 0;
          while (bytes[quote - 1 - backslashes] === 0x5c) backslashes += 1;
          at = quote;
          if (backslashes % 2 === 0) break;
        }
      } else if (byte === 0x7b || byte === 0x5b) depth += 1;
      else if (byte === 0x7d || byte === 0x5d) {
        depth -= 1;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  };
  const practiceKey = '{"practice":';
  const clientsKey = ',"clients":[';
  if (!matches(0, practiceKey)) return null;
  const practiceEnd = objectEnd(practiceKey.length);
  if (practiceEnd < 0 || !matches(practiceEnd, clientsKey)) return null;
  const spans = [practiceKey.length, practiceEnd];
  let at = practiceEnd + clientsKey.length;
  if (bytes[at] !== 0x5d) {
    for (;;) {
      const end = objectEnd(at);
      if (end < 0) return null;
      spans.push(at, end);
      at = end;
      if (bytes[at] !== 0x2c) break;
      at += 1;
    }
  }
  return matches(at, ']}') && at + 2 === bytes.length ? spans : null;
}
