import { hkdfSync, randomBytes } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { AGE_CHUNK, AgePayloadError, decryptAge, encryptAge, nobleCipher, nodeCipher } from '../../../electron/core/backup/age-stream';
import { ContainerRefused, readContainer } from '../../../electron/core/backup/read-container';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { ClearKey, collect, drain, inPieces, libraryDecrypt, libraryEncrypt } from './age-stream-helpers';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';
import { seedFiles, withAttachments } from './container-fixtures';

/*
 * Payloads built chunk by chunk with @noble's cipher and Node's HKDF, apart from the code under
 * test, in the scenarios of the C2SP/CCTV age test vectors that concern the payload (named after
 * them). Each is checked against age-encryption's own reader too, so that the expectation is
 * not only this file's.
 */

const FULL = AGE_CHUNK;
const zeros = Buffer.alloc(FULL, 0);
const ones = Buffer.alloc(FULL, 1);
const short = Buffer.from('a short last chunk');

interface Chunk {
  plain: Buffer;
  /** The last-chunk flag the chunk is sealed with. */
  last: boolean;
  /** The counter it is sealed under; its position by default. */
  counter?: number;
  /** Changes to the sealed bytes. */
  change?: (sealed: Buffer) => Buffer;
}

const flipLast = (sealed: Buffer) => {
  const copy = Buffer.from(sealed);
  copy[copy.length - 1] ^= 0x80;
  return copy;
};

/** An age file: the library's header for a clear file key, then this payload. */
async function ageFile(chunks: Chunk[], { nonce = randomBytes(16), trailing }: { nonce?: Buffer; trailing?: Uint8Array | undefined } = {}) {
  const key = new ClearKey();
  const empty = await libraryEncrypt(new Uint8Array(0), key);
  const header = Buffer.from(empty.subarray(0, empty.length - 32));
  const streamKey = Buffer.from(hkdfSync('sha256', key.lastFileKey!, nonce, 'payload', 32));
  const sealed = chunks.map(({ plain, last, counter, change }, index) => {
    const chunkNonce = Buffer.alloc(12);
    chunkNonce.writeUIntBE(counter ?? index, 5, 6);
    chunkNonce[11] = last ? 1 : 0;
    const bytes = Buffer.from(chacha20poly1305(streamKey, chunkNonce).encrypt(plain));
    return change ? change(bytes) : bytes;
  });
  return { key, file: Buffer.concat([header, nonce, ...sealed, trailing ?? new Uint8Array(0)]), header };
}

const CIPHERS = [nodeCipher, nobleCipher];

/** Opens the file with each cipher and with age-encryption; what each released must start the plaintext. */
async function verdicts(file: Buffer, key: ClearKey, plain: Buffer) {
  const results: { who: string; ok: boolean; released: Buffer; error: unknown }[] = [];
  for (const cipher of CIPHERS) {
    const { released, error } = await drain(decryptAge(file.subarray(0, 4096), inPieces(file), key, cipher));
    results.push({ who: cipher.name, ok: error === null, released, error });
  }
  const library = await libraryDecrypt(file, key).then(
    (bytes) => ({ ok: true, released: Buffer.from(bytes), error: null }),
    (error: unknown) => ({ ok: false, released: Buffer.alloc(0), error }),
  );
  results.push({ who: 'age-encryption', ...library });
  for (const { who, released } of results) expect(plain.subarray(0, released.length).equals(released), who).toBe(true);
  return results;
}

type Scenario = [name: string, chunks: Chunk[], expect: 'success' | 'failure', extra?: { trailing?: Buffer }];

