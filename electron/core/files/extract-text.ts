import type { DOMParser } from '@xmldom/xmldom';
import { inflateRawSync } from 'node:zlib';

/** How much text of one document search keeps: a long report's first pages name its skills. */
export const MAX_EXTRACTED_CHARS = 200_000;

/**
 * Changes whenever extraction would find different text in the same bytes (a new library
 * version, another rule): texts cached by an older extractor are then read again.
 */
export const EXTRACTOR_VERSION = 3;

/**
 * How much XML a DOCX may inflate to. Real CVs and reports hold well under 1 MB of it; a ZIP bomb
 * renamed `.docx` holds gigabytes, which mammoth would inflate into memory whole.
 */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Why a file of a type Rapport reads gave no text. */
export type UnreadableReason = 'encrypted' | 'damaged' | 'too-large' | 'too-slow';

/**
 * What extraction found: text; `none` when the file was read and holds no text (a scan, an image,
 * a type Rapport does not read); `unreadable` when a file of a type Rapport reads could not be read.
 */
export type TextOutcome = { state: 'text'; text: string } | { state: 'none' } | { state: 'unreadable'; reason: UnreadableReason };

class Unreadable extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason);
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // The legacy build runs in Node without a DOM; without a worker of its own it parses on this
  // thread, which is the text worker's (text-reader.ts), never the app's.
  // pdf.js builds a DOMMatrix as it loads, for drawing, which reading text never does. Node has
  // none, and pdf.js would take one from @napi-rs/canvas, a native module the app does not ship
  // (only a development checkout has it in node_modules): an empty class lets pdf.js load.
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= class DOMMatrix {};
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's in-thread "fake worker" would import ./pdf.worker.mjs beside the bundled chunk,
  // where the build puts nothing; handed over here, the worker is bundled and found.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const task = getDocument({
    // A copy: pdf.js takes over the buffer it is given, and refuses a Node Buffer.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      // pdf.js asks for a password (a user password was set) or gives up on the structure.
      throw new Unreadable((error as { name?: unknown } | null)?.name === 'PasswordException' ? 'encrypted' : 'damaged');
    });
    let text = '';
    for (let number = 1; number <= pdf.numPages && text.length < MAX_EXTRACTED_CHARS; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // pdf.js gives spaces as text and marks line ends; joining runs with a space would split
      // words set in several runs (a ligature, a kerned pair).
      text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('') + '\n';
      page.cleanup();
    }
    return text;
  } finally {
    await task.destroy();
  }
}

/** Where Word and LibreOffice keep the text mammoth does not read. */
const NOTE_PART = /^word\/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/i;

/** The order those parts' text follows the body's in: headers, footers, then the notes. */
function notePartRank(name: string): number {
  const kind = NOTE_PART.exec(name)?.[1]?.toLowerCase().replace(/\d+$/, '') ?? '';
  return ['header', 'footer', 'footnotes', 'endnotes', 'comments'].indexOf(kind);
}

/**
 * Inflates the XML parts of a DOCX (what mammoth reads) within MAX_DOCX_XML_BYTES, whatever
 * sizes the archive declares, before mammoth inflates them again without a bound. Gives the
 * parts mammoth does not read (NOTE_PART), already inflated, in reading order.
 */
function inflateDocxXml(bytes: Buffer): Buffer[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) throw new Unreadable('damaged');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let budget = MAX_DOCX_XML_BYTES;
  const notes: { name: string; xml: Buffer }[] = [];
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new Unreadable('damaged');
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (!/\.(xml|rels)$/i.test(name)) continue;
    // ZIP64 sizes: no DOCX small enough to be read needs them.
    if (compressedSize === 0xffffffff) throw new Unreadable('too-large');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new Unreadable('damaged');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressedSize);
    let xml: Buffer;
    if (method === 0) xml = data;
    else if (method === 8) {
      try {
        xml = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        throw new Unreadable((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'damaged');
      }
    } else throw new Unreadable('damaged');
    budget -= xml.length;
    if (budget < 0) throw new Unreadable('too-large');
    if (NOTE_PART.test(name)) notes.push({ name, xml });
  }
  return notes
    .sort((a, b) => notePartRank(a.name) - notePartRank(b.name) || a.name.localeCompare(b.name, 'en', { numeric: true }))
    .map(({ xml }) => xml);
}

