import { exportAgendaText } from '../../../../shared/agenda/export';
import { buildRecap, recapText } from '../../../../shared/email/recap';
import type { MessageContext } from '../../../../shared/email/message';
import { DISPLAY_LOCALE } from '../../../../shared/locale';
import type { Settings } from '../../../../shared/model/practice';

const SAMPLE_SESSION = '00000000-0000-4000-8000-000000000001';

/** Next week's Tuesday at 10:00, so the preview reads like a real message. */
function sampleStart(now: Date): string {
  const start = new Date(now);
  start.setDate(start.getDate() + ((9 - start.getDay()) % 7 || 7));
  start.setHours(10, 0, 0, 0);
  return start.toISOString();
}

/** A made-up client and session for the wording preview in Settings; nothing of a real client. */
export function sampleContext(settings: Pick<Settings, 'coachName' | 'signOff' | 'emailTemplates'>, now = new Date()): MessageContext {
  const startsAt = sampleStart(now);
  const client = { name: 'Alex Morgan', preferredName: 'Alex', email: 'alex@example.com', timeZone: '' };
  const session = { startsAt, durationMinutes: 60, mode: 'video' as const, location: 'https://meet.example/alex' };
  const goals = [{ id: SAMPLE_SESSION, text: 'Choose two roles to apply for', met: 'yes' as const }];
  const items = [
    {
      id: SAMPLE_SESSION,
      title: 'Your shortlist',
      details: '',
      minutes: 30,
      proposedBy: 'client' as const,
      goalId: null,
      outcome: 'Product lead at two firms.',
    },
  ];
  const recap = buildRecap({
    client,
    session: { id: SAMPLE_SESSION, ...session },
    sessions: [],
    agenda: { goals, items },
    commitments: [{ text: 'Send the CV to Jo', owner: 'client', dueDate: null, sessionId: SAMPLE_SESSION }],
    coachName: settings.coachName,
    locale: DISPLAY_LOCALE,
  });
  return {
    client,
    session,
    settings,
    locale: DISPLAY_LOCALE,
    commitments: [{ text: 'Send the CV to Jo', owner: 'client', dueDate: null, doneAt: null }],
    agendaText: exportAgendaText(
      { goals, items },
      { clientName: client.name, ...session, coachName: settings.coachName, signOff: settings.signOff, locale: DISPLAY_LOCALE },
    ),
    recapText: recapText(recap),
  };
}
