/** Fixed phrases of the shared text, which the reply parser recognises and skips. */
export const GOALS_HEADING = 'Goals for this meeting';
export const ITEMS_HEADING = 'What we will cover';
export const NOTHING_YET = '(none yet)';
/** Short enough that email programs do not wrap it. */
export const INVITATION = 'Add, remove, reorder or re-time anything here, then reply with your changes.';

/** Who proposed an item, as the client reads it: "you", or the coach by first name. */
export function proposerLabel(proposedBy: 'coach' | 'client', coachFirstName = ''): string {
  if (proposedBy === 'client') return 'proposed by you';
  return coachFirstName ? `proposed by ${coachFirstName}` : 'proposed by your coach';
}