/** WordprocessingML's namespace as Word saves it, and in its "Strict Open XML" variant. */
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/**
 * The text runs (`w:t`) of a header, footer, notes or comments part, a line per paragraph. The
 * separator lines Word keeps as notes of their own (`w:type="separator"` and the like) and
 * properties (`w:pPr`, `w:rPr`: tab stops, not tabs) are skipped; deleted text (`w:delText`)
 * and field codes (`w:instrText`) are other elements and never read.
 */
function notePartText(xml: string, Parser: typeof DOMParser): string {
  const document = new Parser({
    errorHandler: {
      warning: () => undefined,
      error: () => undefined,
      fatalError: (message: string) => {
        throw new Error(message);
      },
    },
  }).parseFromString(xml, 'text/xml');
  let text = '';
  // Depth first, in document order, without recursion: a hostile part may nest deeply.
  const stack: (Node | string)[] = document.documentElement ? [document.documentElement] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const word = WORD_NAMESPACES.has(element.namespaceURI ?? '');
    const name = word ? element.localName : '';
    if (name === 't') {
      text += element.textContent ?? '';
      continue;
    }
    if (name === 'pPr' || name === 'rPr') continue;
    if ((name === 'footnote' || name === 'endnote') && !['', 'normal'].includes(element.getAttributeNS(element.namespaceURI, 'type') ?? ''))
      continue;
    if (name === 'tab') text += '\t';
    else if (name === 'br' || name === 'cr') text += '\n';
    if (name === 'p') stack.push('\n');
    for (let child = element.lastChild; child !== null; child = child.previousSibling) stack.push(child);
  }
  return text;
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes = inflateDocxXml(buffer);
  // Imported here, as pdf.js is: the app's thread loads this module for its types and version
  // only, and never parses.
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer }).catch(() => {
    throw new Unreadable('damaged');
  });
  let text = result.value;
  if (notes.length > 0) {
    const { DOMParser } = await import('@xmldom/xmldom');
    for (const xml of notes) {
      try {
        text += '\n' + notePartText(decodePlainText(xml), DOMParser);
      } catch {
        // A malformed header or note loses only its own text: the body was read.
      }
    }
  }
  return text;
}

/**
 * Plain text as editors save it: a byte-order mark names UTF-8 or UTF-16; without one, UTF-8 if
 * the bytes are valid UTF-8, otherwise Windows-1252 (the Latin-1 of older Windows editors).
 */
export function decodePlainText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Whether Rapport reads text from files of this type at all. */
export function readsTextOf(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType === DOCX || mediaType.startsWith('text/');
}

/**
 * The searchable text of a stored file: PDF (pdf.js), DOCX (mammoth for the body with its
 * tables, lists and text boxes; the headers, footers, footnotes, endnotes and comments from
 * their XML) and plain text. Never rejects: a file that cannot be read says why. Runs in the
 * text worker (text-worker.ts); the app asks it through text-reader.ts.
 */
export async function extractText(bytes: Uint8Array, mediaType: string): Promise<TextOutcome> {
  let text: string;
  try {
    if (mediaType === 'application/pdf') text = await pdfText(bytes);
    else if (mediaType === DOCX) text = await docxText(bytes);
    else if (mediaType.startsWith('text/')) text = decodePlainText(bytes);
    else return { state: 'none' };
  } catch (error) {
    if (error instanceof Unreadable) return { state: 'unreadable', reason: error.reason };
    return { state: 'unreadable', reason: 'damaged' };
  }
  // NFKC: PDF fonts often map CJK glyphs to Kangxi radicals (⼭ for 山) and Latin ones to
  // ligatures (ﬁ) or full-width forms, which a search typed on a keyboard would not match.
  text = text.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_EXTRACTED_CHARS);
  return text === '' ? { state: 'none' } : { state: 'text', text };
}
