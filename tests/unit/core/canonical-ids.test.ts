import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalIds } from '../../../electron/core/migrations';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument } from '../backup/fixtures';

const upper = () => randomUUID().toUpperCase();

describe('canonicalIds', () => {
  it('lower-cases ids in fields named id, …Id and …Ids at any depth, and nothing else', () => {
    const [a, b, c, d, text] = [upper(), upper(), upper(), upper(), upper()];
    const value = {
      id: a,
      notes: text,
      nested: [{ sessionId: b, hiddenQuestionIds: [c, 'built-in-question'], other: [{ goalId: d, title: text }] }],
      count: 3,
      empty: null,
    };
    const before = structuredClone(value);
    expect(canonicalIds(value)).toEqual({
      id: a.toLowerCase(),
      notes: text,
      nested: [
        {
          sessionId: b.toLowerCase(),
          hiddenQuestionIds: [c.toLowerCase(), 'built-in-question'],
          other: [{ goalId: d.toLowerCase(), title: text }],
        },
      ],
      count: 3,
      empty: null,
    });
    expect(value).toEqual(before);
  });

  it('returns the very value when every id is already canonical, so a document read from a file still is that file', () => {
    const document = clientDocument('Amara Okafor', 3);
    expect(canonicalIds(document)).toBe(document);
    const notUuids = { id: 'ABC', questionId: 'Q-OPENING', sessionIds: ['X'], longId: `${randomUUID()}A` };
    expect(canonicalIds(notUuids)).toBe(notUuids);
  });

  it('serves a client file holding upper-case ids with lower-case ids when the data directory opens', async () => {
    const document = clientDocument('Amara Okafor', 2);
    const id = document.client.id;
    const text = JSON.stringify(document).replaceAll(/"([0-9a-f-]{36})"/g, (_, uuid: string) => `"${uuid.toUpperCase()}"`);
    expect(text).toContain(id.toUpperCase());
    const dir = join(await tempDir(), 'data');
    await mkdir(join(dir, 'clients'), { recursive: true });
    await writeFile(join(dir, 'clients', `${id}.json`), text);
    const workspace = await testWorkspace({ dir });
    expect((await workspace.app.status()).quarantined).toEqual([]);
    const sessions = await workspace.sessions.list(id);
    expect(sessions.map((session) => session.id).sort()).toEqual(document.sessions.map((session) => session.id).sort());
  });
});
