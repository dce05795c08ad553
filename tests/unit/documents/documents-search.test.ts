import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

describe('search over attached documents', () => {
  it('finds a document by its name and by its label, opening the Documents tab at it, and forgets it once removed', async () => {
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor' });
    const folder = await tempDir();
    const path = join(folder, 'Quillfeather portfolio.txt');
    await writeFile(path, 'Maps and sextants');
    const [portfolio] = await workspace.documents.attach(clientId, [path], { label: 'assessment' });

    const byName = await workspace.search.query('quillfeather');
    expect(byName).toEqual([
      expect.objectContaining({ clientId, kind: 'document', field: 'name', target: { tab: 'documents', id: portfolio.id } }),
    ]);
    const byLabel = await workspace.search.query('assessment');
    expect(byLabel).toEqual([expect.objectContaining({ kind: 'document', field: 'label', snippet: 'Assessment' })]);

    await workspace.documents.update(clientId, portfolio.id, { name: 'Zephyrine report.txt', label: 'offer' });
    expect(await workspace.search.query('quillfeather')).toEqual([]);
    expect(await workspace.search.query('zephyrine')).toHaveLength(1);

    await workspace.documents.remove(clientId, portfolio.id);
    expect(await workspace.search.query('zephyrine')).toEqual([]);
  });
});
