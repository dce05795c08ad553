import type { DocumentView } from '../../../../shared/api/documents';

/** One document and its earlier versions, newest first (CV v3, v2, v1). */
export interface VersionChain {
  newest: DocumentView;
  versions: DocumentView[];
}

/**
 * Groups documents into their version chains. Main keeps every chain simple (no forks, no
 * loops), so each chain starts at the one version nothing follows; chains keep the order of
 * their newest version in main's newest-first list.
 */
export function versionChains(documents: readonly DocumentView[]): VersionChain[] {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const followed = new Set(documents.map((document) => document.previousVersionId).filter((id) => id !== null));
  const chains: VersionChain[] = [];
  for (const newest of documents) {
    if (followed.has(newest.id)) continue;
    const versions: DocumentView[] = [];
    const seen = new Set<string>();
    for (let current: DocumentView | undefined = newest; current && !seen.has(current.id);) {
      seen.add(current.id);
      versions.push(current);
      current = current.previousVersionId === null ? undefined : byId.get(current.previousVersionId);
    }
    chains.push({ newest, versions });
  }
  return chains;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'];

/** A size as a coach reads it: "840 bytes", "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} ${value === 1 ? 'byte' : 'bytes'}` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/msword': 'Word',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'text/plain': 'Text',
  'text/markdown': 'Text',
  'text/csv': 'Table (CSV)',
  'application/zip': 'ZIP archive',
};

/** A media type in plain words: "PDF", "Word", "PNG image". */
export function typeName(mediaType: string): string {
  const known = TYPE_NAMES[mediaType];
  if (known) return known;
  const [kind, sub = ''] = mediaType.split('/');
  if (kind === 'image') return `${sub.replace(/^x-/, '').toUpperCase()} image`;
  if (kind === 'text') return 'Text';
  return sub.replace(/^(x-|vnd\.)/, '').toUpperCase() || 'File';
}

/** Images the page can show from their bytes (SVG stays out: it can carry scripts). */
export const PREVIEWABLE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** What the preview shows: those images, and PDFs (drawn by pdf.js, which never runs a PDF's scripts). */
export const PREVIEWABLE_TYPES = new Set([...PREVIEWABLE_IMAGES, 'application/pdf']);
