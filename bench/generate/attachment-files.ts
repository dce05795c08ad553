import { createCipheriv, createHash, type Hash } from 'node:crypto';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Random } from './random';

/*
 * Real PDF and DOCX files of a chosen size, written as a stream (a megabyte at a time, never whole
 * in memory). Each holds a page of text, so text extraction finds it, and a bulk of
 * incompressible bytes standing for a scan or a photo (a PDF image stream, a DOCX media part), so
 * that sizes are as realistic as the bytes a backup must carry. The bulk is an AES-256-CTR
 * keystream keyed from the seeded source: the same source gives the same bytes, at the speed of
 * the machine's AES.
 */

export type AttachmentKind = 'pdf' | 'docx';

export const MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const CHUNK = 1024 * 1024;
const ZEROS = Buffer.alloc(CHUNK);

/** The bulk: `length` pseudo-random bytes from `random`, in pieces of at most a megabyte. */
function* bulk(random: Random, length: number): Generator<Buffer> {
  const key = Buffer.alloc(48);
  for (let at = 0; at < key.length; at += 4) key.writeUInt32BE(random.int(0, 0xffff_ffff), at);
  const cipher = createCipheriv('aes-256-ctr', key.subarray(0, 32), key.subarray(32));
  for (let left = length; left > 0; left -= CHUNK) yield cipher.update(left >= CHUNK ? ZEROS : ZEROS.subarray(0, left));
}

/** Writes pieces in order to a file, hashing and counting them. */
class HashedWriter {
  readonly hash: Hash = createHash('sha256');
  size = 0;

  constructor(private readonly handle: FileHandle) {}

  async write(piece: Buffer): Promise<void> {
    this.hash.update(piece);
    this.size += piece.byteLength;
    let at = 0;
    while (at < piece.byteLength) at += (await this.handle.write(piece, at)).bytesWritten;
  }
}

/** PDF text in WinAnsi: accents folded away, anything else outside printable ASCII dropped, the string delimiters escaped. */
function pdfText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (char) => `\\${char}`);
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A one-page PDF: the text in Helvetica, and an 8-bit grey image whose samples are the bulk. */
async function writePdf(out: HashedWriter, lines: readonly string[], random: Random, bulkBytes: number): Promise<void> {
  const width = 1024;
  const height = Math.max(1, Math.ceil(bulkBytes / width));
  const content = Buffer.from(
    [
      'BT /F1 11 Tf 56 780 Td 15 TL',
      ...lines.map((line) => `(${pdfText(line)}) Tj T*`),
      'ET',
      `q 120 0 0 ${Math.max(1, Math.round((120 * height) / width))} 420 60 cm /Im1 Do Q`,
    ].join('\n'),
    'latin1',
  );
  const offsets: number[] = [];
  const object = async (text: string) => {
    offsets.push(out.size);
    await out.write(Buffer.from(text, 'latin1'));
  };
  await out.write(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  await object('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
  await object('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n');
  await object(
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>\nendobj\n',
  );
  await object('4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n');
  await object(`5 0 obj\n<< /Length ${content.byteLength} >>\nstream\n${content.toString('latin1')}\nendstream\nendobj\n`);
  await object(
    `6 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${width * height} >>\nstream\n`,
  );
  for (const piece of bulk(random, width * height)) await out.write(piece);
  await out.write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = out.size;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  await out.write(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
}

const DOCX_PARTS = (lines: readonly string[]) => ({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/_rels/document.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/attachment.bin"/></Relationships>',
  'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`)
    .join('')}<w:sectPr/></w:body></w:document>`,
});

/** 1 January 2026, 09:00, as a ZIP entry's DOS time and date. */
const DOS_TIME = 9 << 11;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** A DOCX (a ZIP of stored entries): the text as paragraphs, and an embedded part holding the bulk. */
async function writeDocx(out: HashedWriter, lines: readonly string[], random: Random, bulkBytes: number): Promise<void> {
  const bulkSeed = random.fork('bulk');
  // The stored entry's CRC goes before its bytes: the keystream is made once to count it, once to write it.
  let bulkCrc = 0;
  for (const piece of bulk(bulkSeed.fork(0), bulkBytes)) bulkCrc = crc32(piece, bulkCrc);
  const entries: { name: string; crc: number; size: number; offset: number }[] = [];
  const header = async (name: string, crc: number, size: number) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.byteLength, 26);
    local.writeUInt16LE(0, 28);
    entries.push({ name, crc, size, offset: out.size });
    await out.write(Buffer.concat([local, nameBytes]));
  };
  for (const [name, text] of Object.entries(DOCX_PARTS(lines))) {
    const bytes = Buffer.from(text, 'utf8');
    await header(name, crc32(bytes), bytes.byteLength);
    await out.write(bytes);
  }
  await header('word/embeddings/attachment.bin', bulkCrc, bulkBytes);
  for (const piece of bulk(bulkSeed.fork(0), bulkBytes)) await out.write(piece);
  const directoryStart = out.size;
  for (const { name, crc, size, offset } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    await out.write(Buffer.concat([central, nameBytes]));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(out.size - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  await out.write(end);
}

/** What the text part of a file costs beyond the bulk, roughly: the bulk is sized to make up the rest. */
const TEXT_ALLOWANCE = 4096;

/**
 * Writes a PDF or DOCX of about `size` bytes holding `lines` into `filesDir` under its SHA-256,
 * as the file store names it, and gives its digest and exact size.
 */
export async function writeAttachmentFile(
  filesDir: string,
  kind: AttachmentKind,
  lines: readonly string[],
  random: Random,
  size: number,
): Promise<{ sha256: string; size: number }> {
  const temp = join(filesDir, `.generating-${random.int(0, 0xffff_ffff).toString(16)}`);
  const handle = await open(temp, 'w');
  const out = new HashedWriter(handle);
  try {
    const bulkBytes = Math.max(1024, size - TEXT_ALLOWANCE);
    await (kind === 'pdf' ? writePdf(out, lines, random, bulkBytes) : writeDocx(out, lines, random, bulkBytes));
  } finally {
    await handle.close();
  }
  const sha256 = out.hash.digest('hex');
  await rename(temp, join(filesDir, sha256));
  return { sha256, size: out.size };
}
