import { createReadStream } from 'node:fs';
import { extract } from 'tar-stream';

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
