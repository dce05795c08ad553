/*
 * Finds where values lie in the bytes of a JSON text that JSON.parse has already accepted, so
 * that a restore can hash the payload exactly as it was written and put each document's own
 * bytes into its file instead of serialising it again. It does not validate: on text that is
 * not valid JSON it may throw, and callers then do without the layout.
 */

/** A value's bytes, [start, end), and down to the requested depth its members or elements. */
export interface JsonLayout {
  start: number;
  end: number;
  /** An object's members by key; null when a key is written with escapes and so cannot be matched by its bytes. */
  members?: Map<string, JsonLayout> | null;
  elements?: JsonLayout[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

class MalformedJsonError extends Error {}
/** More members or elements than the caller can use: it does without the layout rather than pay for one entry each. */
class TooManyElementsError extends Error {}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

class Scanner {
  private at: number;

  constructor(
    private readonly bytes: Buffer,
    start: number,
    private readonly end: number,
    private readonly maxElements: number,
  ) {
    this.at = start;
  }

  value(depth: number): JsonLayout {
    this.skipSpace();
    const first = this.bytes[this.at];
    if (depth > 0 && first === OPEN_OBJECT) return this.object(depth);
    if (depth > 0 && first === OPEN_ARRAY) return this.array(depth);
    const start = this.at;
    this.skipValue();
    return { start, end: this.at };
  }

  finish(): void {
    this.skipSpace();
    if (this.at !== this.end) throw new MalformedJsonError('text after the value');
  }

  private object(depth: number): JsonLayout {
    const start = this.at;
    this.at += 1;
    let members: Map<string, JsonLayout> | null = new Map();
    this.skipSpace();
    if (this.bytes[this.at] === CLOSE_OBJECT) {
      this.at += 1;
      return { start, end: this.at, members };
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.at;
      this.expect(QUOTE);
      this.at = keyStart;
      this.skipString();
      const keyEscaped = this.bytes.subarray(keyStart + 1, this.at - 1).includes(BACKSLASH);
      const key = this.bytes.toString('utf8', keyStart + 1, this.at - 1);
      this.skipSpace();
      this.expect(COLON);
      this.at += 1;
      const member = this.value(depth - 1);
      // Like JSON.parse, the last of repeated keys wins.
      if (keyEscaped) members = null;
      else members?.set(key, member);
      if ((members?.size ?? 0) > this.maxElements) throw new TooManyElementsError();
      if (this.closes(CLOSE_OBJECT)) return { start, end: this.at, members };
    }
  }

  private array(depth: number): JsonLayout {
    const start = this.at;
    this.at += 1;
    const elements: JsonLayout[] = [];
    this.skipSpace();
    if (this.bytes[this.at] === CLOSE_ARRAY) {
      this.at += 1;
      return { start, end: this.at, elements };
    }
    for (;;) {
      elements.push(this.value(depth - 1));
      if (elements.length > this.maxElements) throw new TooManyElementsError();
      if (this.closes(CLOSE_ARRAY)) return { start, end: this.at, elements };
    }
  }

  /** After a member or element: true past the closing bracket, false past a comma. */
  private closes(bracket: number): boolean {
    this.skipSpace();
    const next = this.bytes[this.at];
    this.at += 1;
    if (next === bracket) return true;
    if (next === COMMA) return false;
    throw new MalformedJsonError('expected a comma or a closing bracket');
  }

  private expect(byte: number): void {
    if (this.bytes[this.at] !== byte) throw new MalformedJsonError(`expected ${String.fromCharCode(byte)}`);
  }

  private skipSpace(): void {
    while (this.at < this.end && isSpace(this.bytes[this.at])) this.at += 1;
  }

  /** From an opening quote to just past its closing quote. */
  private skipString(): void {
    let from = this.at + 1;
    for (;;) {
      const quote = this.bytes.indexOf(QUOTE, from);
      if (quote < 0 || quote >= this.end) throw new MalformedJsonError('unterminated string');
      let backslashes = 0;
      while (this.bytes[quote - 1 - backslashes] === BACKSLASH) backslashes += 1;
      if (backslashes % 2 === 0) {
        this.at = quote + 1;
        return;
      }
      from = quote + 1;
    }
  }

  /** Past one whole value, whatever it nests. */
  private skipValue(): void {
    const first = this.bytes[this.at];
    if (first === QUOTE) {
      this.skipString();
      return;
    }
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      while (this.at < this.end && !this.endsScalar(this.bytes[this.at])) this.at += 1;
      return;
    }
    let depth = 0;
    while (this.at < this.end) {
      const byte = this.bytes[this.at];
      if (byte === QUOTE) {
        this.skipString();
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth -= 1;
        if (depth === 0) {
          this.at += 1;
          return;
        }
      }
      this.at += 1;
    }
    throw new MalformedJsonError('unterminated object or array');
  }

  private endsScalar(byte: number): boolean {
    return byte === COMMA || byte === CLOSE_OBJECT || byte === CLOSE_ARRAY || isSpace(byte);
  }
}

export interface LayoutOptions {
  start?: number;
  end?: number;
  /** Most members or elements listed for any one object or array; beyond it the layout is null. */
  maxElements?: number;
}

/**
 * The layout of the JSON value in `bytes[start, end)`, with members and elements down to `depth`
 * levels (0: the value's own range only), or null when the text is not the valid JSON expected
 * or an object or array there has more than `maxElements` entries.
 */
export function jsonLayout(
  bytes: Buffer,
  depth: number,
  { start = 0, end = bytes.length, maxElements = Infinity }: LayoutOptions = {},
): JsonLayout | null {
  try {
    const scanner = new Scanner(bytes, start, end, maxElements);
    const layout = scanner.value(depth);
    scanner.finish();
    return layout;
  } catch (error) {
    if (error instanceof MalformedJsonError || error instanceof TooManyElementsError) return null;
    throw error;
  }
}
