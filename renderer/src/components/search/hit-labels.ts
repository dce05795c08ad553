import type { SearchHit } from '../../../../shared/api/search';

const INTIMACY_PLACES: Record<string, string> = {
  clientQuestion: 'Question for this client',
  phrasing: 'Your phrasing',
  wayOut: 'Way-out line',
  firstMove: 'What you would offer first',
  clientResponse: 'How the client responded',
  heldBackWhy: 'What you held back',
};

/** Where a hit is, in the coach's words: "Name", "Note", "Session notes"… */
export function hitPlace(hit: SearchHit): string {
  switch (hit.kind) {
    case 'client':
      return hit.field === 'preferredName' ? 'Preferred name' : 'Name';
    case 'tag':
      return 'Tag';
    case 'term':
      return hit.field === 'meaning' ? 'Their words (meaning)' : 'Their words';
    case 'commitment':
      return 'Commitment';
    case 'note':
      return 'Note';
    case 'session':
      return 'Session notes';
    case 'intimacy':
      return INTIMACY_PLACES[hit.field] ?? 'Your preparation';
  }
}
