import { writeFile } from 'node:fs/promises';
import { storedFilePath } from '../../../../electron/core/files/file-store';
import { openWorkspace } from '../../../../electron/core/workspace';

/**
 * Damages the one attached file and recovers it from the automatic backups, in a loop until
 * killed, printing `damaged` once the stored file is overwritten with 0x5a bytes and `recovered`
 * once the recovery resolved.
 */
const [dataDir] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir);
const [client] = await workspace.clients.list();
const [document] = await workspace.documents.list(client.id);
console.log('ready');
for (;;) {
  await writeFile(storedFilePath(dataDir, document.sha256), Buffer.alloc(document.size, 0x5a));
  console.log('damaged');
  await workspace.documents.recoverFile(client.id, document.id);
  console.log('recovered');
}
