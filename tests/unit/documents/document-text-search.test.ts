import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TextReader } from '../../../electron/core/files/text-reader';
import { WORD_NS, minimalDocx } from '../../helpers/minimal-docx';
import { onePagePdf } from '../../helpers/one-page-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

/** A real one-page PDF showing `line` in Helvetica. */
function pdfWith(line: string): Buffer {
  return onePagePdf(`BT /F1 12 Tf 72 720 Td (${line}) Tj ET`);
}

/** A minimal real DOCX of one paragraph, with `parts` beside the body. */
function docxWith(paragraph: string, parts: Record<string, string> = {}): Promise<Buffer> {
  return minimalDocx(`<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`, parts);
}

describe('search over the text of attached files', () => {
  const reader = new TextReader();
  afterAll(() => reader.close());

  it('reads the text of a PDF, a DOCX and a plain text file', async () => {
    expect(await reader.read(pdfWith('Skills: Kubernetes and budgeting'), 'application/pdf')).toEqual({
      state: 'text',
      text: 'Skills: Kubernetes and budgeting',
    });
    expect(
      await reader.read(await docxWith('Fluent in Quenya'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toEqual({ state: 'text', text: 'Fluent in Quenya' });
    expect(await reader.read(Buffer.from('Led a team  of\nsix'), 'text/plain')).toEqual({ state: 'text', text: 'Led a team of six' });
    expect(await reader.read(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toEqual({ state: 'none' });
  });

  it('reads a stored file in the worker, and learns nothing from one missing or not matching its digest', async () => {
    const folder = await tempDir();
    const bytes = pdfWith('Skills: Kubernetes and budgeting');
    const stored = { path: join(folder, 'stored'), sha256: createHash('sha256').update(bytes).digest('hex') };
    await writeFile(stored.path, bytes);
    expect(await reader.read(stored, 'application/pdf')).toEqual({ state: 'text', text: 'Skills: Kubernetes and budgeting' });

    // Other bytes of the same size (Kubernetes → Kubernetos), and a longer file.
    await writeFile(stored.path, pdfWith('Skills: Kubernetos and budgeting'));
    expect(await reader.read(stored, 'application/pdf')).toBeNull();
    await writeFile(stored.path, Buffer.concat([bytes, Buffer.from('\n')]));
    expect(await reader.read(stored, 'application/pdf')).toBeNull();
    expect(await reader.read({ ...stored, path: join(folder, 'gone') }, 'application/pdf')).toBeNull();
    // The worker goes on with the next file.
    expect(await reader.read(Buffer.from('Led a team'), 'text/plain')).toEqual({ state: 'text', text: 'Led a team' });
  });

  it('reads a DOCX’s headers, footers and notes after its body, entities decoded, separators skipped', async () => {
    const docx = await docxWith('Body', {
      'footer1.xml': `<w:ftr xmlns:w="${WORD_NS}"><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>`,
      // Two paragraphs, a tab stop among the paragraph's properties, a tab and a break among its runs.
      'header1.xml': `<w:hdr xmlns:w="${WORD_NS}"><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Ben &amp; Jerry&#8217;s caf&#xE9;</w:t></w:r></w:p><w:p><w:r><w:t>&lt;CV&gt;</w:t><w:tab/><w:t>2026</w:t><w:br/><w:t>Lagos</w:t></w:r></w:p></w:hdr>`,
      'footnotes.xml': `<w:footnotes xmlns:w="${WORD_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>rule</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ran the </w:t></w:r><w:r><w:delText>Paris</w:delText><w:t>Berlin</w:t></w:r><w:r><w:t xml:space="preserve"> marathon</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    });
    expect(await reader.read(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toEqual({
      state: 'text',
      text: 'Body Ben & Jerry’s café <CV> 2026 Lagos Page footer Ran the Berlin marathon',
    });
  });

  it('finds the CVs that mention a skill, in the background, and forgets them once removed', async () => {
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor' });
    const folder = await tempDir();
    await writeFile(join(folder, 'CV.pdf'), pdfWith('Skills: Kubernetes and budgeting'));
    await writeFile(join(folder, 'Letter.docx'), await docxWith('I speak fluent Quenya'));
    await writeFile(join(folder, 'Notes.txt'), 'Marathon runner');
    const attached = await workspace.documents.attach(
      clientId,
      ['CV.pdf', 'Letter.docx', 'Notes.txt'].map((name) => join(folder, name)),
      {},
    );
    expect(attached.map((document) => document.mediaType)).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/plain',
    ]);

    await workspace.search.query('anything');
    await workspace.documentTextsRead();
    for (const [query, name] of [
      ['kubernetes', 'CV.pdf'],
      ['quenya', 'Letter.docx'],
      ['marathon', 'Notes.txt'],
    ] as const) {
      const hits = await workspace.search.query(query);
      const document = attached.find((candidate) => candidate.name === name);
      expect(hits, query).toEqual([
        expect.objectContaining({ kind: 'document', field: 'text', target: { tab: 'documents', id: document?.id } }),
      ]);
    }

    await workspace.documents.remove(clientId, attached[0]?.id ?? '');
    expect(await workspace.search.query('kubernetes')).toEqual([]);
  });
});
