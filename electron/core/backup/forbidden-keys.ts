const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first key anywhere in a parsed JSON value that could poison prototypes when the data is
 * later merged into objects, or null. JSON.parse keeps `__proto__` as an own key, so it is seen.
 */
export function findForbiddenKey(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const key of Object.keys(next)) {
      if (FORBIDDEN.has(key)) return key;
      const child = (next as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return null;
}
