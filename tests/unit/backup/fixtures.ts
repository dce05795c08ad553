import { createCipheriv, createHash, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CACHE_DIR } from '../../../electron/core/data-layout';
import { CLIENT_DOCUMENT_VERSION, ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import { emptyPracticeDocument } from '../../../electron/core/store-open';
import { encodePayload } from '../../../electron/core/backup/payload';
import { writeBackup } from '../../../electron/core/backup/write-backup';

const AT = '2026-02-01T10:00:00.000Z';

/** A client document with at least one record of every kind, valid against the real schema. */
export function clientDocument(name: string, extraSessions = 0): ClientDocument {
  const sessionId = randomUUID();
  const goalId = randomUUID();
  const record = () => ({ id: randomUUID(), createdAt: AT, updatedAt: AT });
  const session = (id: string) => ({
    ...record(),
    id,
    startsAt: AT,
    durationMinutes: 60,
    mode: 'video' as const,
    location: '',
    status: 'held' as const,
    reconfirmedAt: null,
    materialsSentAt: null,
    notes: `Talked with ${name} about "next steps" — ünïcödé ✓ <img src=x onerror=alert(1)>`,
    reflection: { signs: ['filled-silences' as const], habits: ['asked-open-questions' as const], text: 'Listened more.', updatedAt: AT },
    agendaSentAt: AT,
    recapSentAt: null,
    billing: 'pro-bono' as const,
    groupSize: 1,
    calendarUid: `${id}@calendar.example`,
  });
  const clientQuestionId = randomUUID();
  const criterionId = randomUUID();
  return ClientDocument.parse({
    schemaVersion: CLIENT_DOCUMENT_VERSION,
    client: {
      ...record(),
      name,
      preferredName: name.split(' ')[0],
      pronouns: '',
      email: 'someone@example.com',
      phone: '',
      currentRole: 'Analyst',
      targetRole: 'Lead',
      organisation: 'Northwind',
      status: 'active',
      tags: ['career change'],
      startDate: '2026-01-15',
      background: 'Ten years in analytics.',
      timeZone: 'Europe/London',
      billing: 'paid',
      terminology: [],
      notes: [],
      statusBeforeArchive: null,
      archivedAt: null,
    },
    sessions: [session(sessionId), ...Array.from({ length: extraSessions }, () => session(randomUUID()))],
    agendas: [
      {
        ...record(),
        sessionId,
        goals: [{ id: randomUUID(), text: 'Leave with a plan', met: 'partly' }],
        items: [{ id: randomUUID(), title: 'CV review', details: '', minutes: 20, proposedBy: 'client', goalId, outcome: 'Done' }],
        sharedAt: null,
        reviewedWithClientAt: null,
        history: [],
      },
    ],
    goals: [
      {
        ...record(),
        id: goalId,
        title: 'Land a lead role',
        why: 'Growth',
        targetDate: '2026-12-31',
        status: 'active',
        steps: [{ ...record(), text: 'Update CV', owner: 'client', dueDate: null, done: true, doneAt: AT }],
      },
    ],
    commitments: [{ ...record(), text: 'Send CV', owner: 'client', dueDate: '2026-02-08', doneAt: null, sessionId }],
    assessments: [
      { ...record(), date: '2026-02-01', source: 'coach', credibility: 7, reliability: 8, intimacy: 6, selfOrientation: 3, note: '' },
    ],
    questionsAsked: [{ id: randomUUID(), questionId: 'values-1', askedAt: AT, note: 'Family first' }],
    intimacy: {
      clientQuestions: [{ ...record(), id: clientQuestionId, text: `What would ${name} never say to a manager?`, personal: true }],
      phrasings: [
        {
          ...record(),
          questionId: clientQuestionId,
          versions: ['What stays unsaid at work?', 'Is there something you keep from your manager?'],
          chosen: 1,
          wayOut: 'We can skip this one — no explanation needed.',
        },
      ],
      sessions: [
        {
          ...record(),
          sessionId,
          questions: [{ questionId: clientQuestionId, asked: true, wayOutGiven: true }],
          firstMove: 'My own first redundancy, and what I got wrong.',
          firstMoveMade: true,
          clientResponse: 'Opened up about the reorganisation.',
          heldBack: true,
          heldBackWhy: 'It felt too early to mention the salary gap.',
          reflectedAt: AT,
        },
      ],
    },
    jobSearch: {
      criteria: [{ id: criterionId, label: 'Time with family', weight: 5 }],
      applications: [
        {
          ...record(),
          organisation: `${name}'s next employer — Ünïcödé GmbH`,
          role: 'Director of Analytics',
          link: 'https://jobs.example/director?ref=<script>',
          source: 'network' as const,
          notes: 'Met the hiring manager at a meetup.',
          stage: 'offer' as const,
          stageHistory: [
            { stage: 'applied' as const, at: AT },
            { stage: 'offer' as const, at: AT },
          ],
          contacts: [{ id: randomUUID(), name: 'Ana Ruiz', role: 'Hiring manager', email: 'ana@example.com', phone: '+44 20 7946 0000' }],
          nextAction: { text: 'Ask for the offer in writing', dueDate: '2026-02-05', doneAt: null },
          cvDocumentId: null,
          coverLetterDocumentId: null,
          offer: {
            salary: '£82,000',
            bonus: '10%',
            benefits: 'Pension 8%',
            startDate: '2026-04-01',
            ratings: [{ criterionId, score: 4 }],
            notes: '',
          },
        },
      ],
    },
    documents: [],
  });
}

export function practiceDocument(coachName: string): PracticeDocument {
  const practice = emptyPracticeDocument();
  practice.settings.coachName = coachName;
  return PracticeDocument.parse(practice);
}

/** Writes documents into a data directory that has not been opened yet. */
export async function seedDataDir(dataDir: string, practice: PracticeDocument, clients: readonly ClientDocument[]): Promise<void> {
  await mkdir(join(dataDir, 'clients'), { recursive: true });
  await writeFile(join(dataDir, 'practice.json'), JSON.stringify(practice));
  for (const document of clients) await writeFile(join(dataDir, 'clients', `${document.client.id}.json`), JSON.stringify(document));
}

/**
 * Every file and folder under `dir` with a hash of its bytes, to prove nothing changed. The text
 * cache (`cache/`) is left out: it is derived from the attached files and written in the
 * background after open, whenever the search index gets to them.
 */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const name of (await readdir(current)).sort()) {
      const path = join(current, name);
      const key = relative(dir, path);
      if (current === dir && name === CACHE_DIR) continue;
      if ((await stat(path)).isDirectory()) {
        result[`${key}/`] = 'dir';
        await walk(path);
      } else {
        result[key] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
      }
    }
  }
  await walk(dir);
  return result;
}

