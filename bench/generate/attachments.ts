import type { AttachedDocument, DocumentLabel } from '../../shared/model/document-file';
import type { ClientDocument } from '../../shared/model/documents';
import { MEDIA_TYPES, writeAttachmentFile, type AttachmentKind } from './attachment-files';
import type { Random } from './random';
import { paragraph } from './text';
import { ORGANISATIONS, ROLES } from './vocabulary';

/** How many files the practice holds and how many bytes in all (the last file takes up any rounding). */
export interface AttachmentOptions {
  count: number;
  bytes: number;
}

/** About a thousand CVs, letters, job descriptions, scanned assessments and offers: 1 GiB in all. */
export const TEN_YEAR_ATTACHMENTS: AttachmentOptions = { count: 1000, bytes: 1024 * 1024 * 1024 };

interface LabelShape {
  label: DocumentLabel;
  weight: number;
  /** Size before scaling, in bytes: a range a coach's files of that kind fall in. */
  min: number;
  max: number;
  kinds: readonly AttachmentKind[];
}

const KB = 1024;
const MB = 1024 * 1024;

const LABELS: readonly LabelShape[] = [
  { label: 'cv', weight: 35, min: 80 * KB, max: 900 * KB, kinds: ['docx', 'pdf'] },
  { label: 'cover-letter', weight: 20, min: 40 * KB, max: 300 * KB, kinds: ['docx', 'pdf'] },
  { label: 'job-description', weight: 20, min: 60 * KB, max: 500 * KB, kinds: ['pdf'] },
  { label: 'assessment', weight: 10, min: 2 * MB, max: 20 * MB, kinds: ['pdf'] },
  { label: 'offer', weight: 5, min: 100 * KB, max: 1.5 * MB, kinds: ['pdf', 'docx'] },
  { label: 'other', weight: 10, min: 200 * KB, max: 6 * MB, kinds: ['pdf', 'docx'] },
];

const TITLES: Record<DocumentLabel, string> = {
  cv: 'CV',
  'cover-letter': 'Cover letter',
  'job-description': 'Job description',
  assessment: 'Assessment',
  offer: 'Offer',
  other: 'Notes',
};

/** One file to attach, drawn before any is written. */
export interface PlannedAttachment {
  clientIndex: number;
  label: DocumentLabel;
  kind: AttachmentKind;
  size: number;
}

function pickLabel(random: Random): LabelShape {
  let at = random.next() * LABELS.reduce((sum, shape) => sum + shape.weight, 0);
  for (const shape of LABELS) {
    at -= shape.weight;
    if (at < 0) return shape;
  }
  return LABELS[LABELS.length - 1];
}

/** Which client holds each file, what it is and how large, scaled so the sizes add up to `options.bytes`. */
export function planAttachments(random: Random, clients: number, options: AttachmentOptions): PlannedAttachment[][] {
  const drawn = Array.from({ length: options.count }, () => {
    const shape = pickLabel(random);
    return {
      clientIndex: random.int(0, clients - 1),
      label: shape.label,
      kind: random.pick(shape.kinds),
      size: random.int(shape.min, shape.max),
    };
  });
  const scale = options.bytes / drawn.reduce((sum, file) => sum + file.size, 0);
  let left = options.bytes;
  const byClient: PlannedAttachment[][] = Array.from({ length: clients }, () => []);
  drawn.forEach((file, index) => {
    const size = index === drawn.length - 1 ? Math.max(8 * KB, left) : Math.max(8 * KB, Math.round(file.size * scale));
    left -= size;
    byClient[file.clientIndex].push({ ...file, size });
  });
  return byClient;
}

/** The lines a file shows: its title, the client, and a few paragraphs cut to the page's width. */
function fileLines(random: Random, title: string, client: ClientDocument['client']): string[] {
  const words = paragraph(random, random.int(400, 1500)).split(' ');
  const lines = [title, client.name, `${client.currentRole}, ${client.organisation}`, ''];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > 90) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Writes the planned files of one client into `filesDir` and lists them in its `documents`
 * (a CV newer than another is its new version, oldest first), linking some to a session.
 */
export async function attachFiles(
  random: Random,
  document: ClientDocument,
  planned: readonly PlannedAttachment[],
  filesDir: string,
): Promise<{ bytes: number }> {
  const latest = new Map<DocumentLabel, string>();
  const versions = new Map<DocumentLabel, number>();
  const dates = planned.map(() => (document.sessions.length > 0 ? random.pick(document.sessions).createdAt : document.client.createdAt));
  dates.sort();
  let bytes = 0;
  for (const [index, file] of planned.entries()) {
    const version = (versions.get(file.label) ?? 0) + 1;
    versions.set(file.label, version);
    const about = file.label === 'job-description' ? random.pick(ROLES) : random.pick(ORGANISATIONS);
    const title = `${TITLES[file.label]} ${file.label === 'cv' ? `v${version}` : `— ${about}`}`;
    const written = await writeAttachmentFile(filesDir, file.kind, fileLines(random, title, document.client), random, file.size);
    bytes += written.size;
    const id = random.uuid();
    const attached: AttachedDocument = {
      id,
      createdAt: dates[index],
      updatedAt: dates[index],
      name: `${title}.${file.kind}`,
      label: file.label,
      mediaType: MEDIA_TYPES[file.kind],
      size: written.size,
      sha256: written.sha256,
      previousVersionId: file.label === 'cv' ? (latest.get('cv') ?? null) : null,
      sessionId: document.sessions.length > 0 && random.chance(0.2) ? random.pick(document.sessions).id : null,
      goalId: null,
      applicationId: null,
    };
    latest.set(file.label, id);
    document.documents.push(attached);
  }
  return { bytes };
}
