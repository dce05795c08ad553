import { openWorkspace } from '../../../../electron/core/workspace';

/** Opens a workspace and keeps it open until stdin closes. */
const [dataDir] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir);
console.log('ready');
process.stdin.resume();
process.stdin.on('end', () => void workspace.close().then(() => process.exit(0)));
