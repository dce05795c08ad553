import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TextOutcome } from '../../../electron/core/files/extract-text';
import { TextReader } from '../../../electron/core/files/text-reader';
import { sniffMediaType, SNIFF_BYTES } from '../../../electron/core/files/file-types';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** Documents made by real programs (tests/fixtures/documents/README.md says which). */
const CORPUS = join(__dirname, '../../fixtures/documents');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Each fixture: the type it is sniffed as, and words its text must hold (a skill for every CV). */
const READABLE: Record<string, { type: string; words: string[] }> = {
  'cv-en-libreoffice.docx': {
    type: DOCX,
    // The body, a text box, a list and a table (mammoth), then the header, footer and footnote.
    words: [
      'Amara Okafor',
      'Text box: stakeholder negotiation',
      'Kubernetes and Terraform',
      'Head of Operations, Lagos Freight Ltd.',
      'Yoruba',
      'Curriculum Vitae — Amara Okafor (header)',
      'Confidential footer: references on request',
      'Footnote: certified Scrum Master since 2019.',
    ],
  },
  'cv-en-libreoffice.pdf': {
    type: 'application/pdf',
    words: [
      'Curriculum Vitae — Amara Okafor (header)',
      'Kubernetes and Terraform',
      'stakeholder negotiation',
      'certified Scrum Master',
      'Confidential footer',
    ],
  },
  'cv-de-pandoc.docx': {
    type: DOCX,
    words: [
      'Jörg Weißmüller',
      'Schweißtechnik',
      'Qualitätsmanagement nach ISO 9001',
      'Stahlbau Köln GmbH',
      'Größte Stärke',
      'Auditor-Schein seit 2018',
    ],
  },
  'cv-fr-chromium.pdf': {
    type: 'application/pdf',
    // "financière" is set with an "fi" ligature by Chromium.
    words: ['Hélène Dubois', 'Responsable financière', 'Comptabilité analytique', 'Société Générale d’Éclairage', 'œnologie'],
  },
  'cv-ja-chromium.pdf': {
    type: 'application/pdf',
    // Chromium's font maps 山 and 田 to Kangxi radicals; NFKC brings them back.
    words: ['山田花子', '機械学習', '統計解析', '株式会社サクラ分析'],
  },
  'cv-es-ghostscript.pdf': {
    type: 'application/pdf',
    words: ['Logística inversa', 'Gestión de inventarios con SAP', 'Distribuciones Añón, Logroño', 'carné'],
  },
  'cv-pl-utf8-bom.txt': {
    type: 'text/plain',
    words: ['Życiorys – Łukasz Wiśniewski', 'zarządzanie łańcuchem dostaw', 'Gdańsk', 'Żuraw'],
  },
  'cv-cs-utf16.txt': {
    type: 'text/plain',
    words: ['Životopis – Jiří Dvořák', 'mzdové účetnictví', 'Plzeň', 'Škoda Logistika'],
  },
  'notes-de-latin1.txt': {
    type: 'text/plain',
    words: ['Frau Müller', 'Größte Sorge', 'Lohnabrechnung', 'Fürth'],
  },
  // Opens without a password; only printing and copying are forbidden, which does not stop reading.
  'encrypted-owner-only.pdf': { type: 'application/pdf', words: ['Kubernetes and Terraform', 'Amara Okafor'] },
  // Saved by Microsoft Word (mammoth's own test documents).
  'word/tables.docx': { type: DOCX, words: ['Above', 'Top left', 'Bottom right', 'Below'] },
  'word/text-box.docx': { type: DOCX, words: ['Datum plane'] },
  // The body, then each footnote and endnote on its own (Word's separator notes hold no text).
  'word/footnotes.docx': { type: DOCX, words: ['Ouch.', 'A tachyon walks into a bar. Fin.'] },
  'word/endnotes.docx': { type: DOCX, words: ['Ouch.', 'A tachyon walks into a bar. Fin.'] },
  'word/comments.docx': { type: DOCX, words: ['Ouch.', 'A tachyon walks into a bar.'] },
  'word/strict-format.docx': { type: DOCX, words: ['Test'] },
};

/** Files attached like any other, whose text cannot be read, and why. */
const WITHOUT_TEXT: Record<string, { type: string; outcome: TextOutcome }> = {
  'scan-image-only.pdf': { type: 'application/pdf', outcome: { state: 'none' } },
  'encrypted-password.pdf': { type: 'application/pdf', outcome: { state: 'unreadable', reason: 'encrypted' } },
  'truncated.pdf': { type: 'application/pdf', outcome: { state: 'unreadable', reason: 'damaged' } },
  'truncated.docx': { type: DOCX, outcome: { state: 'unreadable', reason: 'damaged' } },
  'zip-bomb.docx': { type: DOCX, outcome: { state: 'unreadable', reason: 'too-large' } },
};

async function fixture(name: string): Promise<{ bytes: Buffer; type: string }> {
  const bytes = await readFile(join(CORPUS, name));
  return { bytes, type: await sniffMediaType(name, bytes.subarray(0, SNIFF_BYTES)) };
}

