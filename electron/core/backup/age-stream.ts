import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { Decrypter, Encrypter, type Identity, type Recipient } from 'age-encryption';

/*
 * The payload of an age file (age-encryption.org/v1): a 16-byte nonce, then the plaintext in
 * 64 KiB chunks, each sealed with ChaCha20-Poly1305 under a key derived from the file key and
 * that nonce, with a 12-byte nonce made of an 11-byte big-endian chunk counter and a byte that
 * is 1 on the last chunk only. age-encryption writes and reads the header (stanzas and MAC); the
 * payload is sealed here because the library's own cipher is JavaScript (@noble) and has no way
 * to plug in another: Node's native cipher is many times faster. Electron's Node is built on
 * BoringSSL, which does not offer 'chacha20-poly1305' to createCipheriv, so the cipher is chosen
 * at run time: Node's when it exists and agrees with @noble on a sample, @noble's otherwise.
 */

export const AGE_CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = AGE_CHUNK + TAG;
const NONCE = 16;
const KEY = 32;

/** One ChaCha20-Poly1305 seal or open of a whole chunk; `open` gives null when the tag does not match. */
export interface ChunkCipher {
  readonly name: 'node' | 'noble';
  seal(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array): Uint8Array;
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null;
}

export const nobleCipher: ChunkCipher = {
  name: 'noble',
  seal: (key, nonce, plain) => chacha20poly1305(key, nonce).encrypt(plain),
  open: (key, nonce, sealed) => {
    try {
      return chacha20poly1305(key, nonce).decrypt(sealed);
    } catch {
      return null;
    }
  },
};

export const nodeCipher: ChunkCipher = {
  name: 'node',
  seal(key, nonce, plain) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    const sealed = Buffer.allocUnsafe(plain.byteLength + TAG);
    const body = cipher.update(plain);
    sealed.set(body, 0);
    sealed.set(cipher.final(), body.byteLength);
    sealed.set(cipher.getAuthTag(), plain.byteLength);
    return sealed;
  },
  open(key, nonce, sealed) {
    if (sealed.byteLength < TAG) return null;
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG));
    const body = decipher.update(sealed.subarray(0, sealed.byteLength - TAG));
    try {
      const end = decipher.final();
      return end.byteLength === 0 ? body : Buffer.concat([body, end]);
    } catch {
      return null;
    }
  },
};

/** Node's cipher when this runtime has it and it seals a sample exactly as @noble does. */
function probeNodeCipher(): boolean {
  try {
    const key = randomBytes(KEY);
    const nonce = randomBytes(12);
    const plain = randomBytes(100);
    const sealed = nodeCipher.seal(key, nonce, plain);
    const opened = nodeCipher.open(key, nonce, nobleCipher.seal(key, nonce, plain));
    return Buffer.from(sealed).equals(Buffer.from(nobleCipher.seal(key, nonce, plain))) && opened !== null && plain.equals(opened);
  } catch {
    return false;
  }
}

let chosen: ChunkCipher | null = null;

/** The cipher age payloads use in this process: Node's native one where it exists (plain Node), @noble's otherwise (Electron). */
export function payloadCipher(): ChunkCipher {
  chosen ??= probeNodeCipher() ? nodeCipher : nobleCipher;
  return chosen;
}

/**
 * HKDF-SHA-256 (RFC 5869) for one 32-byte output block, the payload key: built on HMAC, which
 * every runtime's Node has, rather than `hkdf`, whose availability differs between OpenSSL and
 * BoringSSL builds.
 */
export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  const prk = createHmac('sha256', nonce).update(fileKey).digest();
  return createHmac('sha256', prk).update(Buffer.from('payload', 'latin1')).update(Buffer.of(1)).digest();
}

/** Why a payload was refused; every one means the file is damaged or was altered. */
export class AgePayloadError extends Error {}

/** The 12-byte chunk nonce: an 11-byte big-endian counter and the last-chunk flag. */
class ChunkNonce {
  readonly bytes = new Uint8Array(12);

