import { localIsoDate } from '../../../../shared/dates';
import { COMPONENT_LABELS, formatQuotient, type TrustComponent } from '../../../../shared/trust/quotient';

export { COMPONENT_LABELS, formatQuotient };

export function componentLabel(component: TrustComponent): string {
  return COMPONENT_LABELS[component];
}

export const SOURCE_LABELS = { coach: 'Your rating', client: 'Client feedback' } as const;

/** Today's date in the coach's zone, as YYYY-MM-DD. */
export const todayIso = (now = new Date()) => localIsoDate(now);
