import { UnsupportedSchemaError, type CheckDef } from './zod-definitions';

export type StringTest = (value: string) => boolean;

/** Formats whose zod check is exactly a test of `pattern` (see zod's $ZodCheckStringFormat). */
const PATTERN_FORMATS = new Set(['uuid', 'datetime', 'date', 'email', 'regex']);

/** Length in Unicode code points, as zod 4.6 measures strings. */
function codePointLength(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index += 1) {
    if ((text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      index += 1;
    }
  }
  return count;
}

function patternTest(pattern: RegExp | undefined, format: string | undefined): StringTest {
  if (!(pattern instanceof RegExp) || !PATTERN_FORMATS.has(format ?? ''))
    throw new UnsupportedSchemaError(`string format ${format ?? '?'}`);
  // A private copy, so the shared global/sticky lastIndex state of zod's own regex is never touched.
  const own = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return (value) => own.test(value);
}

/**
 * One zod string check as a test. A check that would change the value (`.trim()`) passes only
 * when it leaves the value as it is, so an untrimmed string is left to zod.
 */
export function stringCheck(check: CheckDef): StringTest {
  switch (check.check) {
    case 'string_format':
      return patternTest(check.pattern, check.format);
    case 'max_length': {
      const maximum = check.maximum as number;
      // At most two UTF-16 units per code point: only an overflow in units needs counting.
      return (value) => value.length <= maximum || codePointLength(value) <= maximum;
    }
    case 'min_length': {
      const minimum = check.minimum as number;
      return (value) => value.length >= minimum * 2 || (value.length >= minimum && codePointLength(value) >= minimum);
    }
    case 'overwrite': {
      if (typeof check.tx !== 'function') throw new UnsupportedSchemaError('overwrite without a transform');
      const transform = check.tx;
      return (value) => transform(value) === value;
    }
    default:
      throw new UnsupportedSchemaError(`string check ${check.check}`);
  }
}

/** zod 4's pattern for z.uuid(), and the lower-case form the app's ids must also have (shared/model/primitives.ts). */
const ZOD_UUID =
  '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$';
const LOWER_CASE_UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

function isLowerHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
}

/** Exactly what both patterns above accept together, in one pass over the characters. */
export function isCanonicalUuid(value: string): boolean {
  if (value.length !== 36) return false;
  for (let index = 0; index < 36; index += 1) {
    const code = value.charCodeAt(index);
    if (index === 8 || index === 13 || index === 18 || index === 23 ? code !== 0x2d : !isLowerHex(code)) return false;
  }
  const version = value.charCodeAt(14);
  const variant = value.charCodeAt(19);
  if (version >= 0x31 && version <= 0x38 && (variant === 0x38 || variant === 0x39 || variant === 0x61 || variant === 0x62)) return true;
  return value === '00000000-0000-0000-0000-000000000000' || value === 'ffffffff-ffff-ffff-ffff-ffffffffffff';
}

/**
 * Every id is checked against two patterns (zod's UUID, then the lower-case form), and a
 * document holds hundreds of thousands of ids: when a string schema is exactly that pair, one
 * hand-written pass replaces both (tests/unit/core/validation proves they agree). Null for any
 * other string schema, which is checked test by test.
 */
export function fusedStringTest(format: string | undefined, pattern: RegExp | undefined, checks: readonly CheckDef[]): StringTest | null {
  const [only] = checks;
  const isIdPair =
    format === 'uuid' &&
    pattern?.source === ZOD_UUID &&
    pattern.flags === '' &&
    checks.length === 1 &&
    only.check === 'string_format' &&
    only.format === 'regex' &&
    only.pattern?.source === LOWER_CASE_UUID &&
    only.pattern.flags.replace(/[gy]/g, '') === '';
  return isIdPair ? isCanonicalUuid : null;
}
