import type { Billing } from '../../../../shared/model/client';
import type { CredentialProgress, HoursEntry } from '../../../../shared/hours/log';
import { plural } from '../../format';
import { DISPLAY_LOCALE } from '../../../../shared/locale';

export const BILLING_LABELS: Record<Billing, string> = { paid: 'Paid', 'pro-bono': 'Pro bono' };

const hoursFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE);

/** Hours as a log shows them, in Rapport's British English: "1.50", "2,496.50". */
export const formatHours = (hours: number) => hoursFormat.format(hours);

/** A whole number in Rapport's British English: "2,500". */
export const formatCount = (count: number) => countFormat.format(count);

export const kindText = (entry: Pick<HoursEntry, 'kind' | 'groupSize'>) =>
  entry.kind === 'group' ? `Group of ${entry.groupSize}` : 'Individual';

/** "Met", or what is missing: "93.92 hours (72.42 paid) and 3 clients to go". */
export function leftText({ left, met }: CredentialProgress): string {
  if (met) return 'Experience requirement met';
  const parts: string[] = [];
  if (left.hours > 0 || left.paidHours > 0) {
    parts.push(
      left.paidHours > 0 ? `${formatHours(left.hours)} hours (${formatHours(left.paidHours)} paid)` : `${formatHours(left.hours)} hours`,
    );
  }
  if (left.clients > 0) parts.push(plural(left.clients, 'client', 'clients'));
  return `${parts.join(' and ')} to go`;
}
