/** Deeper than any argument of the contract nests, with room to spare. */
const MAX_DEPTH = 64;

/**
 * True when `value` is data as JSON could carry it: primitives, plain objects and arrays only.
 * IPC's structured clone also carries Maps, Sets, Dates, typed arrays and more; zod reads a Map
 * as an object without fields (an empty patch that "succeeds"), so anything else is refused
 * before the contract is checked. Iterative, so a deeply nested value cannot overflow the stack.
 */
export function isPlainData(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (typeof next !== 'object' || next === null) {
      if (typeof next === 'function' || typeof next === 'symbol') return false;
      continue;
    }
    if (depth >= MAX_DEPTH) return false;
    const prototype = Object.getPrototypeOf(next) as unknown;
    if (Array.isArray(next) ? prototype !== Array.prototype : prototype !== Object.prototype && prototype !== null) return false;
    for (const child of Object.values(next))
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
      else if (typeof child === 'function' || typeof child === 'symbol') return false;
  }
  return true;
}
