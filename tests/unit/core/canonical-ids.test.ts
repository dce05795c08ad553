import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalIds } from '../../../electron/core/migrations';
import { holdsIds } from '../../../electron/core/validation/canonical-ids';
import { usableAsReadClient, validateClientDocument } from '../../../electron/core/validation/documents';
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

/** Every place in `value` where an id field holds a UUID: the holder and the key (or index, for a list of ids). */
function idSlots(value: unknown, inIdField = false): { holder: Record<string | number, unknown>; key: string | number }[] {
  const slots: { holder: Record<string | number, unknown>; key: string | number }[] = [];
  if (typeof value !== 'object' || value === null) return slots;
  for (const [key, child] of Object.entries(value)) {
    const isId = Array.isArray(value) ? inIdField : holdsIds(key);
    const slotKey = Array.isArray(value) ? Number(key) : key;
    if (isId && typeof child === 'string' && child.length === 36) slots.push({ holder: value as Record<string, unknown>, key: slotKey });
    else slots.push(...idSlots(child, isId && Array.isArray(child)));
  }
  return slots;
}

describe('a document taken as read, without migrating it', () => {
  it('is one valid at the current version whose every id is canonical, and no other', () => {
    const document = clientDocument('Amara Okafor', 2);
    (document.questionsAsked[0] as { questionId: string }).questionId = randomUUID();
    expect(usableAsReadClient(document)).toBe(true);
    const slots = idSlots(document);
    expect(slots.length).toBeGreaterThan(20);
    for (const { holder, key } of slots) {
      const original = holder[key] as string;
      holder[key] = original.toUpperCase();
      // Upper-case ids in fields the schema types as ids fail validation; others (a question id) pass it, but still need lower-casing.
      expect(usableAsReadClient(document)).toBe(false);
      expect(canonicalIds(document)).not.toBe(document);
      holder[key] = original;
    }
    expect(validateClientDocument(document).success).toBe(true);
    expect(usableAsReadClient({ ...document, schemaVersion: 1 })).toBe(false);
  });
});
