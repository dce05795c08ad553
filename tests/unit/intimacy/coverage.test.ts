import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { workspaceWithSessions } from './support';
import { tarEntry } from '../backup/container-fixtures';

const HARD = 'starter-hard-02';

/** Every kind of intimacy text, each with a word found nowhere else. */
async function preparedWorkspace() {
  const fixture = await workspaceWithSessions({ backupsDir: join(await tempDir(), 'backups') });
  const { workspace, clientId, heldId, nextId } = fixture;
  await workspace.agendas.save(clientId, nextId, {
    goals: [{ text: 'Agree the next step' }],
    items: [{ title: 'Offer letter', minutes: 20, proposedBy: 'client' }],
  });
  await workspace.intimacy.planQuestion(clientId, nextId, HARD);
  const own = await workspace.intimacy.createClientQuestion(clientId, nextId, {
    text: 'What did the zeppelin project teach you?',
    personal: true,
  });
  await workspace.intimacy.savePhrasings(clientId, HARD, {
    versions: ['Is there a marmalade question you dread?', 'Which question would you rather skip?'],
    chosen: 0,
    wayOut: 'A quokka-sized pass is always fine.',
  });
  await workspace.intimacy.saveFirstMove(clientId, nextId, { firstMove: 'My own tangerine year of doubt.' });
  await workspace.intimacy.planQuestion(clientId, heldId, own.planned[1].questionId);
  await workspace.intimacy.saveReflection(clientId, heldId, {
    questions: [{ questionId: own.planned[1].questionId, asked: true, wayOutGiven: false }],
    firstMoveMade: true,
    clientResponse: 'She laughed and told the walrus story.',
    heldBack: true,
    heldBackWhy: 'Kept the kumquat anecdote for later.',
  });
  return fixture;
}

const PRIVATE_WORDS = ['zeppelin', 'marmalade', 'quokka', 'tangerine', 'walrus', 'kumquat', 'rather skip', 'pass is always'];

describe('intimacy texts', () => {
  it('are found by search, each opening the session it belongs to', async () => {
    const { workspace, heldId, nextId } = await preparedWorkspace();
    const expectations: [string, string, string][] = [
      // Planned for both sessions: it opens the later one.
      ['zeppelin', 'clientQuestion', nextId],
      ['marmalade', 'phrasing', nextId],
      ['quokka', 'wayOut', nextId],
      ['tangerine', 'firstMove', nextId],
      ['walrus', 'clientResponse', heldId],
      ['kumquat', 'heldBackWhy', heldId],
    ];
    for (const [word, field, sessionId] of expectations) {
      const hits = await workspace.search.query(word);
      expect(hits, word).toHaveLength(1);
      expect(hits[0]).toMatchObject({ kind: 'intimacy', field, clientName: 'Amara Okafor', target: { tab: 'sessions', id: sessionId } });
      expect(hits[0].snippet.toLowerCase()).toContain(word);
    }
  });

  it('never reach the agenda the client sees', async () => {
    const { workspace, clientId, nextId } = await preparedWorkspace();
    const { text } = await workspace.agendas.share(clientId, nextId);
    expect(text).toContain('Offer letter');
    for (const word of PRIVATE_WORDS) expect(text.toLowerCase()).not.toContain(word);
    const agenda = JSON.stringify(await workspace.agendas.get(clientId, nextId));
    for (const word of PRIVATE_WORDS) expect(agenda.toLowerCase()).not.toContain(word);
  });

  it('are carried by the per-client export and by a backup and restore, exactly', async () => {
    const { workspace, clientId, heldId, nextId } = await preparedWorkspace();
    const views = async () => ({
      held: await workspace.intimacy.forSession(clientId, heldId),
      next: await workspace.intimacy.forSession(clientId, nextId),
      evidence: await workspace.intimacy.evidence(clientId),
    });
    const before = await views();
    const onDisk = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8'));

    const exportPath = join(await tempDir(), 'amara.tar');
    await workspace.backup.exportClient(clientId, exportPath);
    const exported = JSON.parse(await tarEntry(exportPath, 'client.json'));
    expect(exported.intimacy).toEqual(onDisk.intimacy);
    expect(exported.intimacy.sessions).toHaveLength(2);

    const backupPath = join(await tempDir(), 'practice.rapport-backup');
    await workspace.backup.create(backupPath, { passphrase: 'correct horse battery' });
    await workspace.intimacy.saveFirstMove(clientId, nextId, { firstMove: 'Changed after the backup.' });
    await workspace.intimacy.unplanQuestion(clientId, nextId, HARD);
    await workspace.backup.restore(backupPath, { passphrase: 'correct horse battery' });
    expect(await views()).toEqual(before);
    expect(JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8')).intimacy).toEqual(onDisk.intimacy);
    expect((await workspace.search.query('tangerine'))[0]).toMatchObject({ kind: 'intimacy', field: 'firstMove' });
  });
});
