/** Fixed phrases of the shared text, which the reply parser recognises and skips. */
export const GOALS_HEADING = 'Goals for this meeting';
export const ITEMS_HEADING = 'What we will cover';
export const NOTHING_YET = '(none yet)';
/** Short enough that email programs do not wrap it. */
export const INVITATION = 'Add, remove, reorder or re-time anything here, then reply with your changes.';

export function proposerLabel(proposedBy: 'coach' | 'client'): string {
  return proposedBy === 'client' ? 'proposed by you' : 'proposed by me';
}
