import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ScryptPassphraseIdentity, ScryptPassphraseRecipient, encryptWithPassphrase } from '../../../electron/core/backup/age-scrypt';
import {
  AGE_CHUNK,
  decryptAge,
  encryptAge,
  nobleCipher,
  nodeCipher,
  payloadCipher,
  payloadKey,
} from '../../../electron/core/backup/age-stream';
import { tempDir } from '../../helpers/temp-dir';
import { ClearKey, collect, inPieces, libraryDecrypt, libraryEncrypt } from './age-stream-helpers';

const hasAge = spawnSync('age', ['--version']).status === 0 && spawnSync('script', ['--version']).status === 0;
const PASSPHRASE = 'correct horse battery';

const SIZES = [0, 1, AGE_CHUNK - 1, AGE_CHUNK, AGE_CHUNK + 1, 3 * AGE_CHUNK, 3 * AGE_CHUNK + 7, 3_000_000];
const CIPHERS = [nodeCipher, nobleCipher];

/** age's payload size: a 16-byte tag per chunk, and one chunk even for no bytes. */
const sealedSize = (size: number) => size + 16 * Math.max(1, Math.ceil(size / AGE_CHUNK));

function plaintext(size: number): Buffer {
  return randomBytes(size);
}

/** Compared by length and digest: deep equality of large buffers is slow in the test runner. */
const same = (bytes: Uint8Array) => ({ length: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });

/** The payload after the header, located by the header's MAC line. */
function payloadOf(file: Uint8Array): Buffer {
  const bytes = Buffer.from(file);
  return bytes.subarray(bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 1) + 1);
}

describe('the chunk cipher', () => {
  it("is Node's own in plain Node, and seals exactly as @noble does", () => {
    expect(payloadCipher().name).toBe('node');
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    for (const size of [0, 1, 15, 16, 17, AGE_CHUNK]) {
      const plain = randomBytes(size);
      const sealed = nodeCipher.seal(key, nonce, plain);
      expect(Buffer.from(sealed)).toEqual(Buffer.from(nobleCipher.seal(key, nonce, plain)));
      expect(Buffer.from(nobleCipher.open(key, nonce, sealed)!)).toEqual(plain);
      expect(Buffer.from(nodeCipher.open(key, nonce, sealed)!)).toEqual(plain);
    }
  });

  it('opens nothing whose tag, body, key or nonce differ, and nothing shorter than a tag', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const sealed = Buffer.from(nodeCipher.seal(key, nonce, randomBytes(100)));
    const flipped = (at: number) => {
      const copy = Buffer.from(sealed);
      copy[at] ^= 0x01;
      return copy;
    };
    for (const cipher of CIPHERS) {
      expect(cipher.open(key, nonce, flipped(0)), cipher.name).toBeNull();
      expect(cipher.open(key, nonce, flipped(sealed.length - 1)), cipher.name).toBeNull();
      expect(cipher.open(randomBytes(32), nonce, sealed), cipher.name).toBeNull();
      expect(cipher.open(key, Buffer.concat([nonce.subarray(0, 11), Buffer.of(nonce[11] ^ 1)]), sealed), cipher.name).toBeNull();
      expect(cipher.open(key, nonce, sealed.subarray(0, 15)), cipher.name).toBeNull();
    }
  });

  it('derives the payload key with HKDF-SHA-256, the nonce as salt and "payload" as info', () => {
    const fileKey = randomBytes(16);
    const nonce = randomBytes(16);
    expect(payloadKey(fileKey, nonce)).toEqual(Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32)));
  });
});

describe.each(CIPHERS)('age payloads sealed with $name', (cipher) => {
  it.each(SIZES)('of %i bytes open with age-encryption, and its files open here', async (size) => {
    const plain = plaintext(size);
    const key = new ClearKey();

    const ours = await collect(await encryptAge(inPieces(plain), key, cipher));
    expect(payloadOf(ours).length).toBe(16 + sealedSize(size));
    expect(same(await libraryDecrypt(ours, key))).toEqual(same(plain));

    const theirs = await libraryEncrypt(plain, key);
    const opened = await collect(await decryptAge(theirs.subarray(0, 4096), inPieces(theirs), key, cipher));
    expect(same(opened)).toEqual(same(plain));
  });
});

