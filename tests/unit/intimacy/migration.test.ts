import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateClientDocument, migratePracticeDocument } from '../../../electron/core/migrations';
import { CLIENT_DOCUMENT_VERSION, ClientDocument, PRACTICE_DOCUMENT_VERSION, PracticeDocument } from '../../../shared/model/documents';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** A data directory written by Rapport with client and practice documents at version 1, and a backup of it made then. */
const V1_DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'v1-data');
const V1_BACKUP = join(import.meta.dirname, '..', '..', 'fixtures', 'v1-data.rapport-backup');
const now = () => new Date('2026-05-10T09:00:00.000Z');

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

async function v1Copy() {
  const dir = join(await tempDir(), 'data');
  await cp(V1_DATA, dir, { recursive: true });
  const [clientFile] = await readdir(join(dir, 'clients'));
  const clientId = clientFile.replace(/\.json$/, '');
  return { dir, clientId, clientPath: join(dir, 'clients', clientFile), practicePath: join(dir, 'practice.json') };
}

describe('version 1 → 2', () => {
  it('adds an empty intimacy section to a client file and keeps everything else as it was', async () => {
    const { clientPath } = await v1Copy();
    const v1 = await readJson(clientPath);
    expect(v1.schemaVersion).toBe(1);
    expect(v1).not.toHaveProperty('intimacy');
    const migrated = migrateClientDocument(structuredClone(v1)) as Record<string, unknown>;
    // Version 3's and 4's additions are checked in tests/unit/core/migration-v3.test.ts and migration-v4.test.ts.
    const { client: _client, sessions: _sessions, jobSearch: _jobSearch, documents: _documents, ...rest } = migrated;
    const { client: _v1Client, sessions: _v1Sessions, ...v1Rest } = v1;
    expect(rest).toEqual({
      ...v1Rest,
      schemaVersion: CLIENT_DOCUMENT_VERSION,
      intimacy: { clientQuestions: [], phrasings: [], sessions: [] },
    });
    expect(ClientDocument.safeParse(migrated).success).toBe(true);
  });

  it('adds empty question marks and the usual agenda sign-off to the practice document', async () => {
    const { practicePath } = await v1Copy();
    const v1 = await readJson(practicePath);
    expect(v1.settings).not.toHaveProperty('signOff');
    const migrated = migratePracticeDocument(structuredClone(v1));
    expect(migrated).toEqual({
      ...v1,
      schemaVersion: PRACTICE_DOCUMENT_VERSION,
      questionMarks: [],
      settings: { ...(v1.settings as Record<string, unknown>), signOff: '', emailTemplates: expect.any(Object) as unknown },
    });
    expect(PracticeDocument.safeParse(migrated).success).toBe(true);
  });

  it('opens a version 1 data directory, serves it, and writes the current version on the next change', async () => {
    const { dir, clientId, clientPath, practicePath } = await v1Copy();
    const v1Client = await readJson(clientPath);
    const workspace = await testWorkspace({ dir, now });
    expect((await workspace.app.status()).quarantined).toEqual([]);
    const [session] = await workspace.sessions.list(clientId);
    const view = await workspace.intimacy.forSession(clientId, session.id);
    expect(view).toMatchObject({ planned: [], firstMove: '', reflectedAt: null });
    // The version 1 practice's own question is offered, not marked personal; the hidden starter question is not offered.
    expect(view.choices.find((choice) => choice.text === 'What would you change first?')).toMatchObject({
      origin: 'bank',
      personal: false,
    });
    expect(view.choices.some((choice) => choice.questionId === 'starter-work-01')).toBe(false);
    expect(view.choices.find((choice) => choice.questionId === 'starter-know-01')?.askedBefore).toBe(true);

    await workspace.intimacy.planQuestion(clientId, session.id, 'starter-hard-02');
    await workspace.questions.setPersonal('starter-know-01', true);
    const v2Client = await readJson(clientPath);
    expect(v2Client.schemaVersion).toBe(CLIENT_DOCUMENT_VERSION);
    for (const key of ['agendas', 'goals', 'commitments', 'assessments', 'questionsAsked']) expect(v2Client[key]).toEqual(v1Client[key]);
    expect(v2Client.client).toMatchObject(v1Client.client as Record<string, unknown>);
    expect((v2Client.intimacy as { sessions: unknown[] }).sessions).toHaveLength(1);
    const v2Practice = await readJson(practicePath);
    expect(v2Practice).toMatchObject({
      schemaVersion: PRACTICE_DOCUMENT_VERSION,
      questionMarks: [{ questionId: 'starter-know-01', personal: true }],
    });
    expect(v2Practice.settings).toMatchObject({ coachName: 'Dana Coach', signOff: '' });
    // The version 1 practice shares agendas signed as before.
    const { text } = await workspace.agendas.shareText(clientId, session.id);
    expect(text).toMatch(/\n\nSee you then,\nDana\n$/u);
  });

  it('restores a backup made at version 1 and serves its client with an empty intimacy section', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data'), now, backupsDir: join(root, 'backups') });
    await workspace.clients.create({ name: 'Someone replaced by the restore' });
    const restored = await workspace.backup.restore(V1_BACKUP);
    expect(restored.counts).toMatchObject({ clients: 1, sessions: 1, agendas: 1 });
    expect(await workspace.settings.get()).toMatchObject({ coachName: 'Dana Coach', signOff: '' });
    const [client] = await workspace.clients.list();
    expect(client.name).toBe('Amara Okafor');
    const [session] = await workspace.sessions.list(client.id);
    expect(await workspace.intimacy.forSession(client.id, session.id)).toMatchObject({ planned: [], reflectedAt: null });
    const view = await workspace.intimacy.planQuestion(client.id, session.id, 'starter-hard-01');
    expect(view.planned[0]).toMatchObject({ personal: true });
    expect((await readJson(join(root, 'data', 'clients', `${client.id}.json`))).schemaVersion).toBe(CLIENT_DOCUMENT_VERSION);
  });
});
