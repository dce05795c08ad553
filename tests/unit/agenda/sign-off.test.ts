import { describe, expect, it } from 'vitest';
import { exportAgendaText, signOffLines } from '../../../shared/agenda';
import { CONTEXT, sampleAgenda } from './fixtures';
import { workspaceWithSession } from './agenda-workspace';
import { rejection } from '../../helpers/rejection';

/** A sign-off whose last line reads like an agenda item, as a practice name in a list might. */
const ITEM_LIKE = 'Warm regards,\n\nSam Lee\n1. Clear Path Coaching (CPC)';

function quoted(text: string): string {
  return `Hi Sam, all good, see below.\r\n\r\n${text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\r\n')}\r\n\r\nThanks,\r\nAmara`;
}

async function sharedWithSignOff(signOff: string) {
  const fixture = await workspaceWithSession();
  const { workspace, clientId, sessionId } = fixture;
  await workspace.settings.update({ coachName: 'Sam Lee', signOff });
  await workspace.agendas.save(clientId, sessionId, {
    goals: [{ text: 'Agree on three target employers' }],
    items: [
      { title: 'Check-in', minutes: 10, proposedBy: 'coach' },
      { title: 'Review the CV draft', minutes: 20, proposedBy: 'client' },
    ],
  });
  const { text } = await workspace.agendas.share(clientId, sessionId);
  return { ...fixture, text };
}

describe('the sign-off of the shared agenda', () => {
  it('is the coach’s own text when Settings has one, and “See you then,” with the first name otherwise', () => {
    const agenda = sampleAgenda();
    expect(exportAgendaText(agenda, { ...CONTEXT, coachName: 'Sam Lee', signOff: '\n  All the best,\r\n\r\nSam  \n\n' })).toMatch(
      /your changes\.\n\nAll the best,\n\nSam\n$/u,
    );
    expect(exportAgendaText(agenda, { ...CONTEXT, coachName: 'Sam Lee', signOff: ' \n ' })).toMatch(/\n\nSee you then,\nSam\n$/u);
    expect(signOffLines('Sam Lee', '')).toEqual(['See you then,', 'Sam']);
    expect(signOffLines('', 'Cheers,\nS.')).toEqual(['Cheers,', 'S.']);
  });

  it('ends the text the coach shares, and a reply quoting it reads no item or comment from it', async () => {
    const { workspace, clientId, sessionId, text } = await sharedWithSignOff(ITEM_LIKE);
    expect(text).toMatch(/\n\nWarm regards,\n\nSam Lee\n1\. Clear Path Coaching \(CPC\)\n$/u);
    expect(text).not.toContain('See you then');

    const preview = await workspace.agendas.previewReply(clientId, sessionId, quoted(text));
    expect(preview.changes).toEqual([]);
    expect(preview.comments.map((comment) => comment.text)).toEqual(['Hi Sam, all good, see below.', 'Thanks,', 'Amara']);
    expect(await workspace.agendas.previewReply(clientId, sessionId, text)).toMatchObject({ changes: [], comments: [], cautions: [] });
  });

  it('still reads an item the client added after the sign-off was quoted', async () => {
    const { workspace, clientId, sessionId, text } = await sharedWithSignOff(ITEM_LIKE);
    const reply = text.replace(
      '2. Review the CV draft (20 min) — proposed by you\n',
      '2. Review the CV draft (20 min) — proposed by you\n3. Salary range (10 min)\n',
    );
    const preview = await workspace.agendas.previewReply(clientId, sessionId, quoted(reply));
    expect(preview.changes.map((change) => change.kind)).toEqual(['added']);
  });

  it('is refused, changing nothing, when longer than the shared limits allow', async () => {
    const { workspace } = await workspaceWithSession();
    const before = await workspace.settings.get();
    expect(before.signOff).toBe('');
    const tooManyLines = await rejection(workspace.settings.update({ signOff: 'a\nb\nc\nd\ne\nf\ng' }), 'INVALID_INPUT');
    expect(tooManyLines.message).toMatch(/at most 6 lines/u);
    await rejection(workspace.settings.update({ signOff: 'x'.repeat(301) }), 'INVALID_INPUT');
    expect(await workspace.settings.get()).toEqual(before);
  });
});