/** The documents on disk, as the store would read them, keyed for comparison. */
export async function documentsOnDisk(dataDir: string): Promise<{ practice: unknown; clients: Record<string, unknown> }> {
  const clients: Record<string, unknown> = {};
  for (const name of await readdir(join(dataDir, 'clients'))) {
    clients[name] = JSON.parse(await readFile(join(dataDir, 'clients', name), 'utf8'));
  }
  return { practice: JSON.parse(await readFile(join(dataDir, 'practice.json'), 'utf8')), clients };
}

export function expectedDocuments(practice: PracticeDocument, clients: readonly ClientDocument[]) {
  return { practice, clients: Object.fromEntries(clients.map((document) => [`${document.client.id}.json`, document])) };
}

/**
 * The same backup as format version 1 wrote it, from a plain backup of today's format: plain,
 * or encrypted as version 1 did (description in clear and bound as associated data, N = 2^15).
 * Kept so that every format the app still reads stays tested.
 */
export function formatOneBackup(plainText: string, passphrase?: string): string {
  const { payload, ...header } = JSON.parse(plainText) as { payload: unknown; format: string; appVersion: string; createdAt: string };
  const described = { ...header, formatVersion: 1 };
  const payloadText = plainText.slice(plainText.indexOf(',"payload":') + ',"payload":'.length, plainText.trimEnd().length - 1);
  if (JSON.stringify(JSON.parse(payloadText)) !== JSON.stringify(payload)) throw new Error('unexpected plain backup layout');
  if (passphrase === undefined) return `${JSON.stringify(described).slice(0, -1)},"payload":${payloadText}}\n`;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const derived = scryptSync(passphrase.normalize('NFC'), salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const cipher = createCipheriv('aes-256-gcm', derived.subarray(0, 32), nonce);
  cipher.setAAD(Buffer.from(JSON.stringify([described.format, 1, described.appVersion, described.createdAt]), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(payloadText, 'utf8'), cipher.final()]);
  const encryption = {
    cipher: 'aes-256-gcm',
    kdf: 'scrypt',
    N: 2 ** 15,
    r: 8,
    p: 1,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    keyCheck: createHash('sha256').update(derived.subarray(32)).digest('base64'),
  };
  return `${JSON.stringify({ ...described, encryption, payload: ciphertext.toString('base64') })}\n`;
}

/**
 * Writes a backup in the JSON envelope of format 2 (what Rapport wrote before format 3) of the
 * documents in `workspace`'s data directory, with the writer that made them, so that tests of
 * reading formats 1 and 2 keep files of those formats.
 */
export async function createJsonBackup(
  workspace: { dataDir: string },
  filePath: string,
  options: { passphrase?: string; createdAt?: string } = {},
): Promise<void> {
  const stored = async (path: string) => {
    const bytes = await readFile(path);
    return { path, data: JSON.parse(bytes.toString('utf8')) as never, digest: createHash('sha256').update(bytes).digest() };
  };
  const clientsDir = join(workspace.dataDir, 'clients');
  const names = (await readdir(clientsDir)).filter((name) => name.endsWith('.json')).sort();
  const documents = {
    practice: await stored(join(workspace.dataDir, 'practice.json')),
    clients: await Promise.all(names.map((name) => stored(join(clientsDir, name)))),
  };
  await writeBackup(filePath, encodePayload(documents), {
    appVersion: '0.0.0-dev',
    createdAt: options.createdAt ?? '2026-03-02T09:00:00.000Z',
    passphrase: options.passphrase,
  });
}
