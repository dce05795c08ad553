import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ClientDocument } from '../../../shared/model/documents';
import { extractText } from './extract-text';
import { storedFilePath } from './file-store';

/** Files larger than this are not read for their text: a 100 MB scan holds no text to find. */
const MAX_EXTRACT_BYTES = 30 * 1024 * 1024;

/**
 * The text of stored files, keyed by digest, extracted in the background one file at a time so
 * that search finds a CV by the skills it mentions. A file that cannot be read or parsed, or
 * whose bytes no longer match their digest, is remembered as having no text.
 */
export class DocumentTexts {
  private readonly texts = new Map<string, string>();
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  /** Counts the texts found so far; an index built at an older count may be missing some. */
  version = 0;

  constructor(
    private readonly dataDir: string,
    private readonly onText: () => void = () => undefined,
  ) {}

  textOf(sha256: string): string | undefined {
    return this.texts.get(sha256);
  }

  /** Starts extracting the files of these clients not read yet; resolves once all are done. */
  extract(clients: readonly ClientDocument[]): Promise<void> {
    const pending = new Map<string, string>();
    for (const client of clients) {
      for (const attached of client.documents) {
        if (!this.texts.has(attached.sha256) && attached.size <= MAX_EXTRACT_BYTES) pending.set(attached.sha256, attached.mediaType);
      }
    }
    this.running = this.running.then(async () => {
      for (const [sha256, mediaType] of pending) {
        if (this.closed || this.texts.has(sha256)) continue;
        this.texts.set(sha256, await this.read(sha256, mediaType));
        this.version += 1;
        this.onText();
      }
    });
    return this.running;
  }

  private async read(sha256: string, mediaType: string): Promise<string> {
    const bytes = await readFile(storedFilePath(this.dataDir, sha256)).catch(() => null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) return '';
    return extractText(bytes, mediaType).catch((error: unknown) => {
      console.error('[rapport] reading a document’s text for search failed:', error);
      return '';
    });
  }

  close(): void {
    this.closed = true;
  }
}
