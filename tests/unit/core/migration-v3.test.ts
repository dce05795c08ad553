import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateClientDocument, migratePracticeDocument } from '../../../electron/core/migrations';
import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { defaultEmailTemplates } from '../../../shared/model/practice';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { copyOfData, fixturePath, now, readJson, type Json } from './old-data';

/** A data directory written by Rapport at version 2 (two clients, sessions, a commitment, a note, intimacy plans), and a backup of it. */
const v2Copy = () => copyOfData('v2-data');
const V2_BACKUP = fixturePath('v2-data.rapport-backup');

const SESSION_ADDITIONS = { agendaSentAt: null, recapSentAt: null, billing: null, groupSize: 1, calendarUid: null };

describe('version 2 → 3', () => {
  it('adds an empty job search, the client’s zone and billing, and the new session fields, and keeps the rest', async () => {
    const { clientPaths } = await v2Copy();
    for (const path of clientPaths) {
      const v2 = await readJson(path);
      expect(v2.schemaVersion).toBe(2);
      const migrated = migrateClientDocument(structuredClone(v2)) as Json;
      // Migrating goes on to the current version: version 4 adds only `documents` (see migration-v4.test.ts).
      expect(migrated).toEqual({
        ...v2,
        schemaVersion: 4,
        documents: [],
        client: { ...(v2.client as Json), timeZone: '', billing: 'paid' },
        sessions: (v2.sessions as Json[]).map((session) => ({ ...session, ...SESSION_ADDITIONS })),
        jobSearch: { applications: [], criteria: [] },
      });
      expect(ClientDocument.safeParse(migrated).success).toBe(true);
    }
  });

  it('adds Rapport’s own wording for every email template and keeps the coach’s settings', async () => {
    const { practicePath } = await v2Copy();
    const v2 = await readJson(practicePath);
    const migrated = migratePracticeDocument(structuredClone(v2));
    expect(migrated).toEqual({
      ...v2,
      schemaVersion: 3,
      settings: { ...(v2.settings as Json), emailTemplates: defaultEmailTemplates() },
    });
    expect(PracticeDocument.safeParse(migrated).success).toBe(true);
  });

  it('leaves a field a newer copy already has, and leaves what is not a record for validation to refuse', () => {
    const migrated = migrateClientDocument({
      schemaVersion: 2,
      client: { timeZone: 'Europe/Berlin' },
      sessions: ['not a session'],
    }) as Json;
    expect(migrated.client).toEqual({ timeZone: 'Europe/Berlin', billing: 'paid' });
    expect(migrated.sessions).toEqual(['not a session']);
    expect(ClientDocument.safeParse(migrated).success).toBe(false);
  });

  it('opens a version 2 data directory, serves it unchanged, and writes the current version on the next change', async () => {
    const { dir, clientPaths, practicePath } = await v2Copy();
    const before = await Promise.all(clientPaths.map(readJson));
    const workspace = await testWorkspace({ dir, now });
    expect((await workspace.app.status()).quarantined).toEqual([]);
    const clients = await workspace.clients.list();
    expect(clients.map((client) => client.name)).toEqual(['Amélie Roux', 'Jonas Weber']);
    const jonas = clients[1];
    const sessions = await workspace.sessions.list(jonas.id);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ status: 'held', billing: null, groupSize: 1 });
    expect(sessions[0].materialsSentAt).not.toBeNull();
    expect(await workspace.settings.get()).toMatchObject({ coachName: 'Dana Coach', signOff: 'Warmly,\nDana' });
    // Nothing is written until the coach changes something: the version 2 files stay as they were.
    expect(await Promise.all(clientPaths.map(readJson))).toEqual(before);

    await workspace.clients.update(jonas.id, { timeZone: 'Europe/Berlin' });
    const written = await readJson(join(dir, 'clients', `${jonas.id}.json`));
    expect(written).toMatchObject({
      schemaVersion: 4,
      client: { timeZone: 'Europe/Berlin', billing: 'paid' },
      jobSearch: { applications: [] },
    });
    await workspace.settings.update({ coachName: 'Dana K. Coach' });
    expect(await readJson(practicePath)).toMatchObject({ schemaVersion: 3, settings: { emailTemplates: defaultEmailTemplates() } });
  });

  it('restores a backup made at version 2', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data'), now, backupsDir: join(root, 'backups') });
    await workspace.clients.create({ name: 'Someone replaced by the restore' });
    const restored = await workspace.backup.restore(V2_BACKUP);
    expect(restored.counts).toMatchObject({ clients: 2, sessions: 3 });
    const names = (await workspace.clients.list()).map((client) => client.name);
    expect(names).toEqual(['Amélie Roux', 'Jonas Weber']);
    const jonas = (await workspace.clients.list())[1];
    expect(await workspace.clients.get(jonas.id)).toMatchObject({ timeZone: '', billing: 'paid', email: 'jonas@example.de' });
  });

  it('refuses a time zone no calendar knows, and changes nothing', async () => {
    const { dir } = await v2Copy();
    const workspace = await testWorkspace({ dir, now });
    const [client] = await workspace.clients.list();
    await expect(workspace.clients.update(client.id, { timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(workspace.clients.update(client.id, { timeZone: '../../etc/passwd' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await workspace.clients.get(client.id)).timeZone).toBe('');
  });
});
