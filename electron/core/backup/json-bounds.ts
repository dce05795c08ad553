/** Bounds on the shape of a JSON text, checked byte by byte before anything parses it. */
export interface JsonBounds {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Objects and arrays in all. */
  maxContainers: number;
  /** Values in all (every member and element, plus the top value). */
  maxValues: number;
}

/**
 * The first bound `bytes` breaks ('depth', 'containers' or 'values'), or null. A cheap linear
 * pass that allocates nothing, so that a file whose structure would blow up JSON.parse (or
 * anything that walks the result) is refused before it costs memory: size alone does not
 * bound that, a few megabytes of `[[],[],…]` make millions of objects. It does not validate
 * the JSON; the parse after it does.
 *
 * Self-contained on purpose: the backup worker runs it from its source text (see backup-worker.ts).
 */
export function exceededJsonBound(bytes: Uint8Array, bounds: JsonBounds): string | null {
  let depth = 0;
  let containers = 0;
  let values = 1;
  for (let at = 0; at < bytes.length; at += 1) {
    const byte = bytes[at];
    if (byte === 0x22) {
      // To the closing quote in native steps (a string may be most of the file): a quote ends it unless an odd run of backslashes escapes it.
      for (;;) {
        const quote = bytes.indexOf(0x22, at + 1);
        if (quote < 0) return null;
        let backslashes = 0;
        while (bytes[quote - 1 - backslashes] === 0x5c) backslashes += 1;
        at = quote;
        if (backslashes % 2 === 0) break;
      }
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      containers += 1;
      if (depth > bounds.maxDepth) return 'depth';
      if (containers > bounds.maxContainers) return 'containers';
      // A non-empty container holds one value more than its commas.
      let next = at + 1;
      while (next < bytes.length && (bytes[next] === 0x20 || bytes[next] === 0x0a || bytes[next] === 0x0d || bytes[next] === 0x09))
        next += 1;
      if (bytes[next] !== 0x7d && bytes[next] !== 0x5d) values += 1;
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
    else if (byte === 0x2c) values += 1;
    else continue;
    if (values > bounds.maxValues) return 'values';
  }
  return null;
}
