import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pack as createPack, type Pack } from 'tar-stream';
import { RapportError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/dates';
import { safeFileName } from '../../../shared/file-name';
import { DOCUMENT_LABEL_NAMES, SHA256, type AttachedDocument } from '../../../shared/model/document-file';
import type { ClientDocument } from '../../../shared/model/documents';
import { prepareFileDurably, type PreparedFile } from '../durable-write';
import { ReadBuffers } from './read-buffers';
import { AttachedFileReader, addBuffer, addFile } from './write-container';

/*
 * A per-client export: one plain POSIX tar archive a client, another coach or any computer can
 * open without Rapport (docs/backups.md, "Per-client export"), holding
 *
 *   README.txt                    what each file is, in plain words
 *   manifest.json                 what the archive is, and the size and SHA-256 of every other entry
 *   client.json                   the client's whole file as readable JSON
 *   documents/<label>/<name>      each attached document under a readable, safe, unique name
 *
 * The attached files are stored under the names the coach gave them rather than under their
 * digests (as a backup does): nothing reads an export back in, and the person who asked for
 * it wants to open their CV. The manifest and client.json keep each document's SHA-256, which
 * is also its name in Rapport's data folder.
 */

export const CLIENT_EXPORT_FORMAT = 'rapport-client-export';
export const CLIENT_EXPORT_FORMAT_VERSION = 1;
export const README_NAME = 'README.txt';
export const MANIFEST_NAME = 'manifest.json';
export const CLIENT_NAME = 'client.json';
export const DOCUMENTS_DIR = 'documents';

/** An attached document's file name in the archive, without its folder: room for any file system and path. */
const MAX_ENTRY_NAME = 100;

export interface ClientExportEntry {
  name: string;
  size: number;
  sha256: string;
  /** For an attached document: its id in client.json's `documents`. */
  documentId?: string;
}

export interface ClientExportManifest {
  format: typeof CLIENT_EXPORT_FORMAT;
  formatVersion: typeof CLIENT_EXPORT_FORMAT_VERSION;
  appVersion: string;
  createdAt: string;
  client: { id: string; name: string };
  /** Every entry but the manifest itself, in the archive's order. */
  entries: ClientExportEntry[];
}

export interface ClientExportOptions {
  appVersion: string;
  createdAt: string;
  /** The data folder's files/ directory. */
  filesDir: string;
}

export interface WrittenClientExport {
  documents: number;
  bytes: number;
}

interface PlannedDocument {
  document: AttachedDocument;
  name: string;
  path: string;
}

const damaged = (document: AttachedDocument) =>
  new RapportError(
    'DOCUMENT_DAMAGED',
    `The stored copy of “${document.name}” is damaged or missing: its contents are no longer what was attached, so the export was not written. Restore the document from a backup or remove it, then export again.`,
  );

/** Text the coach or client typed, on one line and without control or direction characters (README.txt may be shown in a terminal). */
function plain(text: string): string {
  return text
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Extensions for document types, for a name the coach gave without one ("Offer from Nordlicht"),
 * so that the client's computer knows what opens it. Only types that show, never run.
 */
const EXTENSION_OF_TYPE: Record<string, string> = {
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/csv': '.csv',
  'application/rtf': '.rtf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-powerpoint': '.ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/heic': '.heic',
};

/** A name every file system takes, at most MAX_ENTRY_NAME long, keeping the extension the coach gave (or one for its type). */
function safeDocumentName(document: AttachedDocument, suffix = ''): string {
  const { name } = document;
  const dot = name.lastIndexOf('.');
  const given = dot > 0 && /^\.[A-Za-z0-9-]{1,20}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  const extension = given || (EXTENSION_OF_TYPE[document.mediaType] ?? '');
  const stem = name.slice(0, name.length - given.length);
  const room = MAX_ENTRY_NAME - suffix.length - extension.length;
  return `${safeFileName(stem, { maxLength: room, fallback: 'Document' })}${suffix}${extension}`;
}

/**
 * Each document's entry name, oldest first (documents attached together in the order of the
 * client file, a stable sort) so that a later version of "CV.pdf" becomes
 * "CV (2).pdf". Names are compared as case-insensitive file systems (Windows, macOS) compare
 * them, so extracting never overwrites one document with another.
 */
function documentEntries(document: ClientDocument, filesDir: string): PlannedDocument[] {
  const taken = new Set<string>();
  const ordered = [...document.documents].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return ordered.map((attached) => {
    if (!SHA256.test(attached.sha256)) throw damaged(attached);
    const folder = `${DOCUMENTS_DIR}/${DOCUMENT_LABEL_NAMES[attached.label]}`;
    let name = `${folder}/${safeDocumentName(attached)}`;
    for (let copy = 2; taken.has(name.normalize('NFC').toLowerCase()); copy += 1)
      name = `${folder}/${safeDocumentName(attached, ` (${copy})`)}`;
    taken.add(name.normalize('NFC').toLowerCase());
    return { document: attached, name, path: join(filesDir, attached.sha256) };
  });
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'];

function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} ${value === 1 ? 'byte' : 'bytes'}` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

function readme(client: ClientDocument, planned: readonly PlannedDocument[], options: ClientExportOptions): string {
  const name = plain(client.client.name);
  const entryOf = new Map(planned.map((entry) => [entry.document.id, entry.name]));
  const documentLines = planned.flatMap(({ document, name: entry }) => {
    const previous = document.previousVersionId === null ? undefined : entryOf.get(document.previousVersionId);
    return [
      `  ${entry}`,
      `      ${DOCUMENT_LABEL_NAMES[document.label]}, added ${localIsoDate(new Date(document.createdAt))}, ${formatSize(document.size)}` +
        (document.name === entry.slice(entry.lastIndexOf('/') + 1) ? '' : `; called “${plain(document.name)}” in Rapport`) +
        (previous === undefined ? '' : `; a newer version of ${previous}`),
    ];
  });
  return [
    `Rapport export: ${name}`,
    `Made on ${localIsoDate(new Date(options.createdAt))} by Rapport ${plain(options.appVersion)}.`,
    '',
    `This archive holds everything the coach keeps about ${name} in Rapport, the coach's`,
    'practice app. It holds personal information: keep it as safe as you would the originals.',
    '',
    'What each file is',
    '',
    '  README.txt      This text.',
    '  client.json     The whole client file: details, sessions, agendas, goals, notes, the',
    '                  job search and the list of attached documents. It is plain text (JSON):',
    '                  any text editor opens it.',
    '  manifest.json   What this archive is (a Rapport client export, format 1), when it was',
    '                  made, and the size and SHA-256 checksum of every other file in it.',
    ...(planned.length === 0
      ? ['', 'No documents are attached to this client.']
      : ['  documents/      The attached documents, one folder per label:', '', ...documentLines]),
    '',
    'How to open it',
    '',
    'The file is a standard tar archive. On macOS, Linux and Windows 11, double-click it. In a',
    'terminal or command prompt (Windows 10 and later too), run:  tar -xf "<the file>.tar"',
    '7-Zip opens it as well.',
    '',
    'How to check that nothing was changed',
    '',
    'Each file\'s SHA-256 checksum is in manifest.json. Compute it with "sha256sum <file>" (Linux),',
    '"shasum -a 256 <file>" (macOS) or "certutil -hashfile <file> SHA256" (Windows) and compare.',
    '',
  ].join('\n');
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Adds every entry; any failure tears the archive down, so the temp file is discarded and the target never touched. */
async function fillPack(
  pack: Pack,
  heads: readonly { name: string; bytes: Buffer }[],
  planned: readonly (PlannedDocument & { size: number })[],
  mtime: Date,
  buffers: ReadBuffers,
): Promise<void> {
  try {
    // The export may tear the pack down while an entry is still being added (its target could not
    // be opened): no further file may then be opened for a reader that will never come.
    for (const { name, bytes } of heads) {
      if (pack.destroyed) return;
      await addBuffer(pack, name, bytes, mtime);
    }
    for (const entry of planned) {
      if (pack.destroyed) return;
      try {
        const file = { name: entry.name, path: entry.path, size: entry.size, sha256: entry.document.sha256 };
        await addFile(pack, new AttachedFileReader(file, buffers), new Date(entry.document.createdAt));
      } catch (error) {
        // addFile's own refusal (bytes not matching the digest) or a file removed since it was stated.
        if (error instanceof RapportError || (error as NodeJS.ErrnoException).code === 'ENOENT') throw damaged(entry.document);
        throw error;
      }
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
}

/** Counts the bytes that pass, without holding them. */
async function* counted(source: AsyncIterable<Uint8Array>, total: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    total.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Writes one client's export to `filePath`: a temp file beside it is written, fsynced and
 * renamed into place. The attached files are streamed from disk and hashed on the way; one that
 * is missing or no longer matches its digest stops the export with DOCUMENT_DAMAGED and leaves
 * nothing at `filePath`.
 */
export async function writeClientExport(
  filePath: string,
  client: ClientDocument,
  options: ClientExportOptions,
): Promise<WrittenClientExport> {
  const documents = await Promise.all(
    documentEntries(client, options.filesDir).map(async (entry) => {
      const stats = await stat(entry.path).catch(() => null);
      // A size other than the recorded one is damage found before a byte is written.
      if (!stats?.isFile() || stats.size !== entry.document.size) throw damaged(entry.document);
      return { ...entry, size: stats.size };
    }),
  );
  const readmeBytes = Buffer.from(readme(client, documents, options));
  const clientBytes = Buffer.from(`${JSON.stringify(client, null, 2)}\n`);
  const manifest: ClientExportManifest = {
    format: CLIENT_EXPORT_FORMAT,
    formatVersion: CLIENT_EXPORT_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.createdAt,
    client: { id: client.client.id, name: client.client.name },
    entries: [
      { name: README_NAME, size: readmeBytes.byteLength, sha256: sha256Of(readmeBytes) },
      { name: CLIENT_NAME, size: clientBytes.byteLength, sha256: sha256Of(clientBytes) },
      ...documents.map(({ name, size, document }) => ({ name, size, sha256: document.sha256, documentId: document.id })),
    ],
  };
  const heads = [
    { name: README_NAME, bytes: readmeBytes },
    { name: MANIFEST_NAME, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: CLIENT_NAME, bytes: clientBytes },
  ];
  const pack = createPack();
  // The file writer is done with each chunk when it asks for the next (read-buffers.ts).
  const buffers = ReadBuffers.reused();
  void fillPack(pack, heads, documents, new Date(options.createdAt), buffers);
  const total = { bytes: 0 };
  let file: PreparedFile;
  try {
    file = await prepareFileDurably(filePath, counted(buffers.lend(pack as AsyncIterable<Uint8Array>), total));
  } catch (error) {
    // When the target cannot even be opened nothing reads the archive: tear it down, or the file
    // being added would stay open, waiting for a reader, for as long as the app runs.
    pack.destroy();
    buffers.close();
    throw error;
  }
  await file.commit();
  return { documents: documents.length, bytes: total.bytes };
}
