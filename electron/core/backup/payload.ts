import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BackupCounts } from '../../../shared/api/backup';
import { contentDigestInPool } from '../durable-json-file';
import type { StoredDocument } from '../durable-json-file';
import type { StoredDocuments } from '../store';
import { countsOf } from './format';

/** Files read at once while a payload is put together. */
const PARALLEL_READS = 32;

/** A backup's payload, `{"practice":…,"clients":[…]}`, as bytes in pieces, with its checksum. */
export interface EncodedPayload {
  chunks: Buffer[];
  bytes: number;
  sha256: string;
  counts: BackupCounts;
}

/**
 * The document's bytes as the store last read or wrote them, straight from its file when the file
 * still holds exactly those (its digest matches: `onDisk`), otherwise serialised from the held
 * data: a file changed behind Rapport's back never gets into a backup in place of what Rapport holds.
 */
export async function documentBytesOf<T>(document: StoredDocument<T>): Promise<{ bytes: Buffer; onDisk: boolean }> {
  const onDisk = await readFile(document.path).catch(() => null);
  // Hashed in the thread pool: a restore checks the backup it reads on this thread meanwhile.
  if (onDisk !== null && (await contentDigestInPool(onDisk)).equals(await document.digest)) return { bytes: onDisk, onDisk: true };
  return { bytes: Buffer.from(JSON.stringify(document.data)), onDisk: false };
}

/** documentBytesOf's bytes. */
async function documentBytes<T>(document: StoredDocument<T>): Promise<Buffer> {
  return (await documentBytesOf(document)).bytes;
}

/**
 * The payload of `documents`, assembled from the files already on disk, so that no document is
 * serialised again. The store writes every file as `JSON.stringify(document)`, so the payload
 * is `JSON.stringify({ practice, clients })` byte for byte unless a file was reformatted by hand.
 */
export async function encodePayload(documents: StoredDocuments): Promise<EncodedPayload> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const add = (chunk: Buffer) => {
    chunks.push(chunk);
    hash.update(chunk);
    bytes += chunk.byteLength;
  };
  const comma = Buffer.from(',');
  const clients = documents.clients;
  const readBatch = (start: number) => Promise.all(clients.slice(start, start + PARALLEL_READS).map(documentBytes));
  let next = readBatch(0);
  add(Buffer.from('{"practice":'));
  add(await documentBytes(documents.practice));
  add(Buffer.from(',"clients":['));
  for (let start = 0; start < clients.length; start += PARALLEL_READS) {
    const batch = await next;
    // The next files are read while this batch is hashed.
    if (start + PARALLEL_READS < clients.length) next = readBatch(start + PARALLEL_READS);
    batch.forEach((chunk, index) => {
      if (start + index > 0) add(comma);
      add(chunk);
    });
  }
  add(Buffer.from(']}'));
  return { chunks, bytes, sha256: hash.digest('hex'), counts: countsOf(clients.map((document) => document.data)) };
}
