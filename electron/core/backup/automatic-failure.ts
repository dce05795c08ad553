import type { AutomaticBackupFailure } from '../../../shared/api/app';

/**
 * The last automatic backup that was not made, kept so the app can tell the coach instead of
 * failing in silence. Only in memory: the next automatic backup (at most an hour away while the
 * app runs, or the one at the next start) either clears it or records it again.
 */
export function createAutomaticFailureRecord() {
  let last: AutomaticBackupFailure | null = null;
  return {
    current: (): AutomaticBackupFailure | null => (last === null ? null : { ...last }),
    record(failure: AutomaticBackupFailure): void {
      last = failure;
    },
    clear(): void {
      last = null;
    },
  };
}

export type AutomaticFailureRecord = ReturnType<typeof createAutomaticFailureRecord>;
