import type { ClientStatus } from '../../../../shared/model/client';
import { CLIENT_STATUSES } from '../../../../shared/model/client-statuses';

export const STATUS_LABELS: Record<ClientStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  archived: 'Archived',
};

/** The badge variant from base.css for each status; neutral where there is nothing to flag. */
export const STATUS_BADGE_CLASS: Record<ClientStatus, string> = {
  prospect: '',
  active: 'ok',
  paused: 'warn',
  completed: '',
  archived: '',
};

/** Statuses a coach can pick on the form; archiving has its own button. */
export const EDITABLE_STATUSES = CLIENT_STATUSES.filter((status) => status !== 'archived');

export type StatusFilter = 'not-archived' | 'all' | ClientStatus;

export const STATUS_FILTER_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'not-archived', label: 'All but archived' },
  { value: 'all', label: 'All' },
  ...CLIENT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
];
