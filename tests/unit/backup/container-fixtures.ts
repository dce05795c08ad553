import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import type { ClientDocument } from '../../../shared/model/documents';

const AT = '2026-02-01T10:00:00.000Z';

/** Every entry of a plain (unencrypted) format 3 backup, in order, read with the tar library the app uses. */
export async function tarEntries(filePath: string): Promise<{ name: string; type: string; bytes: Buffer }[]> {
  const entries: { name: string; type: string; bytes: Buffer }[] = [];
  const reader = extract();
  createReadStream(filePath).pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.push({ name: entry.header.name, type: entry.header.type ?? 'file', bytes: Buffer.concat(chunks) });
  }
  return entries;
}

/** One entry's text. */
export async function tarEntry(filePath: string, name: string): Promise<string> {
  const found = (await tarEntries(filePath)).find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${name} in ${filePath}`);
  return found.bytes.toString('utf8');
}

/** A client document with one attached document per file (`files` are the attached bytes). */
export function withAttachments(document: ClientDocument, files: readonly Buffer[]): ClientDocument {
  return {
    ...document,
    documents: files.map((bytes, index) => ({
      id: randomUUID(),
      createdAt: AT,
      updatedAt: AT,
      name: `Document ${index + 1}.pdf`,
      label: 'cv' as const,
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      previousVersionId: null,
      sessionId: null,
      goalId: null,
      applicationId: null,
    })),
  };
}

/** Writes the attached files of `documents` into `dataDir/files/` as the file store names them. */
export async function seedFiles(dataDir: string, files: readonly Buffer[]): Promise<void> {
  await mkdir(join(dataDir, 'files'), { recursive: true });
  for (const bytes of files) await writeFile(join(dataDir, 'files', createHash('sha256').update(bytes).digest('hex')), bytes);
}

/** The SHA-256 of each file in `dataDir/files/`, checked against its name. */
export async function filesOnDisk(dataDir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, 'files')).catch(() => [] as string[]);
  for (const name of names) {
    const digest = createHash('sha256')
      .update(await readFile(join(dataDir, 'files', name)))
      .digest('hex');
    if (digest !== name) throw new Error(`files/${name} does not hold its bytes`);
  }
  return names.sort();
}

export const digestOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
