import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, formatOneBackup, hashTree, practiceDocument, seedDataDir, createJsonBackup } from './fixtures';
import { seededRandom } from '../security/fuzz/prng';

/*
 * Backup reading against generated hostile files: truncations, bit flips, inserted bytes, huge
 * arrays, deep nesting, wrong types and absurd numbers where the envelope and the key
 * derivation expect others, in every format the app reads. Each must be refused with a coded
 * error (or, for a change that leaves a valid file, accepted) within bounded time and memory,
 * and the data directory must stay byte for byte as it was. Set RAPPORT_FUZZ_SEED to replay a run.
 */

const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20_260_301);
const CASES = 72;
const PASSPHRASE = 'correct horse battery staple';
const REFUSALS = new Set(['BAD_BACKUP', 'WRONG_PASSPHRASE', 'PASSPHRASE_REQUIRED', 'NEWER_VERSION']);

const bases: Record<string, string> = {};

beforeAll(async () => {
  const source = await tempDir();
  await seedDataDir(join(source, 'data'), practiceDocument('Dana Coach'), [clientDocument('Amara Okafor', 2), clientDocument('Ben Ito')]);
  const good = await openWorkspace(join(source, 'data'), { backupsDir: join(source, 'backups') });
  await createJsonBackup(good, join(source, 'plain.rapport-backup'));
  await createJsonBackup(good, join(source, 'encrypted.rapport-backup'), { passphrase: PASSPHRASE });
  await good.close();
  bases.plain = await readFile(join(source, 'plain.rapport-backup'), 'utf8');
  bases.encrypted = await readFile(join(source, 'encrypted.rapport-backup'), 'utf8');
  bases.plainV1 = formatOneBackup(bases.plain);
  bases.encryptedV1 = formatOneBackup(bases.plain, PASSPHRASE);
});

type Mutation = (text: string, random: () => number) => string | Buffer;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function withEnvelope(text: string, change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(text) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

const ABSURD: unknown[] = [2 ** 40, 1e308, -1, 0, 2 ** 20, 1.5, '16384', null, [], {}, true, Number.MAX_SAFE_INTEGER];

const mutations: Record<string, Mutation> = {
  truncation: (text, random) => text.slice(0, Math.floor(random() * text.length)),
  bitFlips: (text, random) => {
    const bytes = Buffer.from(text);
    for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips -= 1)
      bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
    return bytes;
  },
  insertedBytes: (text, random) => {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + pick(random, ['[', '{', '"', '\\', ',', '\u0000', '\uffff', '}}}}', '1e999']) + text.slice(at);
  },
  hugeArray: (text, random) => {
    const count = 500_000 + Math.floor(random() * 1_500_000);
    const element = pick(random, ['[]', '{}', '0', '""', '1.5']);
    const field = pick(random, ['counts', 'payload', 'junk', 'encryption']);
    return withEnvelope(text, (envelope) => (envelope[field] = '@@ARRAY@@')).replace(
      '"@@ARRAY@@"',
      `[${Array.from({ length: count }, () => element).join(',')}]`,
    );
  },
  deepNesting: (text, random) => {
    const depth = 1_000 + Math.floor(random() * 200_000);
    return withEnvelope(text, (envelope) => (envelope.payload = '@@DEEP@@')).replace(
      '"@@DEEP@@"',
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
    );
  },
  wrongType: (text, random) =>
    withEnvelope(text, (envelope) => {
      const keys = Object.keys(envelope);
      envelope[pick(random, keys)] = pick(random, ABSURD);
    }),
  kdfNumbers: (text, random) =>
    withEnvelope(text, (envelope) => {
      const encryption = (envelope.encryption ?? {}) as Record<string, unknown>;
      encryption[pick(random, ['N', 'r', 'p'])] = pick(random, ABSURD);
      envelope.encryption = encryption;
    }),
  documentJunk: (text, random) =>
    withEnvelope(text, (envelope) => {
      const payload = envelope.payload as { clients?: Record<string, unknown>[] } | string;
      if (typeof payload === 'string' || !payload.clients) {
        envelope.payload = pick(random, ABSURD);
        return;
      }
      const document = pick(random, payload.clients);
      document[pick(random, Object.keys(document))] = pick(random, ABSURD);
    }),
};

describe('backup reading fuzz', () => {
  it(
    `refuses ${CASES} generated hostile files in bounded time and memory and changes nothing (seed ${SEED})`,
    { timeout: 240_000 },
    async () => {
      const random = seededRandom(SEED);
      const root = await tempDir();
      const dataDir = join(root, 'data');
      const backupsDir = join(root, 'backups');
      await seedDataDir(dataDir, practiceDocument('Current Coach'), [clientDocument('Current Client')]);
      const workspace = await testWorkspace({ dir: dataDir, backupsDir });
      const before = await hashTree(dataDir);
      const started = performance.now();
      const seen = new Map<string, number>();
      for (let index = 0; index < CASES; index += 1) {
        const base = pick(random, Object.keys(bases));
        const kind = pick(random, Object.keys(mutations));
        const path = join(root, `fuzz-${index}.rapport-backup`);
        await writeFile(path, mutations[kind](bases[base], random));
        const passphrase = base.startsWith('encrypted') && random() < 0.8 ? PASSPHRASE : undefined;
        global.gc?.();
        const rss = process.memoryUsage().rss;
        const at = performance.now();
        // Inspect reads and checks like a restore, changing nothing; a restore follows only when the file was refused.
        const outcome = await workspace.backup
          .inspect(path, passphrase === undefined ? {} : { passphrase })
          .catch((error: unknown) => error);
        const label = `case ${index}: ${kind} of ${base}`;
        expect(performance.now() - at, label).toBeLessThan(5000);
        expect((process.memoryUsage().rss - rss) / 2 ** 20, label).toBeLessThan(256);
        if (outcome instanceof Error) {
          expect(outcome, label).toBeInstanceOf(RapportError);
          expect(REFUSALS.has((outcome as RapportError).code), `${label}: ${(outcome as RapportError).code} ${outcome.message}`).toBe(true);
          expect(outcome.message).not.toMatch(/Error|undefined|\bnull\b|\n/);
          const restored = await workspace.backup
            .restore(path, passphrase === undefined ? {} : { passphrase })
            .catch((error: unknown) => error);
          expect(restored, label).toBeInstanceOf(RapportError);
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
        }
      }
      expect(performance.now() - started).toBeLessThan(180_000);
      expect(await hashTree(dataDir)).toEqual(before);
      expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
      // Every kind of mutation was generated and refused at least once.
      expect([...seen.keys()].sort()).toEqual(Object.keys(mutations).sort());
      console.info(
        `backup fuzz (seed ${SEED}): ${CASES} files in ${((performance.now() - started) / 1000).toFixed(1)} s; refused by kind ${JSON.stringify(Object.fromEntries(seen))}`,
      );
    },
  );
});