describe('age files for a passphrase', () => {
  it('open with age-encryption and Rapport\u2019s identity, and not with another passphrase', async () => {
    const plain = plaintext(AGE_CHUNK * 2 + 5);
    const file = await collect(await encryptWithPassphrase(inPieces(plain), PASSPHRASE));
    expect(file.toString('latin1')).toMatch(
      /^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 17\n[A-Za-z0-9+/]{43}\n--- [A-Za-z0-9+/]{43}\n/,
    );
    expect(same(await libraryDecrypt(file, new ScryptPassphraseIdentity(PASSPHRASE)))).toEqual(same(plain));
    expect(same(await collect(await decryptAge(file.subarray(0, 4096), inPieces(file), new ScryptPassphraseIdentity(PASSPHRASE))))).toEqual(
      same(plain),
    );
    const wrong = new ScryptPassphraseIdentity('another passphrase');
    await expect(decryptAge(file.subarray(0, 4096), inPieces(file), wrong)).rejects.toThrow();
    expect(wrong.wrongPassphrase).toBe(true);
  });

  it('from age-encryption open here', async () => {
    const plain = plaintext(AGE_CHUNK + 1);
    const file = await libraryEncrypt(plain, new ScryptPassphraseRecipient(PASSPHRASE));
    const opened = await collect(await decryptAge(file.subarray(0, 4096), inPieces(file), new ScryptPassphraseIdentity(PASSPHRASE)));
    expect(same(opened)).toEqual(same(plain));
  });

  it('use a new file key and payload nonce each time', async () => {
    const key = new ClearKey();
    const first = await collect(await encryptAge(inPieces(Buffer.alloc(10)), key));
    const firstKey = key.lastFileKey;
    const second = await collect(await encryptAge(inPieces(Buffer.alloc(10)), key));
    expect(key.lastFileKey).not.toEqual(firstKey);
    expect(payloadOf(first).subarray(0, 16)).not.toEqual(payloadOf(second).subarray(0, 16));
  });
});

describe.skipIf(!hasAge)('the age command-line tool', () => {
  /** 257 chunks and more: the chunk counter carries into its second byte. */
  const MANY_CHUNKS = 257 * AGE_CHUNK + 3;
  const CLI_SIZES = [...SIZES, MANY_CHUNKS];

  // Each costs two key derivations at Rapport's work factor, so the sizes around a chunk only.
  it.each([0, 1, AGE_CHUNK - 1, AGE_CHUNK, AGE_CHUNK + 1, MANY_CHUNKS])(
    'opens a passphrase file of %i bytes written here',
    { timeout: 60_000 },
    async (size) => {
      const dir = await tempDir();
      const plain = plaintext(size);
      const filePath = join(dir, 'file.age');
      const outPath = join(dir, 'out.bin');
      await writeFile(filePath, await collect(await encryptWithPassphrase(inPieces(plain), PASSPHRASE)));
      // age reads a passphrase only from a terminal: `script` gives it one, fed from this input.
      // Its output goes to a file the shell opens: age itself makes none for an empty plaintext.
      execFileSync('script', ['-qec', `age -d '${filePath}' > '${outPath}'`, '/dev/null'], { input: `${PASSPHRASE}\n` });
      expect(same(await readFile(outPath))).toEqual(same(plain));
    },
  );

  it.each(CLI_SIZES)('writes files of %i bytes that open here, with either cipher', { timeout: 60_000 }, async (size) => {
    const dir = await tempDir();
    const plain = plaintext(size);
    const keyPath = join(dir, 'key.txt');
    execFileSync('age-keygen', ['-o', keyPath], { stdio: 'ignore' });
    const identity = (await readFile(keyPath, 'utf8')).split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'))!;
    const recipient = execFileSync('age-keygen', ['-y', keyPath], { encoding: 'utf8' }).trim();
    const file = execFileSync('age', ['-r', recipient], { input: plain, maxBuffer: 64 * 1024 * 1024 });
    for (const cipher of CIPHERS) {
      const opened = await collect(await decryptAge(file.subarray(0, 4096), inPieces(file), identity, cipher));
      expect(same(opened), cipher.name).toEqual(same(plain));
    }
  });
});

describe('memory', () => {
  it('stays bounded: the source is read only as fast as the decrypted bytes are taken, and stopping early ends it', async () => {
    const block = randomBytes(256 * 1024);
    let produced = 0;
    let ended = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          produced += block.length;
          yield block;
        }
      } finally {
        ended = true;
      }
    }
    const key = new ClearKey();
    const encrypted = await encryptAge(endless(), key);
    const iterator = encrypted[Symbol.asyncIterator]();
    // The header comes first, on its own.
    const header = Buffer.from((await iterator.next()).value as Uint8Array);
    const file = (async function* () {
      try {
        yield header;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await iterator.return?.();
      }
    })();
    let taken = 0;
    let furthest = 0;
    for await (const piece of await decryptAge(header, file, key)) {
      taken += piece.byteLength;
      furthest = Math.max(furthest, produced - taken);
      if (taken >= 64 * 1024 * 1024) break;
    }
    expect(furthest).toBeLessThan(4 * 1024 * 1024);
    await vi.waitFor(() => expect(ended).toBe(true));
  });
});
