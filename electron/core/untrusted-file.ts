import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { RapportError } from '../../shared/errors';

/** What to tell the coach about a file they chose, in words about that file (never about the data folder). */
export interface UntrustedFileWords {
  /** The kind of file expected, for messages: "backup", "reply". */
  kind: string;
  /** The code for a file that is there but not one Rapport can use. */
  code: 'BAD_BACKUP' | 'INVALID_INPUT';
}

/** An opened regular file and its size at open. */
export interface UntrustedFile {
  handle: FileHandle;
  size: number;
}

/*
 * O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, holding a thread of the
 * pool for good (four such calls stall every file operation of the process). With it, open
 * returns at once and fstat shows what the path really is. O_NOCTTY keeps a terminal device
 * from becoming the controlling terminal. Both are 0 where the platform has no such flag.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function openFailure(error: unknown, words: UntrustedFileWords): RapportError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new RapportError('NOT_FOUND', `Rapport cannot find that ${words.kind} file. It may have been moved or deleted.`);
  }
  if (code === 'ELOOP') {
    return new RapportError(
      words.code,
      `That ${words.kind} file is a link that leads nowhere (it points back at itself). Choose the file itself. Nothing was changed.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new RapportError(
      'IO_ERROR',
      `Rapport is not allowed to read that ${words.kind} file. Choose another file. Nothing was changed.`,
    );
  }
  if (code === 'EISDIR' || code === 'ENXIO' || code === 'ENODEV') return notAFile(words);
  return new RapportError('IO_ERROR', `Rapport could not open that ${words.kind} file. Choose another file. Nothing was changed.`);
}

function notAFile(words: UntrustedFileWords): RapportError {
  return new RapportError(
    words.code,
    `That is not a ${words.kind} file: it is a folder, a device or another special file. Nothing was changed.`,
  );
}

/**
 * Opens a file named by the coach (or by anyone who can hand the app a path) without ever
 * blocking, and only if it is a regular file no larger than `maxBytes`; the caller closes it.
 * Symbolic links are followed to what they point at, which must itself be a regular file.
 */
export async function openUntrustedFile(
  path: string,
  maxBytes: number,
  words: UntrustedFileWords,
  tooLarge: () => RapportError,
): Promise<UntrustedFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw openFailure(error, words);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notAFile(words);
    if (stats.size > maxBytes) throw tooLarge();
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes of an opened file, at most `size` of them: a file that grows while it is read
 * (or claims a size its content does not have) is read only as far as it said at open.
 */
export async function readOpened({ handle, size }: UntrustedFile): Promise<Buffer> {
  const bytes = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(bytes, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return bytes.subarray(0, at);
}

/** Opens, reads and closes an untrusted file (see openUntrustedFile). */
export async function readUntrustedFile(
  path: string,
  maxBytes: number,
  words: UntrustedFileWords,
  tooLarge: () => RapportError,
): Promise<Buffer> {
  const file = await openUntrustedFile(path, maxBytes, words, tooLarge);
  try {
    return await readOpened(file);
  } finally {
    await file.handle.close();
  }
}
