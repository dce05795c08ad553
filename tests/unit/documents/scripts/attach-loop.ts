import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openWorkspace } from '../../../../electron/core/workspace';

/**
 * Attaches files in a loop until killed (and now and then removes one), printing
 * `ack attached <document id>` after each attach resolved, `ack removing <id>` before each removal
 * starts and `ack removed <id>` after it resolved (a kill between the two may leave either state).
 */
const [dataDir, inbox] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir);
await mkdir(inbox, { recursive: true });
const existing = await workspace.clients.list();
const client = existing[0] ?? (await workspace.clients.create({ name: 'Amara Okafor' }));
console.log('ready');
for (let i = 0; ; i += 1) {
  const paths: string[] = [];
  for (let file = 0; file < 1 + (i % 3); file += 1) {
    const path = join(inbox, `file-${process.pid}-${i}-${file}.pdf`);
    // Sizes from a few bytes to 3 MB, some repeated so that dedupe is exercised too.
    const bytes =
      i % 5 === 0 ? Buffer.from('%PDF-1.4 the same bytes every fifth time') : randomBytes(16 + ((i * 7919) % (3 * 1024 * 1024)));
    await writeFile(path, bytes);
    paths.push(path);
  }
  const attached = await workspace.documents.attach(client.id, paths, { label: 'cv' });
  for (const document of attached) console.log(`ack attached ${document.id}`);
  if (i % 4 === 3) {
    console.log(`ack removing ${attached[0].id}`);
    await workspace.documents.remove(client.id, attached[0].id);
    console.log(`ack removed ${attached[0].id}`);
  }
}