const SCENARIOS: Scenario[] = [
  ['stream_empty_payload', [{ plain: Buffer.alloc(0), last: true }], 'success'],
  ['stream_last_chunk_full', [{ plain: zeros, last: true }], 'success'],
  [
    'stream_last_chunk_full_second',
    [
      { plain: zeros, last: false },
      { plain: ones, last: true },
    ],
    'success',
  ],
  [
    'stream_two_chunks',
    [
      { plain: zeros, last: false },
      { plain: short, last: true },
    ],
    'success',
  ],
  [
    'stream_three_chunks',
    [
      { plain: zeros, last: false },
      { plain: ones, last: false },
      { plain: short, last: true },
    ],
    'success',
  ],
  ['stream_bad_tag', [{ plain: short, last: true, change: flipLast }], 'failure'],
  [
    'stream_bad_tag_second_chunk',
    [
      { plain: zeros, last: false },
      { plain: short, last: true, change: flipLast },
    ],
    'failure',
  ],
  [
    'stream_bad_tag_second_chunk_full',
    [
      { plain: zeros, last: false },
      { plain: ones, last: true, change: flipLast },
    ],
    'failure',
  ],
  [
    'stream_last_chunk_empty',
    [
      { plain: zeros, last: false },
      { plain: Buffer.alloc(0), last: true },
    ],
    'failure',
  ],
  ['stream_missing_tag', [{ plain: short, last: true, change: (sealed) => sealed.subarray(0, sealed.length - 16) }], 'failure'],
  ['stream_no_chunks', [], 'failure'],
  ['stream_no_final', [{ plain: short, last: false }], 'failure'],
  ['stream_no_final_full', [{ plain: zeros, last: false }], 'failure'],
  [
    'stream_no_final_two_chunks',
    [
      { plain: zeros, last: false },
      { plain: short, last: false },
    ],
    'failure',
  ],
  [
    'stream_no_final_two_chunks_full',
    [
      { plain: zeros, last: false },
      { plain: ones, last: false },
    ],
    'failure',
  ],
  [
    'stream_short_chunk',
    [
      { plain: short, last: false },
      { plain: short, last: true },
    ],
    'failure',
  ],
  [
    'stream_short_second_chunk',
    [
      { plain: zeros, last: false },
      { plain: short, last: false },
      { plain: short, last: true },
    ],
    'failure',
  ],
  ['stream_trailing_garbage_short', [{ plain: short, last: true }], 'failure', { trailing: Buffer.from('garbage') }],
  ['stream_trailing_garbage_long', [{ plain: zeros, last: true }], 'failure', { trailing: randomBytes(FULL + 16) }],
  [
    'stream_two_final_chunks',
    [
      { plain: short, last: true },
      { plain: short, last: true },
    ],
    'failure',
  ],
  [
    'stream_two_final_chunks_full',
    [
      { plain: zeros, last: true },
      { plain: short, last: true },
    ],
    'failure',
  ],
  [
    'stream_two_final_chunks_second',
    [
      { plain: zeros, last: false },
      { plain: ones, last: true },
      { plain: short, last: true },
    ],
    'failure',
  ],
  [
    'chunks reordered',
    [
      { plain: ones, last: false, counter: 1 },
      { plain: zeros, last: false, counter: 0 },
      { plain: short, last: true },
    ],
    'failure',
  ],
  [
    'a chunk sealed under the wrong counter',
    [
      { plain: zeros, last: false },
      { plain: ones, last: false, counter: 7 },
      { plain: short, last: true },
    ],
    'failure',
  ],
];

describe('opening an age payload, in the age test vectors\u2019 scenarios', () => {
  const cases = SCENARIOS.map(([name, chunks, expected, extra]) => ({ name, chunks, expected, extra }));
  it.each(cases)('$name: $expected', async ({ chunks, expected, extra }) => {
    const plain = Buffer.concat(chunks.map((chunk) => chunk.plain));
    const { key, file } = await ageFile(chunks, { trailing: extra?.trailing });
    for (const { who, ok, released, error } of await verdicts(file, key, plain)) {
      expect(ok, who).toBe(expected === 'success');
      if (expected === 'success') expect(released.equals(plain), who).toBe(true);
      else if (who !== 'age-encryption') expect(error, who).toBeInstanceOf(AgePayloadError);
    }
  });

  it('refuses a file that ends inside or right after the payload nonce', async () => {
    const { key, file, header } = await ageFile([{ plain: short, last: true }]);
    for (const end of [header.length, header.length + 1, header.length + 15, header.length + 16, header.length + 31]) {
      const cut = file.subarray(0, end);
      for (const cipher of CIPHERS) {
        const { error } = await drain(decryptAge(cut.subarray(0, 4096), inPieces(cut), key, cipher));
        expect(error, `${cipher.name} cut at ${end}`).toBeInstanceOf(AgePayloadError);
      }
    }
  });
});

