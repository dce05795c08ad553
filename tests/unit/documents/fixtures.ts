import { createHash, randomUUID } from 'node:crypto';
import type { AttachedDocument } from '../../../shared/model/document-file';

const AT = '2026-11-01T09:00:00.000Z';

/** A document record of `text`'s bytes, linked to nothing unless `fields` say so. */
export function attached(text: string, fields: Partial<AttachedDocument> = {}): AttachedDocument {
  return {
    id: randomUUID(),
    createdAt: AT,
    updatedAt: AT,
    name: 'CV.pdf',
    label: 'cv',
    mediaType: 'application/pdf',
    size: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    previousVersionId: null,
    sessionId: null,
    goalId: null,
    applicationId: null,
    ...fields,
  };
}
