/** Characters no file name may hold on Windows, macOS or Linux, and every control character. */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;
/** Invisible direction marks and overrides: they can make `txt.exe` look like `exe.txt`. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Names Windows keeps for devices, whatever follows the first dot. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export const DEFAULT_MAX_FILE_NAME_LENGTH = 80;

export interface SafeFileNameOptions {
  /** Appended after shortening, e.g. `.pdf`; the whole name stays within maxLength. */
  extension?: string;
  /** In UTF-16 code units, as file systems and the desktop contract count them. */
  maxLength?: number;
  /** Used when nothing usable is left of the name. */
  fallback?: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts at a grapheme boundary, so no emoji or accented letter is split in half. */
function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let kept = '';
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length + segment.length > maxLength) break;
    kept += segment;
  }
  return kept;
}

function clean(text: string): string {
  return text.normalize('NFC').replace(BIDI_CONTROLS, '').replace(FORBIDDEN, ' ').replace(/\s+/gu, ' ').trim();
}

/** Windows drops trailing dots and spaces, and leading dots hide a file on macOS and Linux. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/gu, '');
}

/**
 * A default file name built from text the coach typed (a client's name, a goal's title) that every
 * desktop OS accepts and the desktop contract lets through: no folders, no reserved characters or
 * device names, no control or direction characters, and short enough for any save dialog.
 */
export function safeFileName(name: string, options: SafeFileNameOptions = {}): string {
  const extension = options.extension ?? '';
  const maxLength = Math.max((options.maxLength ?? DEFAULT_MAX_FILE_NAME_LENGTH) - extension.length, 1);
  let base = trimEnds(shorten(trimEnds(clean(name)), maxLength));
  if (base === '') base = trimEnds(shorten(trimEnds(clean(options.fallback ?? 'Rapport')), maxLength)) || 'Rapport';
  if (RESERVED.test(base.split('.')[0].trim())) base = shorten(base, maxLength - 1).replace(/^[^.]*/u, (stem) => `${stem.trimEnd()}_`);
  return `${base}${extension}`;
}

/** Whether a name is one safeFileName could have produced: what main accepts as a default name. */
export function isSafeFileName(name: string, maxLength = 120): boolean {
  if (name.length === 0 || name.length > maxLength) return false;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9-]{1,20}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  return safeFileName(name.slice(0, name.length - extension.length), { extension, maxLength }) === name;
}