describe('a payload written here, damaged', () => {
  const plain = randomBytes(3 * FULL + 100);

  async function written() {
    const key = new ClearKey();
    const file = await collect(await encryptAge(inPieces(plain), key));
    const payloadStart = file.indexOf(0x0a, file.indexOf('\n--- ') + 1) + 1 + 16;
    return { key, file, payloadStart };
  }

  async function refusedByAll(key: ClearKey, file: Buffer, label: string) {
    for (const { who, ok, error } of await verdicts(file, key, plain)) {
      expect(ok, `${who}: ${label}`).toBe(false);
      if (who !== 'age-encryption') expect(error, `${who}: ${label}`).toBeInstanceOf(AgePayloadError);
    }
  }

  it('is refused when cut at any chunk boundary, or inside a chunk', async () => {
    const { key, file, payloadStart } = await written();
    const sealed = FULL + 16;
    const cuts = [1, 2, 3].flatMap((k) => [payloadStart + k * sealed, payloadStart + k * sealed - 1, payloadStart + k * sealed + 1]);
    cuts.push(payloadStart + 100, file.length - 1, file.length - 16);
    for (const end of cuts) await refusedByAll(key, file.subarray(0, end), `cut at ${end} of ${file.length}`);
  });

  it('is refused with a bit flipped in any chunk, its body or its tag', async () => {
    const { key, file, payloadStart } = await written();
    const sealed = FULL + 16;
    const positions = [0, 1, 2, 3].flatMap((k) => [payloadStart + k * sealed, Math.min(payloadStart + (k + 1) * sealed, file.length) - 1]);
    positions.push(payloadStart - 1); // the payload nonce: every chunk's key changes
    for (const at of positions) {
      const copy = Buffer.from(file);
      copy[at] ^= 0x04;
      await refusedByAll(key, copy, `bit flipped at ${at}`);
    }
  });

  it('is refused with bytes after its last chunk', async () => {
    const { key, file } = await written();
    for (const extra of [Buffer.of(0), randomBytes(16), randomBytes(FULL + 16)]) {
      await refusedByAll(key, Buffer.concat([file, extra]), `${extra.length} bytes added`);
    }
  });
});

describe('a damaged encrypted backup', () => {
  const PASSPHRASE = 'correct horse battery';

  it('is refused as damaged by the backup reader, and a wrong passphrase is still told apart', { timeout: 90_000 }, async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const files = [randomBytes(5 * FULL + 123)];
    await seedDataDir(dataDir, practiceDocument('Dana Coach'), [withAttachments(clientDocument('Amara Okafor'), files)]);
    await seedFiles(dataDir, files);
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
    const good = join(root, 'good.rapport-backup');
    await workspace.backup.create(good, { passphrase: PASSPHRASE });

    const read = async (bytes: Buffer, passphrase = PASSPHRASE) => {
      const path = join(root, 'variant.rapport-backup');
      await writeFile(path, bytes);
      const handle = await open(path, 'r');
      try {
        return await readContainer({ fd: handle.fd, size: bytes.length, passphrase, stagingDir: null });
      } finally {
        await handle.close();
      }
    };
    const bytes = await readFile(good);
    await expect(read(bytes)).resolves.toMatchObject({ encrypted: true });

    const payloadStart = bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 1) + 1 + 16;
    const flipped = Buffer.from(bytes);
    flipped[payloadStart + 2 * (FULL + 16) + 5] ^= 0x01;
    const variants: [string, Buffer][] = [
      ['cut after the first chunk', bytes.subarray(0, payloadStart + FULL + 16)],
      ['cut inside the last chunk', bytes.subarray(0, bytes.length - 20)],
      ['a bit flipped in the third chunk', flipped],
      ['a byte added', Buffer.concat([bytes, Buffer.of(0)])],
    ];
    for (const [label, variant] of variants) {
      const error = await read(variant).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, label).toBeInstanceOf(ContainerRefused);
      expect((error as ContainerRefused).refusal, label).toBe('damaged');
    }
    const wrong = await read(bytes, 'another passphrase').then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect((wrong as ContainerRefused).refusal).toBe('wrong-passphrase');
  });
});
