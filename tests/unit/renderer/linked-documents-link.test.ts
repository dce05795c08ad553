// @vitest-environment happy-dom
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import LinkedDocumentsLink from '../../../renderer/src/components/documents/LinkedDocumentsLink.vue';
import { mountWithWorkspace } from '../../helpers/mount';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

describe('the documents linked to a record', () => {
  it('are counted on the record’s card (goal and session cards), linking to the Documents tab filtered to it', async () => {
    const root = await tempDir();
    const workspace = await testWorkspace({ dir: join(root, 'data') });
    const client = await workspace.clients.create({ name: 'Amara Okafor' });
    const goal = await workspace.goals.create(client.id, { title: 'Move into analytics leadership' });
    const session = await workspace.sessions.create(client.id, { startsAt: '2026-12-02T10:00:00.000Z', mode: 'video' });
    await mkdir(join(root, 'inbox'));
    const paths = await Promise.all(
      ['cv.txt', 'letter.txt', 'notes.txt'].map(async (name) => {
        const path = join(root, 'inbox', name);
        await writeFile(path, `the text of ${name}`);
        return path;
      }),
    );
    await workspace.documents.attach(client.id, paths.slice(0, 2), { goalId: goal.id });
    await workspace.documents.attach(client.id, paths.slice(2), {});

    const card = await mountWithWorkspace(LinkedDocumentsLink, workspace, { clientId: client.id, recordId: goal.id });
    const link = card.wrapper.get('a.linked-documents');
    expect(link.text()).toBe('2 documents');
    expect(link.attributes('href')).toContain(`tab=documents`);
    expect(link.attributes('href')).toContain(`linked=${goal.id}`);

    // Nothing linked: nothing shown.
    const none = await mountWithWorkspace(LinkedDocumentsLink, workspace, { clientId: client.id, recordId: session.id });
    expect(none.wrapper.find('a').exists()).toBe(false);
  });
});
