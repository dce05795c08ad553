import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/api';
import { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { createDispatcher } from '../../../electron/core/dispatch';
import { CLIENTS_DIR, PRACTICE_FILE } from '../../../electron/core/data-layout';
import { DialogTokens } from '../../../electron/security/dialog-tokens';
import { pageApi } from '../../../electron/security/page-api';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { foreignIdArgumentLists, invalidArgumentLists, type FuzzTools } from './fuzz/invalid-calls';
import { invalidValues } from './fuzz/invalid-values';
import { randomUuid, seededRandom } from './fuzz/prng';
import { seedWorkspace } from './fuzz/seed-workspace';
import { objectSchemas, refusesUnknownKeys } from './fuzz/zod-shapes';

const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261123);
const MIN_CALLS = 1000;

/** Methods that legitimately answer for an id the workspace does not hold, and why. */
const ANSWERS_FOR_UNKNOWN_IDS: Record<string, string> = {
  'backup:backupsContaining':
    'asked about a client that may already be deleted; it only lists automatic backup file names and changes nothing',
};

const schemaOf = (channel: string) => {
  const [namespace, method] = channel.split(':');
  return (contract as unknown as Record<string, Record<string, Parameters<typeof invalidArgumentLists>[0]>>)[namespace][method];
};

/** Every file under a directory with its bytes, by relative path. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), entry.isDirectory() ? '<dir>' : (await readFile(path)).toString('base64'));
  }
  return files;
}

const describeArgs = (args: unknown[]) =>
  args.map((arg) => {
    if (typeof arg === 'string') return arg.length > 60 ? `"${arg.slice(0, 40)}…" (${arg.length} chars)` : JSON.stringify(arg);
    if (typeof arg === 'bigint') return `${arg}n`;
    try {
      const json = JSON.stringify(arg);
      return json === undefined ? String(arg) : json.length > 80 ? `${json.slice(0, 80)}…` : json;
    } catch {
      return Object.prototype.toString.call(arg);
    }
  });

describe('every object the renderer can send', () => {
  it('refuses fields it does not name (strict schemas)', () => {
    expect([refusesUnknownKeys(z.object({})), refusesUnknownKeys(z.strictObject({}))]).toEqual([false, true]);
    const loose = CHANNELS.flatMap((channel) =>
      objectSchemas(schemaOf(channel), channel)
        .filter(({ schema }) => !refusesUnknownKeys(schema))
        .map(({ where }) => where),
    );
    expect(loose).toEqual([]);
  });
});

describe('IPC fuzz', () => {
  it(`answers ${MIN_CALLS}+ invalid calls across every channel with INVALID_INPUT or NOT_FOUND and changes nothing (seed ${SEED})`, async () => {
    const parent = await tempDir('rapport-fuzz-');
    const workspace = await testWorkspace({ dir: join(parent, 'data'), now: () => new Date('2026-11-23T09:00:00.000Z') });
    const [own, other] = await seedWorkspace(workspace);
    // What IPC serves the page: the workspace behind the file-token layer.
    const dispatch = createDispatcher(pageApi(workspace, new DialogTokens()));
    const random = seededRandom(SEED);
    const escapePaths = [
      join(parent, 'escape.rapport-backup'),
      join(parent, 'data', '..', 'escape.json'),
      join(parent, 'data', 'clients', `${other.clientId}.json`),
    ];
    const tools: FuzzTools = { random, newId: () => randomUuid(random), junk: invalidValues(random, escapePaths) };
    const before = await snapshot(parent);

    const unexpected: string[] = [];
    const callsPerChannel = new Map<string, number>();
    async function expectRefused(channel: string, args: unknown[], allowed: readonly string[]) {
      callsPerChannel.set(channel, (callsPerChannel.get(channel) ?? 0) + 1);
      let outcome: string;
      try {
        const envelope = await dispatch(channel, args);
        outcome = envelope.ok ? 'ok' : envelope.error.code;
      } catch (error) {
        outcome = `threw ${String(error)}`;
      }
      if (!allowed.includes(outcome)) unexpected.push(`${channel}(${describeArgs(args).join(', ')}) → ${outcome}`);
    }

    for (const channel of CHANNELS) {
      const schema = schemaOf(channel);
      for (const args of invalidArgumentLists(schema, tools)) await expectRefused(channel, args, ['INVALID_INPUT']);
      for (const args of foreignIdArgumentLists(schema, tools, own.clientId, other.recordIds)) {
        await expectRefused(
          channel,
          args,
          channel in ANSWERS_FOR_UNKNOWN_IDS ? ['NOT_FOUND', 'INVALID_INPUT', 'ok'] : ['NOT_FOUND', 'INVALID_INPUT'],
        );
      }
      await expectRefused(channel, { 0: own.clientId, length: 1 } as unknown as unknown[], ['INVALID_INPUT']);
    }
    for (const channel of ['clients:list:extra', '__proto__', 'constructor', 'toString', 'clients', 'desktop:openExternal', ':', '']) {
      await expectRefused(channel, [], ['INVALID_INPUT']);
    }

    expect(unexpected).toEqual([]);
    const total = [...callsPerChannel.values()].reduce((sum, count) => sum + count, 0);
    expect(total).toBeGreaterThanOrEqual(MIN_CALLS);
    console.info(`[ipc-fuzz] seed ${SEED}: ${total} refused calls over ${CHANNELS.length} channels`);
    expect(CHANNELS.filter((channel) => (callsPerChannel.get(channel) ?? 0) < 5)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype stays clean').toBeUndefined();

    expect(await snapshot(parent)).toEqual(before);
    const dataDir = join(parent, 'data');
    PracticeDocument.parse(JSON.parse(await readFile(join(dataDir, PRACTICE_FILE), 'utf8')));
    const clientFiles = (await readdir(join(dataDir, CLIENTS_DIR))).filter((name) => name.endsWith('.json'));
    expect(clientFiles.sort()).toEqual([`${own.clientId}.json`, `${other.clientId}.json`].sort());
    for (const name of clientFiles) ClientDocument.parse(JSON.parse(await readFile(join(dataDir, CLIENTS_DIR, name), 'utf8')));
  }, 120_000);
});
