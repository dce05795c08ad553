import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePractice } from '../../../bench/generate/generate-practice';
import { extractText } from '../../../electron/core/files/extract-text';
import { openWorkspace } from '../../../electron/core/workspace';
import { ClientDocument } from '../../../shared/model/documents';
import { tempDir } from '../../helpers/temp-dir';

const ATTACHMENTS = { count: 24, bytes: 6 * 1024 * 1024 };

async function clientDocuments(dir: string): Promise<ClientDocument[]> {
  const names = (await readdir(join(dir, 'clients'))).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, 'clients', name), 'utf8')) as ClientDocument));
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(join(dir, 'files'))).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, 'files', name))] as const)));
}

describe('a practice with attached files', { timeout: 120_000 }, () => {
  it('is the same bytes for the same seed, and the practice without them apart from the documents', async () => {
    const [first, second, without] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const attachments = { count: 8, bytes: 2 * 1024 * 1024 };
    await generatePractice(first, { seed: 9, scale: 'one-client', attachments });
    await generatePractice(second, { seed: 9, scale: 'one-client', attachments });
    await generatePractice(without, { seed: 9, scale: 'one-client' });
    expect(await clientDocuments(first)).toEqual(await clientDocuments(second));
    expect(await filesOf(first)).toEqual(await filesOf(second));
    const withFiles = await clientDocuments(first);
    expect(withFiles.map((document) => ({ ...document, documents: [] }))).toEqual(await clientDocuments(without));
  });

  it('lists real PDF and DOCX files of the asked size under their SHA-256, whose text can be read', async () => {
    const dir = await tempDir();
    const generated = await generatePractice(dir, { seed: 4, scale: 'small', attachments: ATTACHMENTS });
    const documents = await clientDocuments(dir);
    const attached = documents.flatMap((document) => document.documents);
    const files = await filesOf(dir);
    expect(attached).toHaveLength(ATTACHMENTS.count);
    expect(files.size).toBe(ATTACHMENTS.count);
    expect(generated.files).toEqual({ count: ATTACHMENTS.count, bytes: attached.reduce((sum, file) => sum + file.size, 0) });
    expect(Math.abs(generated.files.bytes - ATTACHMENTS.bytes)).toBeLessThan(ATTACHMENTS.count * 8192);
    for (const document of documents) expect(ClientDocument.safeParse(document).error).toBeUndefined();
    for (const file of attached) {
      const bytes = files.get(file.sha256);
      expect(bytes?.byteLength).toBe(file.size);
      expect(
        createHash('sha256')
          .update(bytes ?? '')
          .digest('hex'),
      ).toBe(file.sha256);
    }
    const kinds = new Set(attached.map((file) => file.mediaType));
    expect(kinds).toEqual(new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']));
    for (const mediaType of kinds) {
      const file = attached.find((candidate) => candidate.mediaType === mediaType);
      const owner = documents.find((document) => document.documents.includes(file!));
      const outcome = await extractText(files.get(file!.sha256)!, mediaType);
      const text = outcome.state === 'text' ? outcome.text : '';
      expect(text).toContain(
        owner!.client.name
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .slice(0, 3),
      );
      expect(text.length).toBeGreaterThan(300);
    }
  });

  it('opens with openWorkspace, nothing quarantined, every file intact', async () => {
    const dir = await tempDir();
    await generatePractice(dir, { seed: 5, scale: 'small', attachments: ATTACHMENTS });
    const workspace = await openWorkspace(dir, { now: () => new Date('2026-06-01T09:00:00.000Z') });
    try {
      expect((await workspace.app.status()).quarantined).toEqual([]);
      const backup = join(await tempDir(), 'check.rapport-backup');
      // A backup hashes every attached file against its name: it fails on any that does not match.
      expect((await workspace.backup.create(backup, {})).counts.clients).toBe(10);
    } finally {
      await workspace.close();
    }
  });
});
