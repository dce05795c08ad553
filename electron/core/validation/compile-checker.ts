import type { z } from 'zod';
import { holdsIds, idFieldIsCanonical } from './canonical-ids';
import { fusedStringTest, stringCheck, type StringTest } from './string-checks';
import { UnsupportedSchemaError, definitionOf, type SchemaDef } from './zod-definitions';

/** True when the value certainly passes the schema unchanged; false means "ask zod". */
export type Checker = (value: unknown) => boolean;

export interface CheckerOptions {
  /** Also require every id field (see canonical-ids.ts) to hold only canonical ids. */
  canonicalIds?: boolean;
}

/** Zod copies any non-array object into a plain one; only a plain object is already that copy. */
const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function compileString(def: SchemaDef): Checker {
  const fused = fusedStringTest(
    def.format,
    def.pattern,
    (def.checks ?? []).map((check) => check._zod.def),
  );
  if (fused) return (value) => typeof value === 'string' && fused(value);
  const tests: StringTest[] = [];
  // A format schema (z.uuid(), z.iso.datetime(), z.email()) is its own first check.
  if (def.format !== undefined) tests.push(stringCheck({ check: 'string_format', format: def.format, pattern: def.pattern }));
  for (const check of def.checks ?? []) tests.push(stringCheck(check._zod.def));
  return (value) => {
    if (typeof value !== 'string') return false;
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

function compileNumber(def: SchemaDef): Checker {
  const tests: ((value: number) => boolean)[] = [];
  for (const {
    _zod: { def: check },
  } of def.checks ?? []) {
    if (check.check === 'number_format' && check.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (check.check === 'greater_than' && typeof check.value === 'number') {
      const bound = check.value;
      tests.push(check.inclusive ? (value) => value >= bound : (value) => value > bound);
    } else if (check.check === 'less_than' && typeof check.value === 'number') {
      const bound = check.value;
      tests.push(check.inclusive ? (value) => value <= bound : (value) => value < bound);
    } else throw new UnsupportedSchemaError(`number check ${check.check}/${check.format ?? ''}`);
  }
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}

function compileArray(def: SchemaDef, options: CheckerOptions): Checker {
  const element = compile(def.element as z.ZodType, options);
  let minimum = 0;
  let maximum = Infinity;
  for (const {
    _zod: { def: check },
  } of def.checks ?? []) {
    if (check.check === 'max_length' && typeof check.maximum === 'number') maximum = Math.min(maximum, check.maximum);
    else if (check.check === 'min_length' && typeof check.minimum === 'number') minimum = Math.max(minimum, check.minimum);
    else throw new UnsupportedSchemaError(`array check ${check.check}`);
  }
  return (value) => {
    if (!Array.isArray(value) || value.length < minimum || value.length > maximum) return false;
    // Zod's copy fills holes and drops extra properties: only a dense array with nothing else is unchanged.
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return false;
    for (let index = 0; index < value.length; index += 1) if (!element(value[index])) return false;
    return true;
  };
}

/** Strict objects only: every shape key must pass (absent keys are undefined) and no other key may exist. */
function compileObject(def: SchemaDef, options: CheckerOptions): Checker {
  if (def.checks?.length) throw new UnsupportedSchemaError('object checks');
  if (!def.catchall || definitionOf(def.catchall).type !== 'never') throw new UnsupportedSchemaError('non-strict object');
  const fields = Object.entries(def.shape ?? {}).map(([key, schema]) => {
    const test = compile(schema, options);
    // A strict object has no key outside its shape, so every id field of an accepted value is checked here.
    if (!options.canonicalIds || !holdsIds(key)) return { key, test };
    return { key, test: (value: unknown) => test(value) && idFieldIsCanonical(value) };
  });
  const known = new Set(fields.map((field) => field.key));
  return (value) => {
    if (!isPlainRecord(value)) return false;
    for (const field of fields) if (!field.test(value[field.key])) return false;
    for (const key of Object.keys(value)) if (!known.has(key)) return false;
    return true;
  };
}

function compileValues(values: readonly unknown[]): Checker {
  const allowed = new Set(values);
  return (value) => allowed.has(value);
}

function compile(schema: z.ZodType, options: CheckerOptions): Checker {
  const def = definitionOf(schema);
  if (def.coerce) throw new UnsupportedSchemaError('coercion');
  if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array' && def.checks?.length) {
    throw new UnsupportedSchemaError(`checks on ${def.type}`);
  }
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number':
      return compileNumber(def);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'array':
      return compileArray(def, options);
    case 'object':
      return compileObject(def, options);
    case 'enum':
      return compileValues(Object.values(def.entries ?? {}));
    case 'literal':
      return compileValues(def.values ?? []);
    case 'nullable': {
      const inner = compile(def.innerType as z.ZodType, options);
      return (value) => value === null || inner(value);
    }
    case 'union': {
      const alternatives = (def.options ?? []).map((option) => compile(option, options));
      return (value) => alternatives.some((alternative) => alternative(value));
    }
    default:
      throw new UnsupportedSchemaError(`schema type ${def.type}`);
  }
}

/**
 * A specialised checker for a zod 4 schema, built once by walking its definition. It accepts
 * only values that zod accepts and returns unchanged (strict objects, no transforms), so an
 * accepted value can be used as zod's output; anything it is unsure of it rejects. Throws
 * UnsupportedSchemaError for schema features it does not know, so none is silently skipped.
 */
export function compileChecker(schema: z.ZodType, options: CheckerOptions = {}): Checker {
  return compile(schema, options);
}
