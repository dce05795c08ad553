import type { ClientDocument } from '../../../shared/model/documents';
import { referencedFiles } from '../files/file-store';

/** The SHA-256 names of the attached files a client document references, each once. */
export function referencedDigests(document: ClientDocument): string[] {
  return [...new Set(referencedFiles(document).map((file) => file.sha256))];
}

/** Every attached file a set of client documents references, each once. */
export function allReferencedDigests(documents: Iterable<ClientDocument>): string[] {
  const digests = new Set<string>();
  for (const document of documents) for (const sha of referencedDigests(document)) digests.add(sha);
  return [...digests];
}
