import { openWorkspace } from '../../../../electron/core/workspace';

/**
 * Saves in a loop until killed, printing `ack <kind> <value>` after each save resolved:
 * new clients, and a counter in one client's tags.
 */
const [dataDir] = process.argv.slice(2);
const workspace = await openWorkspace(dataDir);
const existing = await workspace.clients.list();
const counter = existing.find((client) => client.name === 'Counter') ?? (await workspace.clients.create({ name: 'Counter', tags: ['0'] }));
console.log('ready');
for (let i = Number((await workspace.clients.get(counter.id)).tags[0]) + 1; ; i += 1) {
  await workspace.clients.update(counter.id, { tags: [String(i)] });
  console.log(`ack counter ${i}`);
  if (i % 3 === 0) {
    const created = await workspace.clients.create({ name: `Client ${i}`, background: 'x'.repeat(i % 2000) });
    console.log(`ack created ${created.id}`);
  }
}