  next(): void {
    for (let i = 10; i >= 0; i--) {
      this.bytes[i] = (this.bytes[i] + 1) & 0xff;
      if (this.bytes[i] !== 0) return;
    }
    throw new AgePayloadError('too many chunks');
  }

  markLast(): void {
    this.bytes[11] = 1;
  }
}

/**
 * Gathers a stream's bytes into blocks of one size, for sealing (plaintext chunks) and opening
 * (sealed chunks) alike. A full block is handed on only when a further byte arrives, because
 * only the end of the input says which block is the last: the caller takes that one, full or
 * not, from `held` at the end. The block's buffer is reused, so `onFull` must be done with it
 * before it returns.
 */
class BlockGatherer {
  private readonly block: Buffer;
  private used = 0;

  constructor(size: number) {
    this.block = Buffer.allocUnsafe(size);
  }

  /** Adds the bytes of `bytes` from `from` on, handing each block that fills and is followed by more to `onFull`. */
  add(bytes: Buffer, from: number, onFull: (block: Buffer) => void): void {
    let at = from;
    while (at < bytes.byteLength) {
      if (this.used === this.block.byteLength) {
        onFull(this.block);
        this.used = 0;
      }
      const take = Math.min(this.block.byteLength - this.used, bytes.byteLength - at);
      bytes.copy(this.block, this.used, at, at + take);
      this.used += take;
      at += take;
    }
  }

  /** The block gathered so far and not handed on: at the end of the input, the last one. */
  held(): Buffer {
    return this.block.subarray(0, this.used);
  }
}

/**
 * Seals `source` as an age payload: the nonce, then the chunks. A full chunk is held until more
 * bytes come, because only the end of the input says whether it is the last. Each piece of
 * `source` is copied or sealed before the next is asked for, so its buffers may be reused
 * (read-buffers.ts); a stream in between would read ahead.
 */
async function* sealedPayload(source: AsyncIterable<Uint8Array>, fileKey: Uint8Array, cipher: ChunkCipher): AsyncGenerator<Uint8Array> {
  const streamNonce = randomBytes(NONCE);
  const key = payloadKey(fileKey, streamNonce);
  const nonce = new ChunkNonce();
  const blocks = new BlockGatherer(AGE_CHUNK);
  yield streamNonce;
  for await (const piece of source) {
    const sealed: Uint8Array[] = [];
    blocks.add(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), 0, (full) => {
      sealed.push(cipher.seal(key, nonce.bytes, full));
      nonce.next();
    });
    yield* sealed;
  }
  nonce.markLast();
  yield cipher.seal(key, nonce.bytes, blocks.held());
}

/**
 * Opens an age payload strictly as the age specification says: every chunk's tag must match
 * under its position, only the last chunk carries the last flag, only a payload with no other
 * chunk may end with an empty one, and nothing may follow the last chunk. A full sealed chunk
 * is opened as a middle one only once more bytes follow it. Plaintext of earlier chunks is
 * released before the end is checked, as age does: the reader must not act on it before the
 * stream ends without an error.
 */
export class AgePayloadDecryptor extends Transform {
  private key: Buffer | null = null;
  private readonly streamNonce = Buffer.allocUnsafe(NONCE);
  private nonceUsed = 0;
  private readonly nonce = new ChunkNonce();
  private readonly blocks = new BlockGatherer(SEALED_CHUNK);
  private first = true;

  constructor(
    private readonly fileKey: Uint8Array,
    private readonly cipher: ChunkCipher = payloadCipher(),
  ) {
    super();
  }

