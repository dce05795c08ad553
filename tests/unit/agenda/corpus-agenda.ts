import type { Agenda } from '../../../shared/model/agenda';
import type { AgendaTextContext } from '../../../shared/agenda';

const AT = '2026-12-01T09:00:00.000Z';

/** The agenda every reply in tests/fixtures/agenda-replies answers (ref Y3NH in its shared text). */
export function corpusAgenda(): Agenda {
  return {
    id: 'a7e1c3d2-5b4f-4e6a-9c8d-0f1e2d3c4b5a',
    createdAt: AT,
    updatedAt: AT,
    sessionId: '5e55a0b1-7c2d-4e3f-8a9b-0c1d2e3f4a5b',
    goals: [
      { id: '90000000-0000-4000-8000-000000000001', text: 'Decide whether to apply for the Director role', met: 'unset' },
      { id: '90000000-0000-4000-8000-000000000002', text: 'Leave with a plan for the salary conversation', met: 'unset' },
    ],
    items: [
      item(1, 'Check-in', 10, 'coach', ''),
      item(2, 'Your Director pitch', 20, 'client', 'What you would say in the first two minutes of the interview.'),
      item(3, 'Salary expectations', 15, 'coach', 'Your range, your walk-away number and how to say them out loud.'),
      item(4, 'Next steps and commitments', 10, 'coach', ''),
    ],
    sharedAt: AT,
    reviewedWithClientAt: null,
    history: [],
  };
}

function item(n: number, title: string, minutes: number, proposedBy: 'coach' | 'client', details: string): Agenda['items'][number] {
  return { id: `91000000-0000-4000-8000-00000000000${n}`, title, details, minutes, proposedBy, goalId: null, outcome: '' };
}

export const CORPUS_CONTEXT: AgendaTextContext = {
  clientName: 'Amara Okafor',
  clientFirstName: 'Amara',
  startsAt: '2026-12-08T10:00:00.000Z',
  durationMinutes: 60,
  mode: 'video',
  location: 'https://meet.example.com/amara-sam',
  coachName: 'Sam Lee',
  locale: 'en-GB',
  timeZone: 'Europe/London',
};
