import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateClientDocument } from '../../../electron/core/migrations';
import { ClientDocument } from '../../../shared/model/documents';
import { testWorkspace } from '../../helpers/workspace-api';
import { copyOfData, now, readJson } from './old-data';

/** A data directory written by Rapport at version 3 (two clients, one with a job application). */
const v3Copy = () => copyOfData('v3-data');

describe('version 3 → 4', () => {
  it('adds an empty list of documents and keeps everything else as it was', async () => {
    const { clientPaths } = await v3Copy();
    for (const path of clientPaths) {
      const v3 = await readJson(path);
      expect(v3.schemaVersion).toBe(3);
      expect(v3).not.toHaveProperty('documents');
      const migrated = migrateClientDocument(structuredClone(v3));
      expect(migrated).toEqual({ ...v3, schemaVersion: 4, documents: [] });
      expect(ClientDocument.safeParse(migrated).success).toBe(true);
    }
  });

  it('opens a version 3 data directory, lists no documents, and writes version 4 on the next change', async () => {
    const { dir, clientPaths } = await v3Copy();
    const before = await Promise.all(clientPaths.map(readJson));
    const workspace = await testWorkspace({ dir, now });
    expect((await workspace.app.status()).quarantined).toEqual([]);
    const clients = await workspace.clients.list();
    expect(clients.map((client) => client.name)).toEqual(['Amélie Roux', 'Jonas Weber']);
    const jonas = clients[1];
    const {
      applications: [application],
    } = await workspace.jobSearch.get(jonas.id);
    expect(application).toMatchObject({ organisation: 'Nordlicht Analytics', cvDocumentId: null });
    expect(await Promise.all(clientPaths.map(readJson))).toEqual(before);

    await workspace.clients.update(jonas.id, { timeZone: 'Europe/Paris' });
    const written = await readJson(join(dir, 'clients', `${jonas.id}.json`));
    expect(written).toMatchObject({ schemaVersion: 4, documents: [], jobSearch: { applications: [{ id: application.id }] } });
  });
});
