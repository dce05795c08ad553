import type { Application } from '../../../../shared/model/job-search';

/** What the application form edits; the stage only when adding (afterwards it moves through "Move to…"). */
export type ApplicationFormValue = Pick<Application, 'organisation' | 'role' | 'link' | 'source' | 'notes' | 'stage'>;
