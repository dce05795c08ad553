import type { OverviewTrust } from '../../../../shared/api/clients';
import type { SessionReadiness } from '../../../../shared/today/readiness';
import { formatQuotient } from '../../../../shared/trust/quotient';

export interface ReadinessStep {
  id: string;
  label: string;
  done: boolean;
}

/** The session's preparation in the order a coach does it. */
export function readinessSteps(readiness: SessionReadiness): ReadinessStep[] {
  return [
    { id: 'drafted', label: 'Agenda drafted', done: readiness.agendaDrafted },
    { id: 'reviewed', label: 'Agenda reviewed with the client', done: readiness.agendaReviewed },
    { id: 'materials', label: 'Materials sent', done: readiness.materialsSent },
    { id: 'reconfirmed', label: 'Session reconfirmed', done: readiness.reconfirmed },
  ];
}

/** Changes smaller than this read as steady: ratings are whole numbers and the quotient moves in small steps. */
const STEADY = 0.05;

/** The trend since the previous rating from the same side, in words. */
export function trendText(trust: Pick<OverviewTrust, 'change' | 'trend' | 'latest'>): string {
  const { change, trend, latest } = trust;
  if (change === null) {
    if (trend.length <= 1) return 'The first rating: the trend shows after the next one.';
    return latest?.source === 'client'
      ? 'The client’s first feedback: the chart shows it beside your own ratings.'
      : 'Your first rating: the chart shows it beside the client’s feedback.';
  }
  if (Math.abs(change) < STEADY) return 'Steady since the previous rating.';
  return change > 0
    ? `Up ${formatQuotient(change)} since the previous rating.`
    : `Down ${formatQuotient(-change)} since the previous rating.`;
}
