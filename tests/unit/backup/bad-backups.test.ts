import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import { RapportError } from '../../../shared/errors';
import { CLIENT_DOCUMENT_VERSION } from '../../../shared/model/documents';
import { openWorkspace, type Workspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, hashTree, practiceDocument, seedDataDir, createJsonBackup } from './fixtures';

const PASSPHRASE = 'correct horse battery';
type Envelope = Record<string, unknown> & { payload: Record<string, unknown> & { clients: Record<string, unknown>[] } };

let plainText = '';
let encryptedText = '';

/** A good plain backup, changed by `change`, with its checksum made right again so only the change is wrong. */
function resealed(change: (envelope: Envelope) => void): string {
  const envelope = JSON.parse(plainText) as Envelope;
  change(envelope);
  envelope.payloadSha256 = createHash('sha256').update(JSON.stringify(envelope.payload)).digest('hex');
  return JSON.stringify(envelope);
}

function edited(text: string, change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(text) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

function flipBase64(text: string, at: number): string {
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

function clientNamed(envelope: Envelope, name: string): Record<string, unknown> {
  const found = envelope.payload.clients.find((document) => (document.client as { name: string }).name === name);
  if (!found) throw new Error(`no client ${name} in the backup`);
  return found;
}

function ownKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

interface BadBackup {
  name: string;
  code: ErrorCode;
  message?: RegExp;
  passphrase?: string;
  /** The file's content, or a function that makes the file itself. */
  content: () => string | Buffer | ((path: string) => Promise<void>);
}

const corpus: BadBackup[] = [
  { name: 'not JSON at all', code: 'BAD_BACKUP', message: /not a Rapport backup/, content: () => 'Dear Dana, here are my notes.' },
  { name: 'random bytes', code: 'BAD_BACKUP', message: /not a Rapport backup/, content: () => randomBytes(4096) },
  { name: 'an empty file', code: 'BAD_BACKUP', message: /empty/, content: () => '' },
  { name: 'JSON that is not a backup', code: 'BAD_BACKUP', message: /not a Rapport backup/, content: () => '{"hello":"world"}' },
  { name: 'a JSON array', code: 'BAD_BACKUP', message: /not a Rapport backup/, content: () => '[1,2,3]' },
  {
    name: 'a truncated plain backup',
    code: 'BAD_BACKUP',
    message: /damaged or incomplete/,
    content: () => plainText.slice(0, Math.floor(plainText.length / 2)),
  },
  {
    name: 'a truncated encrypted backup',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () => encryptedText.slice(0, encryptedText.length - 40),
  },
  {
    name: 'a flipped byte in the payload',
    code: 'BAD_BACKUP',
    message: /damaged/,
    content: () => plainText.replace('Amara Okafor', 'Amara Okafos'),
  },
  {
    name: 'a wrong checksum',
    code: 'BAD_BACKUP',
    content: () => edited(plainText, (envelope) => (envelope.payloadSha256 = '0'.repeat(64))),
  },
  {
    name: 'tampered ciphertext',
    code: 'BAD_BACKUP',
    message: /damaged/,
    passphrase: PASSPHRASE,
    content: () => edited(encryptedText, (envelope) => (envelope.payload = flipBase64(envelope.payload as string, 100))),
  },
  {
    name: 'a tampered authentication tag',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () =>
      edited(encryptedText, (envelope) => {
        const encryption = envelope.encryption as Record<string, string>;
        encryption.tag = flipBase64(encryption.tag, 3);
      }),
  },
  {
    name: 'an encrypted backup with a date added in clear',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () => edited(encryptedText, (envelope) => (envelope.createdAt = '2020-01-01T00:00:00.000Z')),
  },
  {
    name: 'an encrypted backup whose nonce was swapped',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () =>
      edited(encryptedText, (envelope) => ((envelope.encryption as Record<string, string>).nonce = randomBytes(12).toString('base64'))),
  },
  {
    name: 'a wrong passphrase',
    code: 'WRONG_PASSPHRASE',
    message: /passphrase does not open/,
    passphrase: 'not the passphrase',
    content: () => encryptedText,
  },
  { name: 'a missing passphrase', code: 'PASSPHRASE_REQUIRED', message: /enter it/, content: () => encryptedText },
  {
    name: 'absurd key derivation settings',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () => edited(encryptedText, (envelope) => ((envelope.encryption as Record<string, number>).N = 2 ** 30)),
  },
  {
    name: 'an encrypted backup with a plain payload',
    code: 'BAD_BACKUP',
    passphrase: PASSPHRASE,
    content: () => edited(encryptedText, (envelope) => (envelope.payload = JSON.parse(plainText).payload)),
  },
  {
    name: 'a newer format version',
    code: 'BAD_BACKUP',
    message: /newer version of Rapport/,
    content: () => edited(plainText, (envelope) => (envelope.formatVersion = 3)),
  },
  {
    name: 'a format version that is text',
    code: 'BAD_BACKUP',
    content: () => edited(plainText, (envelope) => (envelope.formatVersion = '1')),
  },
  {
    name: 'a document that fails validation',
    code: 'BAD_BACKUP',
    message: /\(the file of Ben Ito\) is not valid/,
    content: () =>
      resealed((envelope) => ((clientNamed(envelope, 'Ben Ito').sessions as Record<string, unknown>[])[0].durationMinutes = 1)),
  },
  {
    name: 'a document with an unknown field',
    code: 'BAD_BACKUP',
    content: () => resealed((envelope) => (envelope.payload.clients[0].secret = 'x')),
  },
  {
    name: 'a document from a newer Rapport',
    code: 'BAD_BACKUP',
    message: /newer version of Rapport/,
    content: () => resealed((envelope) => (envelope.payload.clients[0].schemaVersion = CLIENT_DOCUMENT_VERSION + 1)),
  },
  {
    name: 'practice settings that fail validation',
    code: 'BAD_BACKUP',
    message: /practice settings/,
    content: () => resealed((envelope) => ((envelope.payload.practice as { settings: { paperSize: string } }).settings.paperSize = 'A0')),
  },
  {
    name: 'a payload without practice settings',
    code: 'BAD_BACKUP',
    content: () => resealed((envelope) => delete envelope.payload.practice),
  },
  {
    name: 'a __proto__ key in a document',
    code: 'BAD_BACKUP',
    message: /refuses to load/,
    content: () => resealed((envelope) => ownKey(envelope.payload.clients[0], '__proto__', { polluted: true })),
  },
  {
    name: 'a constructor key in the envelope',
    code: 'BAD_BACKUP',
    message: /refuses to load/,
    content: () => edited(plainText, (envelope) => ownKey(envelope, 'constructor', { prototype: { polluted: true } })),
  },
  {
    name: 'a prototype key deep inside a session',
    code: 'BAD_BACKUP',
    message: /refuses to load/,
    content: () => resealed((envelope) => ownKey((envelope.payload.clients[2].sessions as object[])[0], 'prototype', {})),
  },
  {
    name: 'an absurd size',
    code: 'BAD_BACKUP',
    message: /far too large/,
    content: () => async (path: string) => {
      const handle = await open(path, 'w');
      await handle.truncate(600 * 1024 * 1024);
      await handle.close();
    },
  },
  {
    name: 'absurd counts',
    code: 'BAD_BACKUP',
    content: () => edited(plainText, (envelope) => ((envelope.counts as Record<string, number>).clients = 1_000_000_000)),
  },
  {
    name: 'counts that do not match the documents',
    code: 'BAD_BACKUP',
    content: () => edited(plainText, (envelope) => ((envelope.counts as Record<string, number>).sessions = 99)),
  },
  {
    name: 'the same client twice',
    code: 'BAD_BACKUP',
    message: /same client twice/,
    content: () =>
      resealed((envelope) => {
        envelope.payload.clients[1] = structuredClone(envelope.payload.clients[0]);
        (envelope.counts as Record<string, number>).sessions = 6;
      }),
  },
  { name: 'a missing checksum', code: 'BAD_BACKUP', content: () => edited(plainText, (envelope) => delete envelope.payloadSha256) },
  { name: 'a missing payload', code: 'BAD_BACKUP', content: () => edited(plainText, (envelope) => delete envelope.payload) },
  { name: 'a date of the wrong type', code: 'BAD_BACKUP', content: () => edited(plainText, (envelope) => (envelope.createdAt = 12)) },
  { name: 'counts of the wrong type', code: 'BAD_BACKUP', content: () => edited(plainText, (envelope) => (envelope.counts = 'three')) },
  { name: 'an unknown envelope field', code: 'BAD_BACKUP', content: () => edited(plainText, (envelope) => (envelope.extra = true)) },
  { name: 'a folder instead of a file', code: 'BAD_BACKUP', content: () => (path: string) => mkdir(path).then(() => undefined) },
  { name: 'a file that does not exist', code: 'NOT_FOUND', message: /cannot find/, content: () => async () => undefined },
];

let root = '';
let dataDir = '';
let backupsDir = '';

beforeAll(async () => {
  // Made once: the good backups every bad one is derived from.
  const source = await tempDir();
  const seeded = join(source, 'seeded');
  await seedDataDir(seeded, practiceDocument('Dana Coach'), [
    clientDocument('Amara Okafor', 1),
    clientDocument('Ben Ito'),
    clientDocument('Chen Wei'),
  ]);
  const good = await openWorkspace(seeded, { backupsDir: join(source, 'backups') });
  await createJsonBackup(good, join(source, 'plain.rapport-backup'));
  await createJsonBackup(good, join(source, 'encrypted.rapport-backup'), { passphrase: PASSPHRASE });
  await good.close();
  plainText = await readFile(join(source, 'plain.rapport-backup'), 'utf8');
  encryptedText = await readFile(join(source, 'encrypted.rapport-backup'), 'utf8');
});

async function currentWorkspace(): Promise<Workspace> {
  root = await tempDir();
  dataDir = join(root, 'data');
  backupsDir = join(root, 'backups');
  await seedDataDir(dataDir, practiceDocument('Current Coach'), [clientDocument('Current Client')]);
  return testWorkspace({ dir: dataDir, backupsDir });
}

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RapportError);
  return error as RapportError;
}

