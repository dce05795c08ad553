import { isPastDueOn, localIsoDate } from '../dates';
import { isOpenStage } from '../job-search/practice';
import type { ClientDocument } from '../model/documents';
import type { ApplicationStage } from '../model/job-search';

/** A job-search next action that is due today or overdue, as Today shows it. */
export interface NextActionDue {
  clientId: string;
  clientName: string;
  applicationId: string;
  organisation: string;
  stage: ApplicationStage;
  text: string;
  dueDate: string;
  timing: 'overdue' | 'due-today';
}

/**
 * Open next actions of open applications due today or before, for clients who are not
 * archived: earliest due first. They are the client's commitments, so they sit beside the
 * commitments on Today.
 */
export function nextActionsDue(documents: readonly ClientDocument[], now: Date): NextActionDue[] {
  const today = localIsoDate(now);
  const found: NextActionDue[] = [];
  for (const document of documents) {
    if (document.client.status === 'archived') continue;
    for (const application of document.jobSearch.applications) {
      const action = application.nextAction;
      if (action === null || action.doneAt !== null || action.dueDate === null || action.dueDate > today) continue;
      if (!isOpenStage(application.stage)) continue;
      found.push({
        clientId: document.client.id,
        clientName: document.client.name,
        applicationId: application.id,
        organisation: application.organisation,
        stage: application.stage,
        text: action.text,
        dueDate: action.dueDate,
        timing: isPastDueOn(action.dueDate, today) ? 'overdue' : 'due-today',
      });
    }
  }
  return found.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.clientName.localeCompare(b.clientName));
}
