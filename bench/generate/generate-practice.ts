import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLIENTS_DIR, FILES_DIR, PRACTICE_FILE, clientFileName } from '../../electron/core/data-layout';
import { attachFiles, planAttachments, type AttachmentOptions } from './attachments';
import { generateClientDocument } from './client-document';
import { planClients } from './plan';
import { generatePracticeDocument } from './practice-document';
import { createRandom } from './random';
import { SCALE_COUNTS, type PracticeCounts, type Scale } from './scales';

export interface GenerateOptions {
  seed: number;
  scale: Scale;
  /** Attached files to write into files/ and list in the clients' documents; none when left out. */
  attachments?: AttachmentOptions | undefined;
}

export interface GeneratedPractice {
  dir: string;
  counts: PracticeCounts;
  /** Client ids in generation order, with each client's number of sessions. */
  clients: { id: string; sessions: number }[];
  /** Bytes written: practice.json plus every client file. */
  bytes: number;
  /** Attached files written, and their bytes. */
  files: { count: number; bytes: number };
}

/**
 * Writes a practice in the store's own format (compact JSON, one file per client) into `dir`,
 * which must be empty or not exist yet, with attached files in files/ when asked for. The same
 * seed, scale and attachment options always give the same bytes.
 */
export async function generatePractice(dir: string, options: GenerateOptions): Promise<GeneratedPractice> {
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) {
    throw new Error('The seed must be an integer from 0 to 4294967295.');
  }
  const counts = SCALE_COUNTS[options.scale];
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`Refusing to generate into ${dir}: it is not empty.`);
  await mkdir(join(dir, CLIENTS_DIR));

  const random = createRandom(options.seed);
  const practice = JSON.stringify(generatePracticeDocument(random.fork('practice')));
  await writeFile(join(dir, PRACTICE_FILE), practice);
  let bytes = Buffer.byteLength(practice);

  const clients: GeneratedPractice['clients'] = [];
  // The attachments draw from sources of their own, so the practice is the same with or without them.
  const attachmentsRandom = random.fork('attachments');
  const attachments = options.attachments ? planAttachments(attachmentsRandom.fork('plan'), counts.clients, options.attachments) : null;
  const files = { count: 0, bytes: 0 };
  if (attachments) await mkdir(join(dir, FILES_DIR));
  for (const plan of planClients(random.fork('plan'), counts)) {
    const document = generateClientDocument(random.fork(`client-${plan.index}`), plan);
    const planned = attachments?.[plan.index] ?? [];
    if (planned.length > 0) {
      const written = await attachFiles(attachmentsRandom.fork(`client-${plan.index}`), document, planned, join(dir, FILES_DIR));
      files.count += planned.length;
      files.bytes += written.bytes;
    }
    const text = JSON.stringify(document);
    await writeFile(join(dir, CLIENTS_DIR, clientFileName(document.client.id)), text);
    bytes += Buffer.byteLength(text);
    clients.push({ id: document.client.id, sessions: document.sessions.length });
  }
  return { dir, counts, clients, bytes, files };
}
