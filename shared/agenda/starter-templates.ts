import type { AgendaTemplate } from '../model/agenda';

const SHIPPED = '2026-01-01T00:00:00.000Z';

function starter(id: string, name: string, goals: string[], items: AgendaTemplate['items']): AgendaTemplate {
  return { id, createdAt: SHIPPED, updatedAt: SHIPPED, name, goals, items };
}

/** The three starters that ship with Rapport; they cannot be removed. */
export const STARTER_TEMPLATES: readonly AgendaTemplate[] = [
  starter(
    '3f1c2b8e-6a0d-4c61-9b57-1a0e7c4d2f01',
    'First session',
    ['Get to know each other and what brings you to coaching', 'Agree how we will work together'],
    [
      { title: 'Welcome and introductions', details: 'Who we are, and a little about how I work.', minutes: 10 },
      { title: 'Where you are now', details: 'Your work today, what is going well and what is not.', minutes: 15 },
      { title: 'Where you would like to be', details: 'What a good outcome of our work together would look like for you.', minutes: 15 },
      { title: 'How we will work together', details: 'Session rhythm, contact between sessions, confidentiality.', minutes: 10 },
      { title: 'First small steps', details: 'One or two things each of us will do before we meet again.', minutes: 10 },
    ],
  ),
  starter(
    '3f1c2b8e-6a0d-4c61-9b57-1a0e7c4d2f02',
    'Regular session',
    ['Make progress on your main goal', 'Leave with clear next steps'],
    [
      { title: 'Check-in', details: 'How the time since our last session went.', minutes: 10 },
      { title: 'Review of last time’s commitments', details: 'What got done, what got in the way.', minutes: 10 },
      { title: 'Main topic', details: '', minutes: 25 },
      { title: 'Next steps and commitments', details: 'Who does what, by when.', minutes: 10 },
      { title: 'How was this session for you?', details: '', minutes: 5 },
    ],
  ),
  starter(
    '3f1c2b8e-6a0d-4c61-9b57-1a0e7c4d2f03',
    'Closing session',
    ['Look back on what has changed', 'Plan how you will keep going on your own'],
    [
      { title: 'Check-in', details: '', minutes: 5 },
      { title: 'Looking back', details: 'Where you started, where you are now, what made the difference.', minutes: 20 },
      { title: 'Keeping the momentum', details: 'Habits, people and resources that will help from here.', minutes: 20 },
      { title: 'Feedback on our work together', details: 'What helped, and what I could do better.', minutes: 10 },
      { title: 'Goodbye and staying in touch', details: '', minutes: 5 },
    ],
  ),
];

export function isStarterTemplate(id: string): boolean {
  return STARTER_TEMPLATES.some((template) => template.id === id);
}
