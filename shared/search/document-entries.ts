import type { SearchHitKind, SearchTab } from '../api/search';
import { DOCUMENT_LABEL_NAMES } from '../model/document-file';
import type { ClientDocument } from '../model/documents';

type Add = (kind: SearchHitKind, field: string, text: string, tab: SearchTab, id?: string) => void;

/**
 * The client's attached documents by name and by label in the coach's words ("Cover letter"),
 * so a search for "CV" finds every CV, and by the text extracted from the file once it is known
 * (a search for a skill finds the CVs that mention it); a hit opens the Documents tab at it.
 */
export function addDocumentEntries(document: ClientDocument, add: Add, textOf?: (sha256: string) => string | undefined): void {
  for (const attached of document.documents) {
    add('document', 'name', attached.name, 'documents', attached.id);
    add('document', 'label', DOCUMENT_LABEL_NAMES[attached.label], 'documents', attached.id);
    const text = textOf?.(attached.sha256);
    if (text) add('document', 'text', text, 'documents', attached.id);
  }
}
