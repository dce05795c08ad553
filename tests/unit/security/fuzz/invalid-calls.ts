import type { z } from 'zod';
import { defOf, isOptional, sampleOf, unwrap } from './zod-shapes';

export interface FuzzTools {
  random: () => number;
  /** A fresh well-formed id that names nothing. */
  newId: () => string;
  /** Values that are wrong in some way for (almost) every slot. */
  junk: unknown[];
}

const pick = <T>(random: () => number, values: readonly T[], count: number): T[] =>
  Array.from({ length: count }, () => values[Math.floor(random() * values.length)]);

const FIELD_JUNK_PER_FIELD = 8;

/** Copies of a valid-looking object, each wrong in one way: a field missing, wrong, unknown or poisonous. */
function objectMutants(schema: z.ZodType, base: Record<string, unknown>, tools: FuzzTools): unknown[] {
  const shape = defOf(unwrap(schema)).shape ?? {};
  const mutants: unknown[] = [
    { ...base, unexpected: 'field' },
    JSON.parse(`{"__proto__": {"polluted": true}${Object.keys(base).length ? ',' : ''}${JSON.stringify(base).slice(1)}`),
    JSON.parse(`{"constructor": {"prototype": {"polluted": true}}${Object.keys(base).length ? ',' : ''}${JSON.stringify(base).slice(1)}`),
  ];
  for (const [key, field] of Object.entries(shape)) {
    if (!isOptional(field)) {
      const { [key]: _missing, ...rest } = base;
      mutants.push(rest);
    }
    for (const value of pick(tools.random, tools.junk, FIELD_JUNK_PER_FIELD)) mutants.push({ ...base, [key]: value });
    const fieldDef = defOf(unwrap(field));
    if (fieldDef.type === 'array' && fieldDef.element) {
      const element = sampleOf(fieldDef.element, tools.newId);
      const elementMutants =
        element && typeof element === 'object' ? objectMutants(fieldDef.element, element as Record<string, unknown>, tools) : [];
      for (const wrong of [...pick(tools.random, tools.junk, 3), ...elementMutants]) mutants.push({ ...base, [key]: [element, wrong] });
      mutants.push({ ...base, [key]: Array.from({ length: 10_001 }, () => element) });
    }
  }
  return mutants;
}

/**
 * Argument lists for one method that its contract must refuse: the wrong number of
 * arguments, and each argument (and each field of an object argument) replaced by junk.
 * Only lists the contract really refuses are returned, so each must come back INVALID_INPUT.
 */
export function invalidArgumentLists(tuple: z.ZodType, tools: FuzzTools): unknown[][] {
  const items = defOf(tuple).items ?? [];
  const base = items.map((item) => sampleOf(item, tools.newId));
  const lists: unknown[][] = [
    [...base, 'one argument too many'],
    [...base, ...tools.junk.slice(0, 3)],
  ];
  if (items.length > 0) lists.push([], base.slice(0, -1));
  else for (const value of tools.junk) lists.push([value]);
  for (const [index, item] of items.entries()) {
    const replace = (value: unknown) => base.map((original, at) => (at === index ? value : original));
    for (const value of tools.junk) lists.push(replace(value));
    const sample = base[index];
    if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
      for (const mutant of objectMutants(item, sample as Record<string, unknown>, tools)) lists.push(replace(mutant));
    }
  }
  return lists.filter((args) => !tuple.safeParse(args).success);
}

/** Whether a slot holds a record id (a UUID). */
export const isIdSlot = (schema: z.ZodType): boolean => defOf(unwrap(schema)).format === 'uuid';

/**
 * Well-formed argument lists whose ids name nothing this call may touch: unknown ids, a
 * record's id where a client's is expected, and one client's id with another client's
 * records. A real client's id is used only next to a foreign record id, so no call can succeed.
 */
export function foreignIdArgumentLists(tuple: z.ZodType, tools: FuzzTools, ownClientId: string, foreignIds: string[]): unknown[][] {
  const items = defOf(tuple).items ?? [];
  const idSlots = items.flatMap((item, index) => (isIdSlot(item) ? [index] : []));
  if (idSlots.length === 0) return [];
  const base = items.map((item) => sampleOf(item, tools.newId));
  const withIds = (ids: (slot: number, nth: number) => string) =>
    base.map((value, index) => (idSlots.includes(index) ? ids(index, idSlots.indexOf(index)) : value));
  const lists = [withIds(() => tools.newId()), ...foreignIds.map((foreign) => withIds(() => foreign))];
  if (idSlots.length > 1) {
    for (const foreign of foreignIds) lists.push(withIds((_slot, nth) => (nth === 0 ? ownClientId : foreign)));
    lists.push(withIds((_slot, nth) => (nth === 0 ? ownClientId : ownClientId)));
  }
  return lists;
}
