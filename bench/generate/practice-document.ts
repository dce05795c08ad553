import { PRACTICE_DOCUMENT_VERSION, type PracticeDocument } from '../../shared/model/documents';
import { QUESTION_GROUPS, defaultEmailTemplates } from '../../shared/model/practice';
import { timestampAt } from './calendar';
import type { Random } from './random';
import { ITEM_TITLES, MEETING_GOALS, QUESTION_IDS } from './vocabulary';

const CUSTOM_QUESTIONS = [
  'What would you do if you knew you could not fail?',
  'Who has shaped the way you work, and how?',
  'What does a good Monday morning look like for you?',
  'When did you last feel proud of your work?',
  'What would you like me to do when you go quiet?',
];

export function generatePracticeDocument(random: Random): PracticeDocument {
  const at = (day: number) => timestampAt(day, random.int(480, 1080));
  return {
    schemaVersion: PRACTICE_DOCUMENT_VERSION,
    settings: {
      coachName: 'Siobhán Ní Bhriain',
      businessName: 'Clear Path Career Coaching',
      contactLine: 'siobhan@clearpath.example · +44 20 7946 0321',
      defaultSessionMinutes: 60,
      noContactDays: 21,
      paperSize: 'A4',
      signOff: '',
      emailTemplates: defaultEmailTemplates(),
      backup: { keep: 14, automatic: true },
    },
    customQuestions: CUSTOM_QUESTIONS.map((text, index) => {
      const createdAt = at(100 + index * 300);
      return { id: random.uuid(), createdAt, updatedAt: createdAt, text, group: random.pick(QUESTION_GROUPS) };
    }),
    hiddenQuestionIds: random.sample(QUESTION_IDS, 2),
    questionEdits: [{ questionId: QUESTION_IDS[0], text: 'What brings you to coaching right now?' }],
    questionMarks: [],
    templates: ['First session', 'Interview preparation', 'Decision session'].map((name, index) => {
      const createdAt = at(50 + index * 400);
      return {
        id: random.uuid(),
        createdAt,
        updatedAt: createdAt,
        name,
        goals: random.sample(MEETING_GOALS, 3),
        items: random.sample(ITEM_TITLES, 5).map((title) => ({ title, details: '', minutes: random.pick([10, 15, 20]) })),
      };
    }),
  };
}
