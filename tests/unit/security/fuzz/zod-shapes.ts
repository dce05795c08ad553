import type { z } from 'zod';

/** Zod 4's own description of a schema; only the fields the fuzzer reads. */
interface Def {
  type: string;
  format?: string;
  items?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'prefault', 'nonoptional', 'catch']);

/** The schema under optional/nullable/default wrappers and pipes. */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'lazy' && def.getter) return unwrap(def.getter());
  return schema;
}

export const isOptional = (schema: z.ZodType): boolean => (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';

/** A best-effort valid value, the base that single-field mutations start from. */
export function sampleOf(schema: z.ZodType, id: () => string): unknown {
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return id();
      if (def.format === 'datetime') return '2026-12-01T10:00:00.000Z';
      if (def.format === 'date') return '2026-12-01';
      return 'Fuzz text';
    case 'number':
      return 5;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array':
      return [];
    case 'record':
      return {};
    case 'union':
      return sampleOf(def.options![0], id);
    case 'tuple':
      return (def.items ?? []).map((item) => sampleOf(item, id));
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .filter(([, field]) => !isOptional(field))
          .map(([key, field]) => [key, sampleOf(field, id)]),
      );
    default:
      return null;
  }
}

/** Every object schema reachable from a schema, with where it was found. */
export function objectSchemas(schema: z.ZodType, where: string, seen = new Set<z.ZodType>()): { where: string; schema: z.ZodType }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const children: [string, z.ZodType][] = [];
  if (def.innerType) children.push(['', def.innerType]);
  if (def.in) children.push(['', def.in]);
  if (def.element) children.push(['[]', def.element]);
  for (const [index, item] of (def.items ?? []).entries()) children.push([`[${index}]`, item]);
  for (const option of def.options ?? []) children.push(['|', option]);
  for (const [key, field] of Object.entries(def.shape ?? {})) children.push([`.${key}`, field]);
  const own = def.type === 'object' ? [{ where, schema }] : [];
  return [...own, ...children.flatMap(([step, child]) => objectSchemas(child, `${where}${step}`, seen))];
}

/** Whether an object schema refuses keys it does not name (z.strictObject). */
export const refusesUnknownKeys = (schema: z.ZodType): boolean =>
  defOf(schema).catchall !== undefined && defOf(defOf(schema).catchall!).type === 'never';
