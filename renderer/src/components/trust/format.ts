import { localIsoDate } from '../../../../shared/dates';
import { COMPONENT_LABELS, formatQuotient, type TrustComponent } from '../../../../shared/trust/quotient';

export { COMPONENT_LABELS, formatQuotient };

/** An ISO calendar date (YYYY-MM-DD) in the coach's locale, e.g. "3 Jun 2026". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(year, month - 1, day));
}

/** A moment in the coach's locale and zone, e.g. "Thu 2 Jul, 10:00". */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function componentLabel(component: TrustComponent): string {
  return COMPONENT_LABELS[component];
}

export const SOURCE_LABELS = { coach: 'Your rating', client: 'Client feedback' } as const;

/** Today's date in the coach's zone, as YYYY-MM-DD. */
export const todayIso = (now = new Date()) => localIsoDate(now);
