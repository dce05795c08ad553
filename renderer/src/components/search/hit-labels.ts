import type { SearchHit } from '../../../../shared/api/search';

const PROFILE_LABELS: Record<string, string> = {
  currentRole: 'Current role',
  targetRole: 'Target role',
  organisation: 'Organisation',
  background: 'Background',
};

const APPLICATION_PLACES: Record<string, string> = {
  organisation: 'Application (organisation)',
  role: 'Application (role)',
  notes: 'Application notes',
  contactName: 'Application contact',
  contactRole: 'Application contact (role)',
  nextAction: 'Next action',
  offerBenefits: 'Offer (benefits)',
  offerNotes: 'Offer notes',
  criterion: 'Offer criterion',
};

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
    case 'profile':
      return PROFILE_LABELS[hit.field] ?? 'Profile';
    case 'goal':
      return hit.field === 'step' ? 'Goal step' : hit.field === 'why' ? 'Goal (why it matters)' : 'Goal';
    case 'commitment':
      return 'Commitment';
    case 'note':
      return 'Note';
    case 'agenda':
      return hit.field === 'meetingGoal' ? 'Agenda goal' : 'Agenda item';
    case 'session':
      return hit.field === 'reflection' ? 'Session reflection' : 'Session notes';
    case 'application':
      return APPLICATION_PLACES[hit.field] ?? 'Job search';
    case 'document':
      return hit.field === 'label' ? 'Document (label)' : 'Document';
    case 'intimacy':
      return INTIMACY_PLACES[hit.field] ?? 'Your preparation';
  }
}
