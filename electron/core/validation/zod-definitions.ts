import type { z } from 'zod';

/** Thrown while compiling when a schema uses a feature the fast checker does not model. */
export class UnsupportedSchemaError extends Error {}

/** The parts of zod 4's internal schema definitions the compiler reads. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
}

export interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp | undefined;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  tx?: (value: unknown) => unknown;
}

export const definitionOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
