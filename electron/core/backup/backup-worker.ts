import { Worker } from 'node:worker_threads';
import { exceededJsonBound, type JsonBounds } from './json-bounds';
import { payloadSpans } from './payload-spans';
import { workerAnswer } from './worker-answer';
import type * as NodeCrypto from 'node:crypto';
import type * as NodeFs from 'node:fs';

/*
 * A backup file is untrusted: whoever made it chooses its size, its structure and its key
 * derivation. Everything that costs in proportion to what the file says — reading it, parsing
 * it, deriving the key and decrypting — runs here, in a worker thread with its own small heap
 * (resourceLimits). A file that still manages to exhaust that heap ends the worker, not the
 * app, and is refused as too large or too complex. The worker hands back only the envelope's
 * small header, the payload's bytes, already proven to parse within the limits, and where each
 * document lies in them: the app then parses each document on its own, once, and never the
 * payload as a whole (an object graph cannot cross threads for less than JSON.parse costs).
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

export interface WorkerInput {
  fd: number;
  size: number;
  passphrase: string | null;
  bounds: JsonBounds;
  format: string;
  currentVersion: number;
  /** The key derivation each format version is written with; any other is refused before deriving. */
  kdfByVersion: Record<number, KdfParams>;
}

export type WorkerFailure = 'not-a-backup' | 'damaged' | 'newer' | 'too-complex' | 'passphrase-required' | 'wrong-passphrase' | 'empty';

export type WorkerResult =
  | {
      ok: true;
      /** The envelope's fields but the payload; for an encrypted file of version 2, with those it keeps inside the encryption. */
      header: Record<string, unknown>;
      /** The payload's JSON text: `length` bytes from `offset` of this buffer. */
      payload: ArrayBuffer;
      offset: number;
      length: number;
      /** Where each document lies in the payload (see payload-spans.ts), or null when it is not laid out as Rapport writes it. */
      spans: number[] | null;
      /** SHA-256 (hex) of those bytes. */
      digest: string;
    }
  | { ok: false; reason: WorkerFailure };

type Require = (id: string) => unknown;
interface ThreadsModule {
  parentPort: { postMessage(value: unknown, transfer?: ArrayBuffer[]): void };
  workerData: WorkerInput;
}

/**
 * The worker's whole program. It runs from its source text (so that it needs no file of its own
 * in the bundle), so it uses nothing from outside but its arguments: bundlers and test runners
 * rename what a module imports, which its source text would then not find.
 */