describe('text of documents made by real programs', () => {
  // The app's reader: every file goes through the text worker.
  const reader = new TextReader();
  afterAll(() => reader.close());

  it.each(Object.entries(READABLE))('reads %s', async (name, expected) => {
    const { bytes, type } = await fixture(name);
    expect(type).toBe(expected.type);
    const outcome = await reader.read(bytes, type);
    expect(outcome.state).toBe('text');
    const text = outcome.state === 'text' ? outcome.text : '';
    for (const word of expected.words) expect(text, name).toContain(word);
  });

  it.each(Object.entries(WITHOUT_TEXT))('says why %s gives no text, quickly and without throwing', async (name, expected) => {
    const { bytes, type } = await fixture(name);
    expect(type).toBe(expected.type);
    const started = performance.now();
    expect(await reader.read(bytes, type)).toEqual(expected.outcome);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a file once told to, as too slow', async () => {
    const { bytes, type } = await fixture('cv-en-libreoffice.pdf');
    expect(await reader.read(bytes, type, { signal: AbortSignal.abort() })).toEqual({ state: 'unreadable', reason: 'too-slow' });
    const docx = await fixture('cv-de-pandoc.docx');
    expect(await reader.read(docx.bytes, docx.type, { signal: AbortSignal.abort() })).toEqual({ state: 'unreadable', reason: 'too-slow' });
  });

  it('attaches the whole corpus, finds each CV by a skill, and finds nothing in the files without text', async () => {
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Corpus Client' });
    const folder = await tempDir();
    const names = [...Object.keys(READABLE), ...Object.keys(WITHOUT_TEXT)];
    const paths = await Promise.all(
      names.map(async (name) => {
        const path = join(folder, name.replace('/', '-'));
        await copyFile(join(CORPUS, name), path);
        return path;
      }),
    );
    // In batches: a coach attaches at most 20 files at once.
    const attached: Awaited<ReturnType<typeof workspace.documents.attach>> = [];
    for (let start = 0; start < paths.length; start += 20)
      attached.push(...(await workspace.documents.attach(clientId, paths.slice(start, start + 20), {})));
    expect(attached).toHaveLength(names.length);
    for (const [index, name] of names.entries())
      expect(attached[index]?.mediaType, name).toBe((READABLE[name] ?? WITHOUT_TEXT[name])?.type);

    await workspace.search.query('anything');
    await workspace.documentTextsRead();
    const idOf = (name: string) => attached[names.indexOf(name)]?.id;
    for (const [query, name] of [
      ['schweißtechnik', 'cv-de-pandoc.docx'],
      ['comptabilite analytique', 'cv-fr-chromium.pdf'],
      ['機械学習', 'cv-ja-chromium.pdf'],
      ['logistica inversa', 'cv-es-ghostscript.pdf'],
      ['łańcuchem dostaw', 'cv-pl-utf8-bom.txt'],
      ['mzdove ucetnictvi', 'cv-cs-utf16.txt'],
      ['lohnabrechnung', 'notes-de-latin1.txt'],
      ['datum plane', 'word/text-box.docx'],
    ] as const) {
      const hits = (await workspace.search.query(query)).filter((hit) => hit.field === 'text');
      expect(
        hits.map((hit) => hit.target),
        query,
      ).toEqual([{ tab: 'documents', id: idOf(name) }]);
    }
    // Both English PDFs and the DOCX of the same CV name the skill; the scan and the locked copy do not.
    const kubernetes = (await workspace.search.query('kubernetes')).map((hit) => hit.target);
    expect(kubernetes).toHaveLength(3);
    for (const name of ['cv-en-libreoffice.docx', 'cv-en-libreoffice.pdf', 'encrypted-owner-only.pdf']) {
      expect(kubernetes).toContainEqual({ tab: 'documents', id: idOf(name) });
    }
    // Words only the LibreOffice DOCX's header, footer and footnote hold (its PDF export holds them as text too).
    for (const [query, where] of [
      ['curriculum vitae', 'header'],
      ['confidential footer', 'footer'],
      ['certified scrum master', 'footnote'],
    ] as const) {
      const targets = (await workspace.search.query(query)).filter((hit) => hit.field === 'text').map((hit) => hit.target);
      expect(targets, where).toContainEqual({ tab: 'documents', id: idOf('cv-en-libreoffice.docx') });
    }
    // Word's footnote, endnote and comment: mammoth reads none of them.
    expect((await workspace.search.query('tachyon')).map((hit) => hit.target)).toEqual(
      expect.arrayContaining(
        ['word/footnotes.docx', 'word/endnotes.docx', 'word/comments.docx'].map((name) => ({ tab: 'documents', id: idOf(name) })),
      ),
    );
    // The bomb is found by its name only.
    expect((await workspace.search.query('bomb')).map((hit) => hit.field)).toEqual(['name']);
  });
});
