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
