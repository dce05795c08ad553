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
 * still holds exactly those (its digest matches), otherwise serialised from the held data: a file
 * changed behind Rapport's back never gets into a backup in place of what Rapport holds.
 */
async function documentBytes<T>(document: StoredDocument<T>): Promise<Buffer> {
  const onDisk = await readFile(document.path).catch(() => null);
  // Hashed in the thread pool: a restore checks the backup it reads on this thread meanwhile.
  if (onDisk !== null && (await contentDigestInPool(onDisk)).equals(await document.digest)) return onDisk;
  return Buffer.from(JSON.stringify(document.data));
}

/**
 * The payload of `documents`, assembled from the files already on disk, so that no document is
 * serialised again. The store writes every file as `JSON.stringify(document)`, so the payload
 * is `JSON.stringify({ practice, clients })` byte for byte unless a file was reformatted by hand.
 */
export async function encodePayload(documents: StoredDocuments): Promise<EncodedPayload> {
  const chunks: Buffer[] = [Buffer.from('{"practice":'), await documentBytes(documents.practice), Buffer.from(',"clients":[')];
  const comma = Buffer.from(',');
  for (let start = 0; start < documents.clients.length; start += PARALLEL_READS) {
    const batch = await Promise.all(documents.clients.slice(start, start + PARALLEL_READS).map(documentBytes));
    batch.forEach((bytes, index) => {
      if (start + index > 0) chunks.push(comma);
      chunks.push(bytes);
    });
  }
  chunks.push(Buffer.from(']}'));
  const hash = createHash('sha256');
  let bytes = 0;
  for (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { chunks, bytes, sha256: hash.digest('hex'), counts: countsOf(documents.clients.map((document) => document.data)) };
}
