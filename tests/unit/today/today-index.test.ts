import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAndParseAll } from '../../../bench/baselines/physical-read';
import { PRACTICE_NOW } from '../../../bench/generate/calendar';
import { generatePractice } from '../../../bench/generate/generate-practice';
import type { ClientDocument } from '../../../shared/model/documents';
import { commitmentTiming } from '../../../shared/today/commitment-timing';
import { startOfLocalDay } from '../../../shared/dates';
import { noContact } from '../../../shared/today/no-contact';
import { TODAY_DAYS_AHEAD } from '../../../shared/today/overview';
import { sessionReadiness } from '../../../shared/today/readiness';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** Today worked out the plain way, reading every session and commitment of every client. */
function everyClientScanned(documents: ClientDocument[], now: Date, noContactDays: number) {
  const from = startOfLocalDay(now).getTime();
  const until = startOfLocalDay(now, TODAY_DAYS_AHEAD).getTime();
  const sessions = documents
    .flatMap((document) =>
      document.sessions
        .filter((session) => session.status !== 'cancelled' && Date.parse(session.startsAt) >= from && Date.parse(session.startsAt) < until)
        .map((session) => ({
          startsAt: Date.parse(session.startsAt),
          clientName: document.client.name,
          row: [
            document.client.id,
            session.id,
            sessionReadiness(
              session,
              document.agendas.find((agenda) => agenda.sessionId === session.id),
            ),
          ],
        })),
    )
    .sort((a, b) => a.startsAt - b.startsAt || a.clientName.localeCompare(b.clientName))
    .map(({ row }) => row);
  const ownerRank = (owner: string) => (owner === 'coach' ? 0 : 1);
  const commitments = documents
    .filter((document) => document.client.status !== 'archived')
    .flatMap((document) => document.commitments.map((commitment) => ({ document, commitment, timing: commitmentTiming(commitment, now) })))
    .filter(({ timing }) => timing === 'overdue' || timing === 'due-today')
    .sort(
      (a, b) =>
        ownerRank(a.commitment.owner) - ownerRank(b.commitment.owner) ||
        (a.commitment.dueDate ?? '').localeCompare(b.commitment.dueDate ?? '') ||
        a.document.client.name.localeCompare(b.document.client.name),
    )
    .map(({ document, commitment, timing }) => [document.client.id, commitment.id, timing]);
  const quiet = documents
    .flatMap((document) => {
      const gap = noContact(document, now, noContactDays);
      return gap ? [{ name: document.client.name, row: [document.client.id, gap.lastContactAt, gap.days] as const, days: gap.days }] : [];
    })
    .sort((a, b) => b.days - a.days || a.name.localeCompare(b.name))
    .map(({ row }) => row);
  return { sessions, commitments, quiet };
}

describe('today.get on a generated practice', () => {
  it('lists exactly what scanning every client would, on any day', async () => {
    const dir = join(await tempDir(), 'practice');
    await generatePractice(dir, { seed: 7, scale: 'small' });
    const { clients } = await readAndParseAll(dir);
    // The practice's own "now"; days on which open commitments fall due; and days that put a
    // session on the last day of the week ahead, or just past it.
    const spread = <T>(items: T[]) => [0.2, 0.5, 0.8].map((share) => items[Math.floor(share * items.length)]);
    const open = clients
      .filter((document) => document.client.status !== 'archived')
      .flatMap((document) => document.commitments.filter((commitment) => commitment.doneAt === null && commitment.dueDate !== null));
    const starts = clients
      .flatMap((document) => document.sessions.map((session) => new Date(session.startsAt)))
      .sort((a, b) => a.getTime() - b.getTime());
    const days = [
      new Date(PRACTICE_NOW),
      ...spread(open).map((commitment) => new Date(`${commitment.dueDate}T09:00`)),
      ...spread(starts).flatMap((start) => [startOfLocalDay(start, 1 - TODAY_DAYS_AHEAD), startOfLocalDay(start, -TODAY_DAYS_AHEAD)]),
    ];

    // One workspace for every day: what Today keeps per client must not depend on the day.
    let clock = days[0];
    const workspace = await testWorkspace({ dir, now: () => clock });
    const noContactDays = (await workspace.settings.get()).noContactDays;
    const seen = { dueToday: 0, overdue: 0, quiet: 0 };
    for (const day of days) {
      clock = day;
      const expected = everyClientScanned(clients, day, noContactDays);
      const overview = await workspace.today.get();
      expect(overview.sessions.map((entry) => [entry.clientId, entry.session.id, entry.readiness])).toEqual(expected.sessions);
      expect(overview.commitments.map((entry) => [entry.clientId, entry.commitment.id, entry.timing])).toEqual(expected.commitments);
      expect(overview.commitmentsTotal).toBe(expected.commitments.length);
      expect(overview.noContact.map((entry) => [entry.clientId, entry.lastContactAt, entry.days])).toEqual(expected.quiet);
      for (const [, , timing] of expected.commitments) seen[timing === 'due-today' ? 'dueToday' : 'overdue'] += 1;
      seen.quiet += expected.quiet.length;
    }
    expect(Math.min(seen.dueToday, seen.overdue, seen.quiet)).toBeGreaterThan(0);
  });
});
