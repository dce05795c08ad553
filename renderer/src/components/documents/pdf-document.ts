import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { RapportError } from '../../../../shared/errors';

/*
 * pdf.js runs under the page's unchanged Content-Security-Policy (script-src 'self', no eval,
 * no blob: or data: scripts, connect-src 'self'):
 * - its worker is a file of the app's own origin (Vite emits it and gives its URL);
 * - isEvalSupported: false, so pdf.js never tries `new Function` (which the CSP would refuse);
 * - useWasm: false, since compiling WebAssembly needs 'wasm-unsafe-eval'; pdf.js then decodes
 *   JBIG2 and CCITT images in plain JavaScript, and shows no JPEG 2000 images;
 * - the standard fonts and the CJK character maps ship with the app and are read from its own
 *   origin by the BinaryDataFactory below, never fetched by the worker from a URL a file could
 *   influence; useSystemFonts: false, so a missing font never becomes a font-face `url(…)`;
 * - scripting (the sandbox), XFA forms and the annotation layer are never loaded: a PDF's
 *   JavaScript and links do nothing here.
 */

// Vite emits each file with a hashed name and answers its URL (same origin); the pdf.js names
// are the keys. no-inline: a small file would otherwise become a data: URL, which connect-src
// 'self' rightly refuses to fetch.
const STANDARD_FONTS = byFileName(
  import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  }),
);
const CHARACTER_MAPS = byFileName(
  import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  }),
);

function byFileName(urls: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

/** What pdf.js asks the page for (see `useWorkerFetch: false`): a font or a character map, by name. */
interface BinaryDataRequest {
  kind: string;
  filename: string;
}

/** Answers pdf.js's requests for its own data files from the files shipped with the app, and nothing else. */
class ShippedBinaryData {
  async fetch({ kind, filename }: BinaryDataRequest): Promise<Uint8Array> {
    const table = kind === 'standardFontDataUrl' ? STANDARD_FONTS : kind === 'cMapUrl' ? CHARACTER_MAPS : undefined;
    const url = table?.get(filename);
    if (!url) throw new Error(`Rapport does not ship the ${kind} file ${filename}.`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not read ${filename} (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** The bytes of a base64 text, decoded once (the browser's own decoder when it has one). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A PDF that pdf.js refused, in words for the coach, with a code the page can tell apart. */
export function pdfProblem(caught: unknown, name: string): RapportError {
  if (caught instanceof RapportError) return caught;
  const kind = caught instanceof Error ? caught.name : '';
  if (kind === 'PasswordException') {
    return new RapportError(
      'DOCUMENT_PASSWORD',
      `“${name}” is protected by a password, so Rapport cannot show it here. Open it in your PDF reader, which can ask for the password.`,
    );
  }
  return new RapportError(
    'DOCUMENT_UNREADABLE',
    `“${name}” cannot be shown: it is not a readable PDF (it may be damaged, or was not saved completely). Try opening it in another program, or ask for a new copy.`,
  );
}

/** How far opening a PDF has come: pdf.js's count of the bytes it has parsed. */
export interface PdfProgress {
  loaded: number;
  total: number;
}

/** A PDF opened for the preview; `destroy` ends its worker and frees its memory. */
export interface OpenedPdf {
  pdf: PDFDocumentProxy;
  destroy: () => Promise<void>;
}

/**
 * Opens a PDF's bytes with pdf.js. The bytes are handed to the worker (pdf.js transfers a
 * Uint8Array's buffer rather than copying it), so the page does not keep a second copy.
 * `onTask` receives the loading task at once, so a caller that moves on can destroy it mid-way.
 */
export async function openPdf(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  onTask: (task: PDFDocumentLoadingTask) => void,
  onProgress: (progress: PdfProgress) => void = () => undefined,
): Promise<OpenedPdf> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    BinaryDataFactory: ShippedBinaryData,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  onTask(task);
  task.onProgress = onProgress;
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (caught) {
    await task.destroy();
    throw pdfProblem(caught, name);
  }
  if (pdf.numPages < 1) {
    await task.destroy();
    throw new RapportError('DOCUMENT_EMPTY', `“${name}” has no pages to show.`);
  }
  return { pdf, destroy: () => task.destroy() };
}