  private openChunk(sealed: Buffer): Uint8Array {
    const plain = this.cipher.open(this.key!, this.nonce.bytes, sealed);
    if (plain === null) throw new AgePayloadError('a chunk does not match its tag');
    return plain;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let at = 0;
      if (this.key === null) {
        const take = Math.min(NONCE - this.nonceUsed, chunk.byteLength);
        chunk.copy(this.streamNonce, this.nonceUsed, 0, take);
        this.nonceUsed += take;
        at = take;
        if (this.nonceUsed === NONCE) this.key = payloadKey(this.fileKey, this.streamNonce);
      }
      this.blocks.add(chunk, at, (full) => {
        this.push(this.openChunk(full));
        this.nonce.next();
        this.first = false;
      });
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      const last = this.blocks.held();
      if (this.key === null || last.byteLength < TAG) throw new AgePayloadError('the payload is cut short');
      this.nonce.markLast();
      const plain = this.openChunk(last);
      if (plain.byteLength === 0 && !this.first) throw new AgePayloadError('an empty last chunk after others');
      callback(null, plain);
    } catch (error) {
      callback(error as Error);
    }
  }
}

/** Keeps the file key age-encryption draws, so that the payload can be sealed here under it. */
class FileKeyRecipient implements Recipient {
  fileKey: Uint8Array | null = null;

  constructor(private readonly inner: Recipient) {}

  wrapFileKey(fileKey: Uint8Array) {
    this.fileKey = Uint8Array.from(fileKey);
    return this.inner.wrapFileKey(fileKey);
  }
}

/**
 * The header age-encryption writes for `recipient` and its file key. The library writes a
 * header only together with a payload, so it is asked for the file of no bytes, whose payload
 * (its nonce and one empty chunk, 32 bytes) is dropped: the real payload gets its own nonce.
 */
async function ageHeader(recipient: Recipient): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const keeper = new FileKeyRecipient(recipient);
  const encrypter = new Encrypter();
  encrypter.addRecipient(keeper);
  const empty = await encrypter.encrypt(new Uint8Array(0));
  const header = empty.subarray(0, empty.byteLength - NONCE - TAG);
  if (keeper.fileKey?.byteLength !== 16 || header[header.byteLength - 1] !== 0x0a) throw new Error('unexpected age header');
  return { header, fileKey: keeper.fileKey };
}

/** A readable stream of the pipeline's output: errors of any stage reach whoever reads it. */
function piped(source: AsyncIterable<Uint8Array>, transform: Transform): Readable {
  pipeline(Readable.from(source, { objectMode: false }), transform, () => undefined);
  return transform;
}

/** Encrypts `source` into an age file for `recipient` (header by age-encryption, payload sealed here). */
export async function encryptAge(
  source: AsyncIterable<Uint8Array>,
  recipient: Recipient,
  cipher = payloadCipher(),
): Promise<AsyncIterable<Uint8Array>> {
  const { header, fileKey } = await ageHeader(recipient);
  return (async function* () {
    yield header;
    yield* sealedPayload(source, fileKey, cipher);
  })();
}

/** The bytes of `source` after its first `count`. */
async function* after(source: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  let skip = count;
  for await (const chunk of source) {
    if (skip >= chunk.byteLength) {
      skip -= chunk.byteLength;
      continue;
    }
    yield skip === 0 ? chunk : chunk.subarray(skip);
    skip = 0;
  }
}

/** The length of the age header at the start of `head` (through its MAC line), or null if it does not end there. */
export function ageHeaderLength(head: Uint8Array): number | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const mac = bytes.indexOf('\n--- ');
  if (mac < 0) return null;
  const end = bytes.indexOf(0x0a, mac + 1);
  return end < 0 ? null : end + 1;
}

/**
 * Decrypts an age file: `head` holds at least its whole header, `file` is every byte of it from
 * the start. age-encryption reads the header and unwraps the file key with `identity` (an
 * Identity, or an `AGE-SECRET-KEY-1…` string; its errors are the library's, or the identity's
 * own); the payload is opened here.
 */
export async function decryptAge(
  head: Uint8Array,
  file: AsyncIterable<Uint8Array>,
  identity: Identity | string,
  cipher = payloadCipher(),
): Promise<AsyncIterable<Uint8Array>> {
  const length = ageHeaderLength(head);
  if (length === null) throw new AgePayloadError('the header does not end');
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const fileKey = await decrypter.decryptHeader(head.subarray(0, length));
  return piped(after(file, length), new AgePayloadDecryptor(fileKey, cipher)) as AsyncIterable<Uint8Array>;
}
