/**
 * Length limits for inputs, read from the shared zod schemas that main validates with, so a
 * limit is written once (in `shared/model`) and never typed into a template by hand.
 */
interface StringLike {
  maxLength?: number | null;
  unwrap?: () => unknown;
}

/** The schema's maximum length, looking through `.optional()` / `.nullable()`; undefined if it has none. */
export function maxLengthOf(schema: unknown): number | undefined {
  for (let current = schema as StringLike | undefined; current; current = current.unwrap?.() as StringLike | undefined) {
    if (typeof current.maxLength === 'number') return current.maxLength;
    if (typeof current.unwrap !== 'function') break;
  }
  return undefined;
}
