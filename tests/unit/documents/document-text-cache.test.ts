import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentTexts, MAX_EXTRACT_BYTES, extractionsSoFar } from '../../../electron/core/files/document-texts';
import { EXTRACTOR_VERSION } from '../../../electron/core/files/extract-text';
import { textCacheDir } from '../../../electron/core/files/text-cache';
import type { Workspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const CORPUS = join(__dirname, '../../fixtures/documents');

async function attachFromCorpus(workspace: Workspace, clientId: string, names: string[]) {
  const folder = await tempDir();
  const paths = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      await copyFile(join(CORPUS, name), path);
      return path;
    }),
  );
  return workspace.documents.attach(clientId, paths, {});
}

/** Search over every text read so far, once search has read the texts of every attached file. */
async function textHits(workspace: Workspace, query: string) {
  await workspace.search.query(query);
  await workspace.documentTextsRead();
  return (await workspace.search.query(query)).filter((hit) => hit.field === 'text');
}

async function cached(dataDir: string): Promise<string[]> {
  return (await readdir(textCacheDir(dataDir)).catch(() => [])).sort();
}

describe('the text cache', () => {
  it('reads each file once: a second open finds the texts in the cache, not by parsing again', async () => {
    const dir = await tempDir();
    const first = await testWorkspace({ dir });
    const { id: clientId } = await first.clients.create({ name: 'Amara Okafor' });
    const [pdf, docx] = await attachFromCorpus(first, clientId, ['cv-en-libreoffice.pdf', 'cv-de-pandoc.docx', 'scan-image-only.pdf']);
    const before = extractionsSoFar();
    expect(await textHits(first, 'kubernetes')).toHaveLength(1);
    expect(extractionsSoFar() - before).toBe(3);
    expect(await cached(dir)).toHaveLength(3);
    await first.close();

    const second = await testWorkspace({ dir });
    const reopened = extractionsSoFar();
    expect((await textHits(second, 'kubernetes')).map((hit) => hit.target.id)).toEqual([pdf?.id]);
    expect((await textHits(second, 'schweißtechnik')).map((hit) => hit.target.id)).toEqual([docx?.id]);
    expect(extractionsSoFar()).toBe(reopened);
  });

  it('ignores and rebuilds an entry that is damaged or was written by another extractor version', async () => {
    const dir = await tempDir();
    const first = await testWorkspace({ dir });
    const { id: clientId } = await first.clients.create({ name: 'Amara Okafor' });
    const [pdf, docx] = await attachFromCorpus(first, clientId, ['cv-fr-chromium.pdf', 'cv-de-pandoc.docx']);
    await textHits(first, 'anything');
    await first.close();

    const pdfEntry = join(textCacheDir(dir), `${pdf?.sha256}.txt`);
    const docxEntry = join(textCacheDir(dir), `${docx?.sha256}.txt`);
    const original = await readFile(pdfEntry, 'utf8');
    // Damaged: the text no longer matches its digest.
    await writeFile(pdfEntry, original.replace('Comptabilité', 'Zanzibar'));
    // Older: a valid entry from another extractor.
    const docxOriginal = await readFile(docxEntry, 'utf8');
    await writeFile(docxEntry, docxOriginal.replace(`"extractor":${EXTRACTOR_VERSION}`, `"extractor":${EXTRACTOR_VERSION - 1}`));

    const second = await testWorkspace({ dir });
    const reopened = extractionsSoFar();
    expect(await textHits(second, 'zanzibar')).toEqual([]);
    expect((await textHits(second, 'comptabilite')).map((hit) => hit.target.id)).toEqual([pdf?.id]);
    expect(extractionsSoFar() - reopened).toBe(2);
    expect(await readFile(pdfEntry, 'utf8')).toBe(original);
    expect(await readFile(docxEntry, 'utf8')).toBe(docxOriginal);
  });

  it('removes the cached text with the file: a removed document, an erased client', async () => {
    const dir = await tempDir();
    const workspace = await testWorkspace({ dir });
    const { id: amara } = await workspace.clients.create({ name: 'Amara Okafor' });
    const { id: jorg } = await workspace.clients.create({ name: 'Jörg Weißmüller' });
    const [amaraPdf, amaraNotes, shared] = await attachFromCorpus(workspace, amara, [
      'cv-en-libreoffice.pdf',
      'notes-de-latin1.txt',
      'cv-pl-utf8-bom.txt',
    ]);
    const [jorgDocx] = await attachFromCorpus(workspace, jorg, ['cv-de-pandoc.docx', 'cv-pl-utf8-bom.txt']);
    await textHits(workspace, 'anything');
    const entry = (sha256: string | undefined) => `${sha256}.txt`;
    expect(await cached(dir)).toEqual([amaraPdf, amaraNotes, shared, jorgDocx].map((document) => entry(document?.sha256)).sort());

    await workspace.documents.remove(amara, amaraNotes?.id ?? '');
    expect(await textHits(workspace, 'lohnabrechnung')).toEqual([]);
    expect(await cached(dir)).not.toContain(entry(amaraNotes?.sha256));

    await workspace.clients.remove(amara, 'Amara Okafor');
    // Erasure waits for the cache: no search needed.
    expect(await cached(dir)).toEqual([entry(shared?.sha256), entry(jorgDocx?.sha256)].sort());
    expect(await textHits(workspace, 'kubernetes')).toEqual([]);
    expect(await textHits(workspace, 'łańcuchem')).toHaveLength(1);
  });

  it('is never backed up, and after a restore reads only the files whose text it lacks', async () => {
    const source = await testWorkspace();
    const { id: clientId } = await source.clients.create({ name: 'Amara Okafor' });
    await attachFromCorpus(source, clientId, ['cv-en-libreoffice.docx', 'cv-fr-chromium.pdf', 'cv-cs-utf16.txt']);
    await textHits(source, 'anything');
    const backup = join(await tempDir(), 'all.rapport-backup');
    await source.backup.create(backup);
    expect((await readFile(backup)).includes('cache/texts')).toBe(false);

    // Another folder that has read one of the three files already, and one the backup lacks.
    const dir = await tempDir();
    const target = await testWorkspace({ dir });
    const { id: other } = await target.clients.create({ name: 'Hélène Dubois' });
    const [, dropped] = await attachFromCorpus(target, other, ['cv-fr-chromium.pdf', 'cv-es-ghostscript.pdf']);
    await textHits(target, 'anything');
    await target.close();
    // Counted from the reopening: the texts read before come from the cache, not from the files.
    const before = extractionsSoFar();
    const reopened = await testWorkspace({ dir });
    await textHits(reopened, 'anything');
    expect(extractionsSoFar()).toBe(before);

    await reopened.backup.restore(backup);
    expect(await textHits(reopened, 'mzdove')).toHaveLength(1);
    expect(await textHits(reopened, 'terraform')).toHaveLength(1);
    expect(await textHits(reopened, 'comptabilite')).toHaveLength(1);
    expect(extractionsSoFar() - before).toBe(2);
    expect(await cached(dir)).not.toContain(`${dropped?.sha256}.txt`);
    expect(await cached(dir)).toHaveLength(3);
  });

  it('caches why a file has no text, and never a file whose bytes no longer match their digest', async () => {
    const dir = await tempDir();
    const workspace = await testWorkspace({ dir });
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor' });
    await attachFromCorpus(workspace, clientId, ['scan-image-only.pdf', 'encrypted-password.pdf', 'cv-fr-chromium.pdf']);
    const folder = await tempDir();
    const huge = join(folder, 'huge.txt');
    await writeFile(huge, Buffer.alloc(MAX_EXTRACT_BYTES + 1, 'a'));
    await workspace.documents.attach(clientId, [huge], {});
    const documents = await workspace.documents.list(clientId);
    const byName = (name: string) => documents.find((document) => document.name === name)?.sha256 ?? '';
    await workspace.documentTextsRead();
    await workspace.close();
    // From an empty cache, but for what an interrupted write left; the French CV's stored bytes are damaged.
    await rm(textCacheDir(dir), { recursive: true });
    await writeFile(join(dir, 'files', byName('cv-fr-chromium.pdf')), 'not the bytes it was');
    await mkdir(textCacheDir(dir), { recursive: true });
    await writeFile(join(textCacheDir(dir), `${byName('huge.txt')}.txt.tmp-0123456789ab`), 'half');

    const referenced = () => new Set(documents.map((document) => document.sha256));
    const texts = new DocumentTexts(dir, { referenced });
    const before = extractionsSoFar();
    await texts.extract([{ documents }]);
    expect(texts.outcomeOf(byName('scan-image-only.pdf'))).toEqual({ state: 'none' });
    expect(texts.outcomeOf(byName('encrypted-password.pdf'))).toEqual({ state: 'unreadable', reason: 'encrypted' });
    expect(texts.outcomeOf(byName('huge.txt'))).toEqual({ state: 'unreadable', reason: 'too-large' });
    expect(texts.outcomeOf(byName('cv-fr-chromium.pdf'))).toEqual({ state: 'unreadable', reason: 'damaged' });
    expect(texts.textOf(byName('scan-image-only.pdf'))).toBe('');
    // The huge file was never parsed; the damaged one never reached the parser.
    expect(extractionsSoFar() - before).toBe(2);
    expect(await cached(dir)).toEqual(
      ['scan-image-only.pdf', 'encrypted-password.pdf', 'huge.txt'].map((name) => `${byName(name)}.txt`).sort(),
    );

    const again = new DocumentTexts(dir, { referenced });
    await again.extract([{ documents }]);
    expect(extractionsSoFar() - before).toBe(2);
    expect(again.outcomeOf(byName('encrypted-password.pdf'))).toEqual({ state: 'unreadable', reason: 'encrypted' });
  });
});