describe('bad backup files', () => {
  it('the corpus is large enough', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it.each(corpus)('refuses $name with $code and changes nothing', async ({ code, message, passphrase, content }) => {
    const workspace = await currentWorkspace();
    const filePath = join(root, 'bad.rapport-backup');
    const made = content();
    if (typeof made === 'function') await made(filePath);
    else await writeFile(filePath, made);
    const before = await hashTree(dataDir);
    const options = passphrase === undefined ? {} : { passphrase };

    const inspected = await failure(workspace.backup.inspect(filePath, options));
    const restored = await failure(workspace.backup.restore(filePath, options));
    for (const error of [inspected, restored]) {
      expect(error.code).toBe(code);
      if (message) expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/Error|undefined|\bnull\b|\n/);
    }

    expect(await hashTree(dataDir)).toEqual(before);
    expect(await readdir(root)).not.toContain('backups');
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
  });
});

describe('automatic backup file names', () => {
  it.each([
    '../data/practice.json',
    '../../etc/passwd.rapport-backup',
    '/abs.rapport-backup',
    'a/b.rapport-backup',
    'x..rapport-backup',
    'plain.json',
  ])('refuses %s', async (fileName) => {
    const workspace = await currentWorkspace();
    const before = await hashTree(dataDir);
    expect((await failure(workspace.backup.restoreAutomatic(fileName))).code).toBe('INVALID_INPUT');
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('refuses a bad automatic backup the same way', async () => {
    const workspace = await currentWorkspace();
    await mkdir(backupsDir);
    await writeFile(join(backupsDir, 'rapport-2026-03-01T09-00-00-000Z-daily.rapport-backup'), plainText.slice(0, 500));
    const before = await hashTree(dataDir);
    expect((await failure(workspace.backup.restoreAutomatic('rapport-2026-03-01T09-00-00-000Z-daily.rapport-backup'))).code).toBe(
      'BAD_BACKUP',
    );
    expect(await hashTree(dataDir)).toEqual(before);
  });
});
