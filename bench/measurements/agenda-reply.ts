import { exportAgendaText } from '../../shared/agenda';
import { MAX_REPLY_BYTES, readReply } from '../../shared/agenda/read-reply';
import type { Agenda } from '../../shared/model/agenda';
import { measurement, series, type Measurement } from '../harness/results';
import { timeAlternately } from '../harness/timing';

const CONTEXT = {
  clientName: 'Amara Okafor',
  startsAt: '2026-12-08T10:00:00.000Z',
  durationMinutes: 60,
  mode: 'video' as const,
  location: 'https://meet.example.com/amara',
  coachName: 'Sam Lee',
  locale: 'en-GB',
  timeZone: 'Europe/London',
};

function agenda(): Agenda {
  const at = '2026-12-01T09:00:00.000Z';
  const titles = ['Check-in', 'Your Director pitch', 'Salary expectations', 'Stakeholder map', 'Next steps and commitments'];
  return {
    id: 'a7e1c3d2-5b4f-4e6a-9c8d-0f1e2d3c4b5a',
    createdAt: at,
    updatedAt: at,
    sessionId: '5e55a0b1-7c2d-4e3f-8a9b-0c1d2e3f4a5b',
    goals: [{ id: '90000000-0000-4000-8000-000000000001', text: 'Decide whether to apply for the Director role', met: 'unset' }],
    items: titles.map((title, index) => ({
      id: `91000000-0000-4000-8000-00000000000${index}`,
      title,
      details: index === 1 ? 'What you would say in the first two minutes.' : '',
      minutes: 10 + 5 * index,
      proposedBy: index === 1 ? 'client' : 'coach',
      goalId: null,
      outcome: '',
    })),
    sharedAt: at,
    reviewedWithClientAt: null,
    history: [],
  };
}

/**
 * A long thread as clients really send it, just under 2 MB: her list on top, the shared
 * agenda quoted under "On … wrote:", then months of older messages quoted deeper and deeper.
 */
function longThread(shared: string): string {
  const top = [
    'Hi Sam,',
    '',
    '1. Check-in (10 min)',
    '2. Your Director pitch, practised out loud (25 min)',
    '3. Salary expectations (20 min)',
    '4. Next steps and commitments (15 min)',
    '',
    'Amara',
    '',
  ].join('\n');
  const quote = (text: string, depth: number) =>
    text
      .split('\n')
      .map((line) => `${'> '.repeat(depth)}${line}`)
      .join('\n');
  const parts = [top, 'On Tue, 1 Dec 2026 at 09:14, Sam Lee <sam@example.com> wrote:', quote(shared, 1)];
  let size = Buffer.byteLength(parts.join('\n'));
  for (let depth = 2; size < MAX_REPLY_BYTES - 20_000; depth = (depth % 6) + 2) {
    const older = `On Tue, 3 Nov 2026 at 09:14, Sam Lee <sam@example.com> wrote:\n${quote(shared, depth)}\n${quote('Thanks Sam, that works for me. See you next week, and thanks again for the notes.', depth)}`;
    parts.push(older);
    size += Buffer.byteLength(older) + 1;
  }
  return parts.join('\n');
}

/** Reading a 2 MB reply (the largest accepted), against splitting it into trimmed lines as a floor. */
export async function measureAgendaReply(rounds: number): Promise<Measurement[]> {
  const subjectAgenda = agenda();
  const text = longThread(exportAgendaText(subjectAgenda, CONTEXT));
  const { preview } = readReply(subjectAgenda, text, { text: CONTEXT });
  if (preview.changes.length === 0) throw new Error('The benchmark reply should propose changes.');
  const pair = await timeAlternately(
    rounds,
    2,
    async () => {
      const started = performance.now();
      readReply(subjectAgenda, text, { text: CONTEXT });
      return performance.now() - started;
    },
    async () => {
      const started = performance.now();
      text.split('\n').map((line) => line.trim());
      return performance.now() - started;
    },
  );
  return [
    measurement({
      id: 'agenda-reply-2mb',
      label: `agenda reply, reading ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB (long thread)`,
      subject: series('readReply on a 2 MB thread', pair.subject),
      baseline: series('splitting the same text into trimmed lines', pair.baseline),
      target: { kind: 'max-ms', value: 200 },
      note: `${preview.changes.length} changes found; older quoted messages are skipped, not parsed.`,
    }),
  ];
}
