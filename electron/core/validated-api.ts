import type { z } from 'zod';
import { RapportError, type FieldIssue } from '../../shared/errors';
import { toRapportError } from './io-errors';
import { isPlainData } from './validation/plain-arguments';

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    // The first path element is the argument's position; the form only cares about the field.
    path: issue.path.slice(1).map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

export function invalidInput(error: z.ZodError): RapportError {
  const issues = fieldIssues(error);
  const message = issues.length === 1 ? issues[0].message : `${issues.length} details need attention: ${issues[0]?.message ?? ''}`;
  return new RapportError('INVALID_INPUT', message, issues);
}

/**
 * Wraps every method of an implementation so that its arguments are checked against its
 * contract first and every failure comes out as a RapportError. Callers in Node (tests,
 * benchmarks) and the IPC layer get exactly the same checks.
 */
export function validatedApi<Api extends object>(contract: Record<string, Record<string, z.ZodType>>, implementation: Api): Api {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [namespace, methods] of Object.entries(contract)) {
    const target = (implementation as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[namespace];
    api[namespace] = {};
    for (const [method, schema] of Object.entries(methods)) {
      const run = target[method].bind(target);
      api[namespace][method] = async (...args: unknown[]) => {
        if (!isPlainData(args)) throw new RapportError('INVALID_INPUT', 'Rapport received a malformed request.');
        const parsed = schema.safeParse(args);
        if (!parsed.success) throw invalidInput(parsed.error);
        try {
          return await run(...(parsed.data as unknown[]));
        } catch (error) {
          const rapportError = toRapportError(error);
          if (rapportError.code === 'INTERNAL') console.error(`[rapport] ${namespace}.${method} failed:`, error);
          throw rapportError;
        }
      };
    }
  }
  return api as Api;
}
