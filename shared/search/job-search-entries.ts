import type { SearchHitKind, SearchTab } from '../api/search';
import type { ClientDocument } from '../model/documents';

type Add = (kind: SearchHitKind, field: string, text: string, tab: SearchTab, id?: string) => void;

/** The texts of the client's job search; a hit opens the Job search tab at the application. */
export function addJobSearchEntries(document: ClientDocument, add: Add): void {
  for (const application of document.jobSearch.applications) {
    const at = (field: string, text: string) => add('application', field, text, 'job-search', application.id);
    at('organisation', application.organisation);
    at('role', application.role);
    at('notes', application.notes);
    for (const contact of application.contacts) {
      at('contactName', contact.name);
      at('contactRole', contact.role);
    }
    if (application.nextAction) at('nextAction', application.nextAction.text);
    if (application.offer) {
      at('offerBenefits', application.offer.benefits);
      at('offerNotes', application.offer.notes);
    }
  }
  for (const criterion of document.jobSearch.criteria) add('application', 'criterion', criterion.label, 'job-search');
}
