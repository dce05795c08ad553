import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMAIL_WORDING,
  PLACEHOLDER_NAMES,
  emailTemplateIssues,
  fillTemplate,
  placeholderProblem,
} from '../../../shared/email/templates';
import { emailMessage } from '../../../shared/email/message';
import { EMAIL_KINDS, defaultEmailTemplates } from '../../../shared/model/practice';
import { testWorkspace } from '../../helpers/workspace-api';

const values = Object.fromEntries(PLACEHOLDER_NAMES.map((name) => [name, `<${name}>`])) as Record<
  (typeof PLACEHOLDER_NAMES)[number],
  string
>;

const context = {
  client: { name: 'Amara Okafor', preferredName: '', email: 'amara@example.com', timeZone: 'America/New_York' },
  session: { startsAt: '2026-03-10T14:00:00.000Z', durationMinutes: 60, mode: 'video' as const, location: 'https://meet.example/abc' },
  settings: { coachName: 'Sam Rivera', signOff: '', emailTemplates: defaultEmailTemplates() },
  commitments: [
    { text: 'Send two applications', owner: 'client' as const, dueDate: '2026-03-09', doneAt: null },
    { text: 'Already done', owner: 'client' as const, dueDate: null, doneAt: '2026-03-01T10:00:00.000Z' },
    { text: 'Find a contact at Acme', owner: 'coach' as const, dueDate: null, doneAt: null },
  ],
  locale: 'en-GB',
};

describe('email wording', () => {
  it('fills every placeholder, whatever the spacing and case inside the braces', () => {
    expect(fillTemplate({ subject: 'For {{ client }} on {{DATE}}', body: '{{coach}}\n\n\n\n{{signoff}}' }, values)).toEqual({
      subject: 'For <client> on <date>',
      body: '<coach>\n\n<signoff>',
    });
  });

  it('keeps the subject on one line', () => {
    expect(fillTemplate({ subject: 'Hello\n{{client}}', body: '' }, { ...values, client: 'Ada\r\nB' }).subject).toBe('Hello Ada B');
  });

  it('knows every placeholder Rapport’s own wording uses', () => {
    for (const kind of EMAIL_KINDS) {
      expect(placeholderProblem(DEFAULT_EMAIL_WORDING[kind].subject)).toBeNull();
      expect(placeholderProblem(DEFAULT_EMAIL_WORDING[kind].body)).toBeNull();
    }
  });

  it('names an unknown placeholder and an unclosed one', () => {
    expect(placeholderProblem('Your fee is {{fee}} and {{ fee }}.')).toMatch(
      /^Rapport does not know \{\{fee\}\}\. Use only \{\{client\}\}, /,
    );
    expect(placeholderProblem('Hi {{client}')).toMatch(/not closed/);
    expect(placeholderProblem('Hi {client} and {{client}}')).toBeNull();
    const templates = defaultEmailTemplates();
    templates.recap.body = 'See {{nextSession}}';
    expect(emailTemplateIssues(templates)).toEqual([
      { path: ['emailTemplates', 'recap', 'body'], message: expect.stringMatching(/\{\{nextSession\}\}/) },
    ]);
  });

  it('writes the session in the client’s time zone, addressed by first name and signed by the coach’s first name', () => {
    const message = emailMessage('reconfirm', context);
    expect(message.to).toBe('amara@example.com');
    expect(message.subject).toBe('See you on Tuesday, 10 March 2026');
    expect(message.body).toContain('Hi Amara,');
    expect(message.body).toContain('Tuesday, 10 March 2026 at 10:00–11:00 GMT-4');
    expect(message.body).toContain('Where: Video call: https://meet.example/abc');
    expect(message.body.endsWith('See you then,\nSam')).toBe(true);
    expect(message.body).not.toMatch(/\{\{|Client|Coach/);
  });

  it('uses the preferred name, the coach’s own sign-off and wording, and the open commitments', () => {
    const templates = defaultEmailTemplates();
    templates.materials = { subject: '', body: 'Dear {{client}},\n{{commitments}}\n{{signoff}}' };
    const message = emailMessage('materials', {
      ...context,
      client: { ...context.client, preferredName: 'Mara', timeZone: '' },
      settings: { coachName: 'Sam Rivera', signOff: 'Warmly,\nSam R.', emailTemplates: templates },
    });
    expect(message.subject).toBe(DEFAULT_EMAIL_WORDING.materials.subject.replace('{{date}}', 'Tuesday, 10 March 2026'));
    expect(message.body).toBe('Dear Mara,\n- Send two applications (by Monday, 9 March 2026)\nWarmly,\nSam R.');
  });
});

describe('saving the wording', () => {
  it('refuses an unknown placeholder with a field error, and saves nothing', async () => {
    const workspace = await testWorkspace();
    const templates = defaultEmailTemplates();
    templates.reconfirm.subject = 'See you {{when}}';
    const refusal = await workspace.settings.update({ emailTemplates: templates, coachName: 'Sam' }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['emailTemplates', 'reconfirm', 'subject'], message: expect.stringContaining('{{when}}') }],
    });
    expect(await workspace.settings.get()).toMatchObject({ coachName: '', emailTemplates: defaultEmailTemplates() });

    templates.reconfirm.subject = 'See you {{date}}';
    expect((await workspace.settings.update({ emailTemplates: templates })).emailTemplates.reconfirm.subject).toBe('See you {{date}}');
  });
});
