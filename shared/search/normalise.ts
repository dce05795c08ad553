const COMBINING_MARKS = /\p{M}/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
/** Runs of non-ASCII UTF-16 code units; decomposing and stripping marks leaves ASCII as it is. */
const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;

function stripAccents(run: string): string {
  return run.normalize('NFD').replace(COMBINING_MARKS, '');
}

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * A lower-cased text that holds non-ASCII characters, without its accents. Only the (usually
 * few) non-ASCII stretches are decomposed, which is several times faster than decomposing the
 * whole text and gives the same result: decomposition and the reordering of combining marks
 * never involve an ASCII character.
 */
export function foldAccents(lower: string): string {
  return lower.replace(NON_ASCII_RUNS, stripAccents);
}

/** Lower-cases and strips accents, so that "Zoë" and "ZOE" compare equal. */
export function normaliseForSearch(text: string): string {
  const lower = text.toLowerCase();
  return isAscii(lower) ? lower : foldAccents(lower);
}

/** The words of a query, normalised; empty when there is nothing to look for. */
export function queryTokens(query: string): string[] {
  return normaliseForSearch(query)
    .split(/\s+/u)
    .filter((token) => token.length > 0);
}

/**
 * Where `token` starts in the original `text` (by normalised comparison), or -1.
 * Normalising character by character keeps positions in the original text.
 */
export function indexInOriginal(text: string, token: string): number {
  let normalised = '';
  const origins: number[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = normaliseForSearch(char);
    for (let i = 0; i < folded.length; i += 1) origins.push(offset);
    normalised += folded;
    offset += char.length;
  }
  const at = normalised.indexOf(token);
  return at < 0 ? -1 : origins[at];
}
