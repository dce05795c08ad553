/**
 * Copies a value the way Electron's contextBridge and IPC would carry it from the page to the
 * preload and on to the main process, and refuses what they refuse with their own message,
 * "An object could not be cloned.":
 * - Proxies at any depth (Vue's reactive objects): contextBridge hands a Proxy to V8's
 *   serialiser, which cannot clone one; structuredClone uses the same serialiser and refuses it
 *   too, in Chromium and in Node alike, which is what catches them here.
 * - functions and symbols: the structured clone algorithm has no form for them.
 * - class instances, Maps, Sets and the like: contextBridge would drop their prototype and
 *   methods, or refuse them; the contract is plain JSON-like data, so they are refused outright.
 * - symbol keys: contextBridge drops them silently, so data carrying them is refused here.
 * Dates and plain objects and arrays pass. Keep it self-contained (no imports, no outer
 * variables): the browser test host serialises it into the page.
 */
export function copyAcrossContextBridge<T>(value: T): T {
  const refuse = (): never => {
    throw new Error('An object could not be cloned.');
  };
  const check = (item: unknown, seen: Set<object>): void => {
    if (typeof item === 'function' || typeof item === 'symbol') refuse();
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    const prototype: unknown = Object.getPrototypeOf(item);
    const plain = prototype === Object.prototype || prototype === null || Array.isArray(item) || item instanceof Date;
    if (!plain) refuse();
    for (const key of Reflect.ownKeys(item)) {
      if (typeof key === 'symbol') refuse();
      else check((item as Record<string, unknown>)[key], seen);
    }
  };
  check(value, new Set());
  try {
    return structuredClone(value);
  } catch {
    return refuse();
  }
}
