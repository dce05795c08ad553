import type { FieldIssue } from '../errors';
import { EMAIL_KINDS, type EmailKind, type EmailTemplate, type EmailTemplates } from '../model/practice';

/**
 * The placeholders a message's wording may use, written `{{name}}`. The list is fixed: a
 * placeholder outside it is refused when the wording is saved, so a message never goes out
 * with "{{fee}}" in it.
 */
export const PLACEHOLDERS = {
  client: 'The client’s preferred name, or their first name',
  coach: 'Your first name',
  date: 'The session’s date, in the client’s time zone',
  time: 'The session’s start and end time, with the time zone',
  place: 'Where you meet: the room, the meeting link or “Phone call”',
  agenda: 'The agenda as text for the client to edit (the agenda message)',
  recap: 'The session recap: goals, outcomes, commitments, next session (the recap message)',
  commitments: 'What the client said they would do and has not done yet, with due dates',
  signoff: 'Your sign-off from Settings, or “See you then,” and your first name',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];
export type PlaceholderValues = Record<Placeholder, string>;

/** Rapport's own wording of each message, used wherever the coach's wording is empty. */
export const DEFAULT_EMAIL_WORDING: Record<EmailKind, EmailTemplate> = {
  agenda: {
    subject: 'Agenda for our session on {{date}}',
    body: [
      'Hi {{client}},',
      '',
      'Here is what I suggest we cover when we meet on {{date}} at {{time}}. It is your session too: change, add or cross out anything, and reply with the text below.',
      '',
      '{{agenda}}',
    ].join('\n'),
  },
  materials: {
    subject: 'Something to look at before {{date}}',
    body: [
      'Hi {{client}},',
      '',
      'Ahead of our session on {{date}} at {{time}}, I am sending a few things to look at when it suits you. There is no need to prepare more than that; bring any questions with you.',
      '',
      '{{signoff}}',
    ].join('\n'),
  },
  reconfirm: {
    subject: 'See you on {{date}}',
    body: [
      'Hi {{client}},',
      '',
      'Just confirming our session on {{date}} at {{time}}.',
      'Where: {{place}}',
      '',
      'If the time no longer works for you, reply to this email and we will find another one.',
      '',
      '{{signoff}}',
    ].join('\n'),
  },
  recap: {
    subject: 'Our session on {{date}}: what we agreed',
    body: [
      'Hi {{client}},',
      '',
      'Thank you for our session. Here is what we covered and what we each agreed to do, so that we both have it in writing.',
      '',
      '{{recap}}',
      '',
      '{{signoff}}',
    ].join('\n'),
  },
};

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  agenda: 'The agenda',
  materials: 'Materials before a session',
  reconfirm: 'Reconfirming a session',
  recap: 'Session recap',
};

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/gu;

/** The wording actually used: the coach's, field by field, or else Rapport's. */
export function effectiveWording(templates: EmailTemplates, kind: EmailKind): EmailTemplate {
  const own = templates[kind];
  const fallback = DEFAULT_EMAIL_WORDING[kind];
  return { subject: own.subject.trim() ? own.subject : fallback.subject, body: own.body.trim() ? own.body : fallback.body };
}

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name.toLowerCase());
}

/** What is wrong with the placeholders of one text, in plain words; null when nothing is. */
export function placeholderProblem(text: string): string | null {
  const unknown: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name)) unknown.push(`{{${name}}}`);
  }
  if (unknown.length > 0) {
    const list = [...new Set(unknown)].join(', ');
    const known = PLACEHOLDER_NAMES.map((name) => `{{${name}}}`).join(', ');
    return `Rapport does not know ${list}. Use only ${known}.`;
  }
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}'))
    return 'A placeholder is not closed: write it with two braces on each side, like {{client}}.';
  return null;
}

/** Every placeholder problem in a set of templates, at its field (`emailTemplates.<kind>.<subject|body>`). */
export function emailTemplateIssues(templates: EmailTemplates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const kind of EMAIL_KINDS) {
    for (const field of ['subject', 'body'] as const) {
      const message = placeholderProblem(templates[kind][field]);
      if (message) issues.push({ path: ['emailTemplates', kind, field], message });
    }
  }
  return issues;
}

/** Fills the placeholders; a subject stays on one line. */
export function fillTemplate(template: EmailTemplate, values: PlaceholderValues): EmailTemplate {
  const fill = (text: string) =>
    text.replace(TOKEN, (whole, name: string) => (isPlaceholder(name) ? values[name.toLowerCase() as Placeholder] : whole));
  return {
    subject: fill(template.subject).replace(/\s+/gu, ' ').trim(),
    body: fill(template.body)
      .replace(/\r\n?/gu, '\n')
      .replace(/\n{3,}/gu, '\n\n')
      .trim(),
  };
}
