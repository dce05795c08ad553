import { fileTypeFromBuffer } from 'file-type/core';
import { extname } from 'node:path';

/** How many bytes of a file's start are enough to tell its type. */
export const SNIFF_BYTES = 4100;

/**
 * Extensions the system would run rather than show: programs, installers, scripts, shortcuts, and
 * pages that run their own code when a browser opens them. A document of one of these types is
 * never opened by Rapport, only saved.
 */
const EXECUTABLE_EXTENSIONS = new Set(
  (
    'exe com bat cmd msi msp msc scr pif cpl dll sys drv ocx ps1 psm1 psd1 vbs vbe js jse mjs cjs wsf wsh ws hta reg inf lnk url ' +
    'scf jar class apk app dmg pkg mpkg command tool workflow action sh bash zsh csh ksh fish py pyw pyc rb pl php lua tcl ' +
    'run bin elf out so dylib deb rpm appimage snap flatpak desktop html htm xhtml shtml mht mhtml svg svgz xml xsl swf wasm ' +
    'iso img vhd vhdx docm xlsm pptm dotm xltm potm ppsm sldm xlam ppam'
  ).split(' '),
);

/** Sniffed types that are programs or code, whatever the file's name says. */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-executable',
  'application/java-archive',
  'application/x-java-archive',
  'application/wasm',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/x-ms-regedit',
  'application/x-msi',
  'application/x-google-chrome-extension',
  'application/x-xpinstall',
  'application/x-shockwave-flash',
  'application/x-asar',
  'application/x-sh',
  'text/html',
  'image/svg+xml',
]);

/** Types by extension, for what has no signature to sniff (plain text) or where the name is all there is. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  rtf: 'application/rtf',
  json: 'application/json',
  eml: 'message/rfc822',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
  sh: 'application/x-sh',
};

const OCTET_STREAM = 'application/octet-stream';

export function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase();
}

/** A script names its interpreter on its first line (`#!/bin/sh`); text files never start so. */
function isShebang(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x23 && head[1] === 0x21;
}

/** Whether a byte prefix reads as text: valid UTF-8 with no NUL (the last few bytes may be cut mid-character). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(head.subarray(0, Math.max(0, head.length - 4)), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A UTF-16 byte-order mark, which Windows editors write at the start of "Unicode" text files. */
function hasUtf16Mark(head: Uint8Array): boolean {
  return head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/**
 * The media type of a file from its first bytes, and its name where the bytes say nothing: a
 * signature wins over the name (a PDF called `cv.txt` is a PDF), and a script's first line makes
 * it a script.
 */
export async function sniffMediaType(name: string, head: Uint8Array): Promise<string> {
  if (isShebang(head)) return 'application/x-sh';
  const sniffed = await fileTypeFromBuffer(head).catch(() => undefined);
  const byName = TYPES_BY_EXTENSION[extensionOf(name)];
  // The sniffer takes FF FE for the start of an MP3 frame; named as text, it is UTF-16 text.
  if (byName?.startsWith('text/') && byName !== 'text/html' && hasUtf16Mark(head)) return byName;
  if (sniffed) {
    // Office files are ZIP archives: the name tells which one when the sniffer stops at "zip".
    if (sniffed.mime === 'application/zip' && byName?.startsWith('application/vnd.openxmlformats')) return byName;
    return sniffed.mime;
  }
  if (byName) return byName;
  return looksLikeText(head) ? 'text/plain' : OCTET_STREAM;
}

/** Whether Rapport may hand a file of this name and type to the system to open. */
export function isOpenable(name: string, mediaType: string): boolean {
  return !EXECUTABLE_EXTENSIONS.has(extensionOf(name)) && !EXECUTABLE_TYPES.has(mediaType);
}
