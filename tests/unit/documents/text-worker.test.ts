import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TextReader, TextReaderClosedError } from '../../../electron/core/files/text-reader';
import { minimalDocx } from '../../helpers/minimal-docx';
import { onePagePdf } from '../../helpers/one-page-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const CORPUS = join(__dirname, '../../fixtures/documents');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A real DOCX of `count` one-letter paragraphs: a few MB of XML, well within the 32 MB bound, from
 * which mammoth builds hundreds of bytes of structure per byte.
 */
function docxOfParagraphs(count: number): Promise<Buffer> {
  return minimalDocx('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(count));
}

/**
 * A real one-page PDF whose page holds `lines` lines of Helvetica text in one content stream:
 * pdf.js parses the whole stream in one go.
 */
function pdfOfLines(lines: number): Buffer {
  let stream = 'BT /F1 9 Tf 40 800 Td 11 TL\n';
  for (let line = 0; line < lines; line += 1) stream += `(Line ${line}: stakeholder negotiation, Kubernetes and budgeting) '\n`;
  stream += 'ET';
  return onePagePdf(stream, [595, 842]);
}

/** Worker threads alive in this process: each holds a MessagePort to it until it has ended. */
function workerPorts(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;
}

describe('the text worker', () => {
  const readers: TextReader[] = [];
  const reader = (options?: ConstructorParameters<typeof TextReader>[0]) => {
    const created = new TextReader(options);
    readers.push(created);
    return created;
  };
  // Each test's workers end with it, so that the next counts only its own.
  afterEach(() => Promise.all(readers.splice(0).map((created) => created.close())));

  it(
    'ends a worker whose file exhausts its heap: that file is unreadable, the next is read by a fresh worker',
    { timeout: 60_000 },
    async () => {
      // A lowered heap, so that a file a fraction of the real bound's size exhausts it quickly.
      const small = reader({ resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
      const hostile = await docxOfParagraphs(40_000);
      expect(hostile.length).toBeLessThan(10_000);
      expect(await small.read(hostile, DOCX)).toEqual({ state: 'unreadable', reason: 'too-large' });
      const cv = await small.read(await readFile(join(CORPUS, 'cv-de-pandoc.docx')), DOCX);
      expect(cv.state === 'text' && cv.text).toContain('Schweißtechnik');
      const pdf = await small.read(await readFile(join(CORPUS, 'cv-en-libreoffice.pdf')), 'application/pdf');
      expect(pdf.state === 'text' && pdf.text).toContain('Kubernetes and Terraform');
    },
  );

  it('ends a worker that takes too long: that file is too slow, the next is read', async () => {
    const timed = reader();
    const slow = pdfOfLines(40_000);
    expect(await timed.read(slow, 'application/pdf', { signal: AbortSignal.timeout(50) })).toEqual({
      state: 'unreadable',
      reason: 'too-slow',
    });
    const pdf = await timed.read(await readFile(join(CORPUS, 'cv-fr-chromium.pdf')), 'application/pdf');
    expect(pdf.state === 'text' && pdf.text).toContain('Hélène Dubois');
  });

  it('leaves the app’s thread free while a large PDF is read', async () => {
    const pdf = pdfOfLines(40_000);
    expect(pdf.length).toBeGreaterThan(2_500_000);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const outcome = await reader().read(pdf, 'application/pdf');
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(outcome.state === 'text' && outcome.text).toContain('Line 0: stakeholder negotiation');
    // Loosely: a quarter of the ticks a free thread would see. pdf.js parsing this page on the
    // app's thread lets none through (measured: none in 1.7 s).
    expect(ticks, `${ticks} ticks in ${Math.round(elapsed)} ms`).toBeGreaterThanOrEqual(elapsed / 10 / 4);
  });

  it('ends its worker once closed; a read under way and every read after reject', async () => {
    const before = workerPorts();
    const closing = reader();
    const reading = closing.read(pdfOfLines(40_000), 'application/pdf');
    await expect.poll(workerPorts).toBe(before + 1);
    await closing.close();
    await expect(reading).rejects.toBeInstanceOf(TextReaderClosedError);
    await expect(closing.read(Buffer.from('Notes'), 'text/plain')).rejects.toBeInstanceOf(TextReaderClosedError);
    await expect.poll(workerPorts).toBe(before);
  });

  it('is ended with the workspace that reads the files’ text', async () => {
    const before = workerPorts();
    const workspace = await testWorkspace();
    const { id: clientId } = await workspace.clients.create({ name: 'Amara Okafor' });
    const folder = await tempDir();
    await writeFile(join(folder, 'Notes.txt'), 'Marathon runner');
    await workspace.documents.attach(clientId, [join(folder, 'Notes.txt')], {});
    await workspace.search.query('anything');
    await workspace.documentTextsRead();
    expect((await workspace.search.query('marathon')).map((hit) => hit.field)).toEqual(['text']);
    // Kept a moment for the next file, then ended when the workspace closes.
    expect(workerPorts()).toBe(before + 1);
    await workspace.close();
    await expect.poll(workerPorts).toBe(before);
  });
});
