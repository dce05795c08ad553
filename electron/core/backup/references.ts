import type { ClientDocument } from '../../../shared/model/documents';

/**
 * The SHA-256 names of the attached files a client document references (`documents[].sha256`),
 * each once. Read loosely so that it also serves documents of versions before attachments.
 */
export function referencedDigests(document: ClientDocument): string[] {
  const attached = (document as { documents?: unknown }).documents;
  if (!Array.isArray(attached)) return [];
  const digests = attached.map((entry) => (entry as { sha256?: unknown } | null)?.sha256).filter((sha) => typeof sha === 'string');
  return [...new Set(digests)];
}

/** Every attached file a set of client documents references, each once. */
export function allReferencedDigests(documents: Iterable<ClientDocument>): string[] {
  const digests = new Set<string>();
  for (const document of documents) for (const sha of referencedDigests(document)) digests.add(sha);
  return [...digests];
}
