import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { tarEntry } from '../backup/container-fixtures';

describe('the job search in export, backup and restore', () => {
  it('is carried by the per-client export and by a backup and restore, exactly', async () => {
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor', status: 'active' });
    const pay = await workspace.jobSearch.addCriterion(clientId, { label: 'Pay', weight: 5 });
    const app = await workspace.jobSearch.createApplication(clientId, { organisation: 'Northwind', role: 'Head of data' });
    await workspace.jobSearch.moveApplication(clientId, app.id, 'offer');
    await workspace.jobSearch.addContact(clientId, app.id, { name: 'Priya Shah' });
    await workspace.jobSearch.setNextAction(clientId, app.id, { text: 'Negotiate the start date', dueDate: '2026-12-10' });
    await workspace.jobSearch.setOffer(clientId, app.id, {
      salary: '£80,000',
      bonus: '10%',
      benefits: 'Pension',
      startDate: '2027-01-04',
      notes: '',
    });
    await workspace.jobSearch.rateOffer(clientId, app.id, pay.id, 4);
    const before = await workspace.jobSearch.get(clientId);
    const onDisk = JSON.parse(await readFile(join(workspace.dataDir, 'clients', `${clientId}.json`), 'utf8'));
    expect(onDisk.jobSearch).toEqual(before);

    const exportPath = join(await tempDir(), 'amara.tar');
    await workspace.backup.exportClient(clientId, exportPath);
    expect(JSON.parse(await tarEntry(exportPath, 'client.json')).jobSearch).toEqual(before);

    const backupPath = join(await tempDir(), 'practice.rapport-backup');
    await workspace.backup.create(backupPath, { passphrase: 'correct horse battery' });
    await workspace.jobSearch.moveApplication(clientId, app.id, 'accepted');
    await workspace.jobSearch.removeCriterion(clientId, pay.id);
    await workspace.backup.restore(backupPath, { passphrase: 'correct horse battery' });
    expect(await workspace.jobSearch.get(clientId)).toEqual(before);
  });
});
