import type { QuestionGroup } from '../model/practice';

export interface StarterQuestion {
  /** Stable forever: asked records and the coach's edits refer to it. */
  id: string;
  group: QuestionGroup;
  text: string;
  /** Personal or difficult: offered with a way out. The coach can change the mark. */
  personal: boolean;
}

export const QUESTION_GROUP_LABELS: Record<QuestionGroup, string> = {
  'getting-to-know-you': 'Getting to know you',
  'work-history': 'Work history',
  'values-and-motivation': 'Values and motivation',
  'working-together': 'Working together',
  'hard-conversations': 'Hard conversations',
};

const byGroup: Record<QuestionGroup, string[]> = {
  'getting-to-know-you': [
    'What does a good weekend look like for you?',
    'Who in your life knows you best, and what would they say about you?',
    'What are you curious about at the moment, outside of work?',
    'Where did you grow up, and how has it shaped the way you work?',
    'What is something you are quietly proud of that few people know about?',
    'How do you recharge after a demanding week?',
    'What were you like at school, and what would that person think of you now?',
    'What have you learned recently that surprised you?',
    'Is there anything about you that people often get wrong?',
  ],
  'work-history': [
    'Which job taught you the most, and what did it teach you?',
    'Tell me about a day at work you still remember with pleasure.',
    'Who was the best manager you ever had, and what did they do differently?',
    'What work have you done that felt most like you?',
    'Which decision in your career would you make differently today?',
    'When did you last lose track of time at work? What were you doing?',
    'What did you want to be when you were twelve?',
    'Which of your strengths do your colleagues rely on without you noticing?',
    'How did you end up in the role you have now?',
  ],
  'values-and-motivation': [
    'What would make the next year a success for you, in your own words?',
    'What do you refuse to compromise on at work?',
    'When have you felt most useful to other people?',
    'What does money mean to you in this decision?',
    'If you knew you could not fail, what would you try next?',
    'Whose career do you admire, and what exactly draws you to it?',
    'What are you most afraid of losing if you change direction?',
    'What would you like people to say about your work in ten years?',
    'Which matters more to you right now: stability or adventure? Why?',
  ],
  'working-together': [
    'How would you like me to tell you something you may not want to hear?',
    'What has helped you most in coaching or mentoring before, and what has not?',
    'How will you know that our sessions are worth your time?',
    'What should I do if I sense you are holding something back?',
    'How do you prefer to prepare for our sessions?',
    'Is there anything I do that gets in the way of our conversations?',
    'When you leave a session, what do you want to have in hand?',
    'How do you like to be reminded of what you committed to?',
    'What would you like me to ask you more often?',
  ],
  'hard-conversations': [
    'What is the question you hope I will not ask? You are free not to answer it.',
    'What are you pretending not to know about your situation?',
    'What is the cost to you of staying where you are for another year?',
    'Who else is affected by this decision, and have you spoken with them?',
    'What story do you tell yourself about why this has not happened yet?',
    'If a good friend were in your place, what would you tell them?',
    'What would you need to let go of to move forward?',
    'Is there something about our work together that is not working for you?',
    'What are you avoiding, and what is it protecting you from?',
  ],
};

const GROUP_PREFIX: Record<QuestionGroup, string> = {
  'getting-to-know-you': 'know',
  'work-history': 'work',
  'values-and-motivation': 'values',
  'working-together': 'together',
  'hard-conversations': 'hard',
};

/** Starter questions outside "Hard conversations" that touch personal ground. */
const PERSONAL_ELSEWHERE = new Set([
  'starter-know-02',
  'starter-know-04',
  'starter-know-09',
  'starter-work-05',
  'starter-values-04',
  'starter-values-07',
  'starter-together-04',
]);

/** Our own starter set: 45 questions, 9 per group. Ids look like `starter-know-01`. */
export const STARTER_QUESTIONS: readonly StarterQuestion[] = (Object.keys(byGroup) as QuestionGroup[]).flatMap((group) =>
  byGroup[group].map((text, index) => {
    const id = `starter-${GROUP_PREFIX[group]}-${String(index + 1).padStart(2, '0')}`;
    return { id, group, text, personal: group === 'hard-conversations' || PERSONAL_ELSEWHERE.has(id) };
  }),
);
