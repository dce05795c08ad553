import type { Agenda, AgendaItem } from '../../../shared/model/agenda';

export const NOW = '2026-03-02T09:00:00.000Z';

let counter = 0;
/** Deterministic UUIDs for pure tests. */
export function sequentialIds(): () => string {
  return () => {
    counter += 1;
    return `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
  };
}

const ids = sequentialIds();

export function item(title: string, minutes: number, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id: ids(), title, details: '', minutes, proposedBy: 'coach', goalId: null, outcome: '', ...extra };
}

/** A realistic second-session agenda. */
export function sampleAgenda(): Agenda {
  return {
    id: ids(),
    createdAt: NOW,
    updatedAt: NOW,
    sessionId: ids(),
    goals: [
      { id: ids(), text: 'Agree on three target employers', met: 'unset' },
      { id: ids(), text: 'Leave with a plan for the CV rewrite', met: 'unset' },
    ],
    items: [
      item('Check-in: how the week went', 10),
      item('Review the CV draft', 20, { details: 'Focus on the summary and the last two roles.\n  - bring printed copy' }),
      item('Shortlist target employers', 15, { proposedBy: 'client' }),
      item('Next steps and commitments', 10),
    ],
    sharedAt: null,
    reviewedWithClientAt: null,
    history: [],
  };
}

export const CONTEXT = { clientName: 'Amara Okafor', startsAt: '2026-03-09T10:00:00.000Z', locale: 'en-GB', timeZone: 'UTC' };
