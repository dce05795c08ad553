import mammoth from 'mammoth';

/** How much text of one document search keeps: a long report's first pages name its skills. */
export const MAX_EXTRACTED_CHARS = 200_000;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function pdfText(bytes: Uint8Array): Promise<string> {
  // The legacy build runs in Node without a DOM; without a worker it parses on this thread,
  // which is why extraction runs in the background one file at a time.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's in-thread "fake worker" would import ./pdf.worker.mjs beside the bundled chunk,
  // where the build puts nothing; handed over here, the worker is bundled and found.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const pdf = await getDocument({
    // A copy: pdf.js takes over the buffer it is given, and refuses a Node Buffer.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    let text = '';
    for (let number = 1; number <= pdf.numPages && text.length < MAX_EXTRACTED_CHARS; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
      page.cleanup();
    }
    return text;
  } finally {
    await pdf.destroy();
  }
}

/**
 * The searchable text of a stored file: PDF (pdf.js), DOCX (mammoth) and plain text; an empty
 * string for every other type. Rejects when a file of a known type cannot be parsed.
 */
export async function extractText(bytes: Uint8Array, mediaType: string): Promise<string> {
  let text = '';
  if (mediaType === 'application/pdf') text = await pdfText(bytes);
  else if (mediaType === DOCX) text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  else if (mediaType.startsWith('text/')) text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_EXTRACTED_CHARS);
}
