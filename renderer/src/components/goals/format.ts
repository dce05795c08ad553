import type { GoalStatus } from '../../../../shared/model/goal';
import type { Owner } from '../../../../shared/model/primitives';
import { plural } from '../../format';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  'on-hold': 'On hold',
  dropped: 'Dropped',
};

export const OWNER_LABELS: Record<Owner, string> = { coach: 'Coach', client: 'Client' };

export function stepsText(done: number, total: number): string {
  return `${done} of ${plural(total, 'step', 'steps')}`;
}
