/** Word lists for a plausible English-language career-coaching practice. */

export const FIRST_NAMES = [
  'Amara', 'Ben', 'Chloé', 'Dmitri', 'Eilís', 'Fatima', 'George', 'Hannah', 'Ines', 'José', 'Kai', 'Lena',
  'Łukasz', 'María', 'Niamh', 'Oluwaseun', 'Priya', 'Quentin', 'Renée', 'Siobhán', 'Søren', 'Tomás', 'Uma',
  'Valérie', 'Wei', 'Ximena', 'Yusuf', 'Zoë', 'Björn', 'François', 'Małgorzata', 'Aoife', 'Rahul', 'Sarah',
  'David', 'Grace', 'Mehmet', 'Noémie', 'Olivia', 'Peter', 'Rosa', 'Samuel', 'Tariq', 'Hélène', 'Jürgen',
] as const;

export const LAST_NAMES = [
  'Okafor', 'Smith', 'Müller', 'García', 'Nguyen', 'O’Brien', 'Kowalski', 'Haddad', 'Johansson', 'Rossi',
  'Dubois', 'Patel', 'Nakamura', 'Ó Súilleabháin', 'Fernández', 'Andersen', 'Brown', 'Mensah', 'Novák',
  'Lefèvre', 'Da Silva', 'Yılmaz', 'Schröder', 'Walsh', 'Chen', 'Kaur', 'Ibáñez', 'Papadopoulos', 'Taylor',
  'Nørgaard', 'Wright', 'Ahmed', 'Žukauskas', 'Moreau', 'Evans', 'Kim', 'Lindqvist', 'Byrne', 'Costa',
] as const;

export const PRONOUNS = ['she/her', 'he/him', 'they/them', ''] as const;

export const ORGANISATIONS = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Harbour Health Trust', 'Meridian Bank', 'Blue Yonder Airlines',
  'Greenfield Council', 'Lumen Analytics', 'Corvid Studios', 'St Brigid’s School', 'Atlas Logistics', 'Fernhill Foods',
  'Kestrel Consulting', 'Self-employed', 'Ridgeway University', 'Orbital Software', 'Cedar Housing Association',
] as const;

export const ROLES = [
  'Senior analyst', 'Team lead', 'Head of data', 'Product manager', 'Software engineer', 'Engineering manager',
  'Nurse practitioner', 'Ward manager', 'Teacher', 'Deputy head', 'Operations director', 'Marketing manager',
  'Finance business partner', 'HR generalist', 'People director', 'UX researcher', 'Freelance designer',
  'Chief of staff', 'Project coordinator', 'Solicitor', 'Partner', 'Account manager', 'Sales director',
  'Policy adviser', 'Programme manager', 'Founder', 'Consultant', 'Research scientist', 'Lecturer',
] as const;

export const TAGS = [
  'leadership', 'career change', 'return to work', 'promotion', 'redundancy', 'first management role',
  'confidence', 'interview prep', 'portfolio career', 'burnout', 'negotiation', 'executive', 'graduate',
  'sponsored by employer', 'self-funded', 'relocation', 'public sector', 'start-up', 'retirement planning',
] as const;

export const LOCATIONS = ['Office', 'Client’s workplace', 'Café on Market Street', 'Library meeting room', 'Walk in the park'] as const;

export const VIDEO_LOCATIONS = ['Zoom', 'Teams', 'Google Meet', 'Whereby'] as const;

export const SUBJECTS = [
  'the client', 'we', 'she', 'he', 'they', 'the team', 'their manager', 'the hiring panel', 'the recruiter',
  'their partner', 'the board', 'a former colleague', 'the mentor',
] as const;

export const VERBS = [
  'talked through', 'reflected on', 'explored', 'questioned', 'revisited', 'mapped out', 'struggled with',
  'celebrated', 'prepared for', 'worried about', 'named', 'reframed', 'prioritised', 'postponed', 'tested',
] as const;

export const OBJECTS = [
  'the next interview', 'the promotion case', 'a difficult conversation with the line manager', 'their values',
  'the career story', 'the CV and LinkedIn profile', 'the salary negotiation', 'a sideways move',
  'the fear of being found out', 'the budget for training', 'a portfolio of freelance work', 'the notice period',
  'the leadership style they want', 'feedback from the 360 review', 'boundaries with work email',
  'the offer letter', 'the network of former colleagues', 'a return to study', 'the job description',
  'their strengths', 'a plan for the first ninety days', 'the move abroad', 'the reorganisation',
] as const;

export const QUALIFIERS = [
  'with real energy', 'more calmly than last time', 'for the first time', 'in some depth', 'briefly',
  'with a lot of hesitation', 'from a new angle', 'with a clear sense of priority', 'and found it hard',
  'and laughed about it', 'without reaching a conclusion', 'and agreed next steps',
] as const;

