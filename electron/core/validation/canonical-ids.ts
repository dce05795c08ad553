/*
 * Ids have one canonical form, the lower-case UUID. Fields that hold ids are named `id`, `…Id`
 * or `…Ids`; migrations.ts lower-cases any UUID found in them (older versions accepted upper-case
 * hex), and the compiled checker can tell when there is nothing to lower-case, so that a
 * document already in that form is not walked a second time.
 */

const ANY_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPPER_HEX = /[A-F]/;

/** Whether a field of this name holds ids; matched by its ending, as it runs for every key of every document. */
export function holdsIds(key: string): boolean {
  const last = key.charCodeAt(key.length - 1);
  if (last === 100 /* d */) return key === 'id' || key.endsWith('Id');
  return last === 115 /* s */ && key.endsWith('Ids');
}

/** A UUID with upper-case hex; only then does lower-casing change anything, so the full pattern runs last. */
export function isNonCanonicalId(value: unknown): value is string {
  return typeof value === 'string' && value.length === 36 && UPPER_HEX.test(value) && ANY_CASE_UUID.test(value);
}

/** True when the value of an id field holds no UUID that lower-casing would change (a string, or strings in a list). */
export function idFieldIsCanonical(value: unknown): boolean {
  if (!Array.isArray(value)) return !isNonCanonicalId(value);
  for (const item of value) if (isNonCanonicalId(item)) return false;
  return true;
}
