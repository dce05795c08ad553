import type { Workspace } from '../../electron/core/workspace';

export type ApiMethod = (...args: never[]) => Promise<unknown>;

/**
 * The workspace's `namespace.method`, or null when this build does not have it yet. The
 * benchmark uses it for methods other branches add (backup, search, commitments), so that it
 * runs today and measures them as soon as they are merged.
 */
export function findMethod<M extends ApiMethod>(workspace: Workspace, namespace: string, method: string): M | null {
  const target: unknown = (workspace as unknown as Record<string, unknown>)[namespace];
  if (typeof target !== 'object' || target === null) return null;
  const candidate: unknown = (target as Record<string, unknown>)[method];
  return typeof candidate === 'function' ? (candidate.bind(target) as M) : null;
}
