import type { SearchHit } from '../../../../shared/api/search';

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
  }
}