function backupWorkerMain(
  threads: ThreadsModule,
  load: Require,
  exceedsBound: typeof exceededJsonBound,
  findSpans: typeof payloadSpans,
): void {
  const fs = load('node:fs') as typeof NodeFs;
  const crypto = load('node:crypto') as typeof NodeCrypto;
  const input = threads.workerData;
  // No class here: compilers may lift class-field helpers out of the function, where its source text would not find them.
  const refuse = (reason: WorkerFailure): never => {
    throw Object.assign(new Error(reason), { refusal: reason });
  };
  const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
  const bounded = (bytes: Uint8Array) => {
    if (exceedsBound(bytes, input.bounds) !== null) refuse('too-complex');
  };
  const parse = (bytes: Buffer, damaged: () => WorkerFailure): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return refuse(damaged());
    }
  };
  const base64 = (value: unknown, length: number): Buffer => {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return refuse('damaged');
    const bytes = Buffer.from(value, 'base64');
    return bytes.length === length ? bytes : refuse('damaged');
  };
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  function read(): Buffer {
    const bytes = Buffer.alloc(input.size);
    let at = 0;
    while (at < input.size) {
      const count = fs.readSync(input.fd, bytes, at, input.size - at, at);
      if (count === 0) break;
      at += count;
    }
    return bytes.subarray(0, at);
  }

  /** The payload's own bytes when the file is laid out as Rapport writes it (payload last), else its serialisation. */
  function plainPayloadBytes(file: Buffer, header: Record<string, unknown>, payload: unknown): Buffer {
    const opening = Buffer.from(`${JSON.stringify(header).slice(0, -1)},"payload":`);
    let end = file.length;
    while (end > 0 && (file[end - 1] === 0x0a || file[end - 1] === 0x0d || file[end - 1] === 0x20)) end -= 1;
    if (file.subarray(0, opening.length).equals(opening) && file[end - 1] === 0x7d) return file.subarray(opening.length, end - 1);
    return Buffer.from(JSON.stringify(payload));
  }

  function decrypt(version: number, envelope: Record<string, unknown>, ciphertext: Buffer, aad: Buffer): Buffer {
    const encryption = envelope.encryption;
    if (!isRecord(encryption) || encryption.cipher !== 'aes-256-gcm' || encryption.kdf !== 'scrypt') return refuse('damaged');
    const kdf = input.kdfByVersion[version];
    // The cost of deriving the key is the format's, never the file's.
    if (!kdf || encryption.N !== kdf.N || encryption.r !== kdf.r || encryption.p !== kdf.p) return refuse('damaged');
    const salt = base64(encryption.salt, 16);
    const nonce = base64(encryption.nonce, 12);
    const tag = base64(encryption.tag, 16);
    const keyCheck = base64(encryption.keyCheck, 32);
    if (input.passphrase === null) return refuse('passphrase-required');
    const derived = crypto.scryptSync(input.passphrase.normalize('NFC'), salt, 64, {
      N: kdf.N,
      r: kdf.r,
      p: kdf.p,
      maxmem: 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024,
    });
    const check = crypto.createHash('sha256').update(derived.subarray(32)).digest();
    if (!crypto.timingSafeEqual(check, keyCheck)) return refuse('wrong-passphrase');
    const decipher = crypto.createDecipheriv('aes-256-gcm', derived.subarray(0, 32), nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      // Decoded a few megabytes at a time: the whole ciphertext as one string would double the heap it needs.
      const pieces: Buffer[] = [];
      const step = 4 * 1024 * 1024;
      for (let at = 0; at < ciphertext.length; at += step)
        pieces.push(decipher.update(Buffer.from(ciphertext.toString('latin1', at, at + step), 'base64')));
      pieces.push(decipher.final());
      return Buffer.concat(pieces);
    } catch {
      return refuse('damaged');
    }
  }

  const isBase64Byte = (byte: number) =>
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2b ||
    byte === 0x2f ||
    byte === 0x3d;

  /**
   * An encrypted file as Rapport writes it, `{…,"payload":"<base64>"}`: the envelope without its
   * payload, and where the base64 lies. Parsing it whole would put the ciphertext in the heap
   * as a string as large as the file. Null for any other layout, which is then parsed whole.
   */
  function splitEncrypted(file: Buffer): { head: Buffer; start: number; end: number } | null {
    let end = file.length;
    while (end > 0 && (file[end - 1] === 0x0a || file[end - 1] === 0x0d || file[end - 1] === 0x20)) end -= 1;
    if (file[end - 1] !== 0x7d || file[end - 2] !== 0x22) return null;
    const marker = Buffer.from(',"payload":"');
    const at = file.lastIndexOf(marker, end);
    if (at < 0) return null;
    const start = at + marker.length;
    for (let index = start; index < end - 2; index += 1) if (!isBase64Byte(file[index])) return null;
    return { head: Buffer.concat([file.subarray(0, at), Buffer.from('}')]), start, end: end - 2 };
  }

  function open(): { header: Record<string, unknown>; payload: Buffer; parsed: boolean } {
    const file = read();
    if (file.length === 0) return refuse('empty');
    // A file cut short while copying still starts like a backup.
    const startsLikeBackup = () => file.subarray(0, 64).toString('latin1').trimStart().startsWith(`{"format":"${input.format}"`);
    if (exceedsBound(file, input.bounds) !== null) return refuse(startsLikeBackup() ? 'too-complex' : 'not-a-backup');
    const split = splitEncrypted(file);
    const parsed = parse(split ? split.head : file, () => (startsLikeBackup() ? 'damaged' : 'not-a-backup'));
    if (split && isRecord(parsed) && 'payload' in parsed) return refuse('damaged');
    const ciphertext = (): Buffer => {
      if (split) return file.subarray(split.start, split.end);
      const text = isRecord(parsed) ? parsed.payload : undefined;
      if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return refuse('damaged');
      return Buffer.from(text, 'latin1');
    };
    if (!isRecord(parsed) || parsed.format !== input.format) return refuse('not-a-backup');
    const version = parsed.formatVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('damaged');
    if (version > input.currentVersion) return refuse('newer');
    const { payload, ...header } = parsed;
    if (header.encryption === null) {
      // Checked in full by the app; this spares hashing and handing over a payload whose description is already wrong.
      if (!isRecord(payload) || typeof header.payloadSha256 !== 'string' || !isRecord(header.counts)) return refuse('damaged');
      return { header, payload: plainPayloadBytes(file, header, payload), parsed: true };
    }
    if (version === 1) {
      // Version 1 kept the description in clear and bound it to the ciphertext.
      const aad = Buffer.from(JSON.stringify([header.format, header.formatVersion, header.appVersion, header.createdAt]), 'utf8');
      const plaintext = decrypt(version, parsed, ciphertext(), aad);
      bounded(plaintext);
      return { header, payload: plaintext, parsed: false };
    }
    // From version 2 the clear envelope holds only what decrypting needs; the rest is the first line inside.
    if (Object.keys(header).length !== 3) return refuse('damaged');
    const encryption = header.encryption as Record<string, unknown>;
    const aad = Buffer.from(
      JSON.stringify([header.format, header.formatVersion, encryption.N, encryption.r, encryption.p, encryption.salt, encryption.nonce]),
      'utf8',
    );
    const plaintext = decrypt(version, parsed, ciphertext(), aad);
    bounded(plaintext);
    const newline = plaintext.indexOf(0x0a);
    if (newline < 0) return refuse('damaged');
    const inner = parse(plaintext.subarray(0, newline), () => 'damaged');
    if (!isRecord(inner) || 'format' in inner || 'formatVersion' in inner || 'encryption' in inner || 'payload' in inner)
      return refuse('damaged');
    return { header: { ...header, ...inner }, payload: plaintext.subarray(newline + 1), parsed: false };
  }

  try {
    const { header, payload, parsed } = open();
    // Parsed here once (a plain file was, whole), under this heap's limit, before the app parses its documents one by one.
    if (!parsed) parse(payload, () => 'damaged');
    const spans = findSpans(payload);
    const digest = sha256(payload);
    // Moved rather than copied: only a small buffer may be a slice of Node's shared allocation pool, and that one is copied.
    const own = payload.byteLength > Buffer.poolSize ? payload : new Uint8Array(payload);
    const buffer = own.buffer as ArrayBuffer;
    threads.parentPort.postMessage({ ok: true, header, payload: buffer, offset: own.byteOffset, length: own.byteLength, spans, digest }, [
      buffer,
    ]);
  } catch (error) {
    const reason = (error as { refusal?: WorkerFailure }).refusal;
    if (reason === undefined) throw error;
    threads.parentPort.postMessage({ ok: false, reason });
  }
}

const WORKER_SOURCE = `(${backupWorkerMain.toString()})(require('node:worker_threads'), require, ${exceededJsonBound.toString()}, ${payloadSpans.toString()});`;

/**
 * Heap for the worker: JSON.parse of the largest backup accepted (MAX_BACKUP_BYTES) fits, a
 * file built to blow up does not. Memory outside the heap (the file's bytes, scrypt's 128 MiB)
 * is bounded by the size cap and the fixed key derivation.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 16, stackSizeMb: 4 };

/** Thrown when the worker died (ran out of its heap, or any other way): the file is refused, the app goes on. */
export class WorkerDiedError extends Error {}

/** Reads, bounds, parses and (with a passphrase) decrypts the backup open at `fd`, in a worker. */
export function openInWorker(input: WorkerInput): Promise<WorkerResult> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: input,
    resourceLimits: RESOURCE_LIMITS,
    stdout: false,
    stderr: false,
  });
  return workerAnswer(worker, (reason) => new WorkerDiedError(reason));
}