export const OBSERVATIONS = [
  'Energy was noticeably higher when talking about mentoring others.',
  'Long pause before answering what success would look like.',
  'Used the phrase “I should” several times; worth gently naming next time.',
  'Said the interview went better than expected and wants to keep the momentum.',
  'Still unsure whether the new role fits their values.',
  'Mentioned sleeping badly; we agreed to keep an eye on workload.',
  'Brought a written list of options, which is new.',
  'Felt the conversation with HR was fair but slow.',
  'Wants feedback on the draft cover letter before Friday.',
  'I noticed I was filling silences; let the client lead more.',
  'Tension between stability and the wish to start something of their own.',
  'Asked for more challenge in our sessions.',
] as const;

export const MEETING_GOALS = [
  'Leave with a shortlist of roles to apply for', 'Decide whether to accept the offer', 'Agree the story for the interview',
  'Name the three values that matter most', 'Plan the conversation with the manager', 'Review progress since last time',
  'Choose one experiment for the coming month', 'Draft the promotion case outline', 'Clarify what “senior” means here',
  'Prepare questions for the networking coffee', 'Reflect on the 360 feedback', 'Set a date for the decision',
] as const;

export const ITEM_TITLES = [
  'Check-in', 'Review of commitments', 'Interview practice', 'Values card sort', 'CV walk-through', 'Salary research',
  'Role-play: the difficult conversation', 'Strengths stories', 'Network map', 'Options on a page', 'Wrap-up and next steps',
  'Feedback on the cover letter', 'Energy audit', 'Timeline of the last five years', 'Decision matrix',
] as const;

export const GOAL_TITLES = [
  'Land a team lead role', 'Move into product management', 'Return to work after parental leave', 'Negotiate a pay rise',
  'Build a portfolio career', 'Become a confident public speaker', 'Secure a promotion to director', 'Start a consultancy',
  'Find a role with a shorter commute', 'Change sector into the charity world', 'Get better at delegating',
  'Prepare for retirement from full-time work',
] as const;

export const STEP_TEXTS = [
  'Update the CV', 'Rewrite the LinkedIn headline', 'Ask three colleagues for feedback', 'Research five target organisations',
  'Book an informational interview', 'Draft the elevator pitch', 'Practise the STAR stories aloud', 'Set a weekly job-search slot',
  'Talk to the line manager about development', 'Enrol in the course', 'Write the business plan outline',
  'Collect evidence of impact for the last year', 'Agree a budget with the family', 'Send the application',
] as const;

export const COMMITMENT_TEXTS = [
  'Send the article on negotiation', 'Introduce to a contact in the sector', 'Share the values exercise',
  'Email a summary of the session', 'Apply for two roles', 'Ask the manager for a development conversation',
  'Write a first draft of the cover letter', 'Reconnect with three former colleagues', 'Book the mock interview',
  'Read the chapter on influence', 'Draft the promotion case', 'Track energy levels for a week',
] as const;

export const OUTCOMES = [
  'Agreed to try it before next session.', 'Parked for now.', 'Good progress; the client wants to continue.',
  'Decided against this option.', 'Needs more information first.', 'Done, with a clear plan.', '',
] as const;

export const HISTORY_SUMMARIES = [
  'Created the agenda', 'Added an item', 'Reordered items', 'Shared with the client for review', 'Client proposed an item',
  'Changed a meeting goal', 'Recorded outcomes', 'Marked meeting goals', 'Shortened the check-in',
] as const;

export const TERMS: readonly (readonly [string, string])[] = [
  ['my practice', 'their business'], ['the day job', 'current employment'], ['the big move', 'the planned relocation'],
  ['my people', 'the team they manage'], ['the ladder', 'the promotion track'], ['plan B', 'the freelance option'],
  ['the wobble', 'a loss of confidence'], ['home base', 'the current organisation'], ['my craft', 'their technical expertise'],
];

export const CLIENT_NOTE_TEXTS = [
  'Prefers morning sessions; mornings are when they think most clearly.',
  'Invoice goes to the employer’s learning budget, not to the client.',
  'Mentioned a family illness; be gentle about the pace this month.',
  'Referred by a former client.',
  'Would like sessions to end with a written summary.',
  'Has moved house; new address is in the email signature.',
  'Asked to pause over the summer.',
] as const;

export const QUESTION_IDS = [
  'gtky-01', 'gtky-02', 'gtky-03', 'work-01', 'work-02', 'work-03', 'values-01', 'values-02', 'together-01',
  'together-02', 'hard-01', 'hard-02',
] as const;

/** A word planted in only a few session notes, so that a search for it has few hits. */
export const RARE_TERM = 'sabbatical';
/** A word that appears in a large share of session notes. */
export const COMMON_TERM = 'interview';
