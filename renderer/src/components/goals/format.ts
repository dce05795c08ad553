import type { GoalStatus } from '../../../../shared/model/goal';
import type { Owner } from '../../../../shared/model/primitives';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  'on-hold': 'On hold',
  dropped: 'Dropped',
};

export const OWNER_LABELS: Record<Owner, string> = { coach: 'Coach', client: 'Client' };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Shows a YYYY-MM-DD date as that calendar day in the coach's locale. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return dateFormat.format(new Date(year, month - 1, day));
}

export function formatDateTime(timestamp: string): string {
  return dateTimeFormat.format(new Date(timestamp));
}

export function stepsText(done: number, total: number): string {
  return `${done} of ${total} ${total === 1 ? 'step' : 'steps'}`;
}
