import { z } from 'zod';
import { Id, ShortText, recordFields } from './primitives';

/** What a document is to the coaching: the choices of the label menu, in its order. */
export const DOCUMENT_LABELS = ['cv', 'cover-letter', 'job-description', 'assessment', 'offer', 'other'] as const;
export const DocumentLabel = z.enum(DOCUMENT_LABELS, { error: 'Please choose a label.' });
export type DocumentLabel = z.infer<typeof DocumentLabel>;

export const DOCUMENT_LABEL_NAMES: Record<DocumentLabel, string> = {
  cv: 'CV',
  'cover-letter': 'Cover letter',
  'job-description': 'Job description',
  assessment: 'Assessment',
  offer: 'Offer',
  other: 'Other',
};

/** The largest file a coach can attach: 100 MB, far above any CV or scan and small enough to back up. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;
/** How many documents one client file holds at most. */
export const MAX_DOCUMENTS = 2000;

/** A SHA-256 digest in its one stored form, 64 lower-case hex digits: it names the file in `files/`. */
export const SHA256 = /^[0-9a-f]{64}$/;
export const Sha256 = z.string().regex(SHA256, { error: 'This file reference is not valid.' });

/** A media type such as `application/pdf`, as sniffed or guessed when the file was attached. */
export const MediaType = z
  .string()
  .max(127)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, { error: 'This file type is not valid.' });

export const documentFields = {
  name: ShortText.trim().min(1, { error: 'Please enter a name for the document.' }),
  label: DocumentLabel,
};

/**
 * One file attached to a client. The bytes live in `files/<sha256>` of the data folder, shared by
 * every document that holds the same bytes; this record is what the coach sees and edits.
 */
export const AttachedDocument = z.strictObject({
  ...recordFields,
  ...documentFields,
  mediaType: MediaType,
  size: z.number().int().min(1).max(MAX_DOCUMENT_BYTES),
  sha256: Sha256,
  /** The document this one is a newer version of (CV v1 → v2 → v3), in the same client file. */
  previousVersionId: Id.nullable(),
  sessionId: Id.nullable(),
  goalId: Id.nullable(),
  applicationId: Id.nullable(),
});
export type AttachedDocument = z.infer<typeof AttachedDocument>;
