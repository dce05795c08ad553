import type { z } from 'zod';
import { compileChecker } from './compile-checker';

export type Validator<T> = (value: unknown) => z.ZodSafeParseResult<T>;

/**
 * Validates with the compiled checker first and returns the value itself when it passes;
 * otherwise zod's `safeParse` decides, with its messages. Both paths validate fully: the
 * checker only accepts what zod accepts unchanged (tests/unit/core/validation proves it on
 * generated documents and many mutations of them).
 */
export function fastValidator<T>(schema: z.ZodType<T>): Validator<T> {
  const accepts = compileChecker(schema);
  return (value) => (accepts(value) ? { success: true, data: value as T } : schema.safeParse(value));
}
